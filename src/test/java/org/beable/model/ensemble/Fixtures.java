package org.beable.model.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.ModelArguments;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;

/** The reference systems of docs/models/ensemble.md and small builders for tests. */
final class Fixtures {
    private Fixtures() {}

    /** H = [[0, D], [D*, 0]], D = 0.5 e^{0.3i}. */
    static CMatrix twoLevelH() {
        double d = 0.5;
        return CMatrix.of(new double[][] {{0, d * Math.cos(0.3)}, {d * Math.cos(0.3), 0}},
                new double[][] {{0, d * Math.sin(0.3)}, {-d * Math.sin(0.3), 0}});
    }

    /** ψ(0) = (√0.7, √0.3 e^{−i}). */
    static CMatrix twoLevelPsi() {
        return CMatrix.column(new double[] {Math.sqrt(0.7), Math.sqrt(0.3) * Math.cos(-1)}, new double[] {0, Math.sqrt(0.3) * Math.sin(-1)});
    }

    /** The Rabi flip H = σ_x / 2. */
    static CMatrix rabi() {
        return CMatrix.of(new double[][] {{0, 0.5}, {0.5, 0}}, null);
    }

    static CMatrix ket(double... amplitudes) {
        return CMatrix.column(amplitudes, null);
    }

    static CMatrix randomHermitian(SplittableRandom rng, int n) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int k = 0; k < re.length; k++) {
            re[k] = rng.nextDouble(-1, 1);
            im[k] = rng.nextDouble(-1, 1);
        }
        CMatrix a = CMatrix.wrap(n, n, re, im);
        return a.plus(a.adjoint()).scale(0.5);
    }

    static CMatrix randomKet(SplittableRandom rng, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        double norm = 0;
        for (int a = 0; a < n; a++) {
            re[a] = rng.nextDouble(-1, 1);
            im[a] = rng.nextDouble(-1, 1);
            norm += re[a] * re[a] + im[a] * im[a];
        }
        norm = Math.sqrt(norm);
        for (int a = 0; a < n; a++) {
            re[a] /= norm;
            im[a] /= norm;
        }
        return CMatrix.column(re, im);
    }

    static CMatrix randomUnitary(SplittableRandom rng, int n) {
        return Hermitian.decompose(randomHermitian(rng, n)).vectors();
    }

    /** An ensemble model with the given parameters (numbers as doubles, words as strings). */
    static EnsembleModel model(Object... nameValue) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < nameValue.length; k += 2) {
            Object v = nameValue[k + 1];
            values.put((String) nameValue[k], v instanceof Integer i ? (Object) (double) i : v instanceof Long l ? (Object) (double) l : v);
        }
        return (EnsembleModel) EnsembleModel.SPEC.create(new ModelArguments(EnsembleModel.SPEC, values));
    }

    static EnsembleOptions options(Object... nameValue) {
        return model(nameValue).options();
    }

    /** A detector on `system` measuring spin(θ) with θ the value of `setting` (or fixed when setting is null). */
    static Detector spin(String name, int system, String setting, double fixed) {
        Detector.MeasurementRule rule = v -> Measurement.ofBasis(spinKets(setting == null ? fixed : v.number()));
        return new Detector(name, system, setting, rule, List.of("+1", "-1"), new double[] {1, -1});
    }

    private static CMatrix[] spinKets(double theta) {
        CMatrix up = CMatrix.column(new double[] {Math.cos(theta / 2), Math.sin(theta / 2)}, null);
        CMatrix down = CMatrix.column(new double[] {-Math.sin(theta / 2), Math.cos(theta / 2)}, null);
        return new CMatrix[] {up, down};
    }

    /** One qubit: prepare ψ, evolve H for t, measure spin along each angle (a setting "theta"). */
    static Experiment qubit(CMatrix psi, CMatrix h, double t, long trials, double... angles) {
        SystemLayout layout = new SystemLayout(List.of("q"), new int[] {2});
        List<SettingValue> values = new java.util.ArrayList<>();
        for (double a : angles) values.add(SettingValue.of(a, Double.toString(a)));
        SettingSpace settings = new SettingSpace(List.of("theta"), List.of(values));
        List<Step> steps = new java.util.ArrayList<>();
        if (h != null) steps.add(new Step.Evolve(h, t, Hermitian.evolution(h, t)));
        steps.add(new Step.Measure(new int[] {0}));
        return new Experiment("qubit", layout, psi.projector(), steps, List.of(spin("S", 0, "theta", 0)), settings,
                new SettingChoice.All(), trials);
    }

    /** Two qubits in state ψ, spin(a) on the first and spin(b) on the second. */
    static Experiment pair(CMatrix psi, long trials, double[] as, double[] bs, SettingChoice choice) {
        SystemLayout layout = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});
        List<SettingValue> av = new java.util.ArrayList<>();
        for (double a : as) av.add(SettingValue.of(a, Double.toString(a)));
        List<SettingValue> bv = new java.util.ArrayList<>();
        for (double b : bs) bv.add(SettingValue.of(b, Double.toString(b)));
        SettingSpace settings = new SettingSpace(List.of("a", "b"), List.of(av, bv));
        return new Experiment("pair", layout, psi.projector(), List.of(new Step.Measure(new int[] {0, 1})),
                List.of(spin("A", 0, "a", 0), spin("B", 1, "b", 0)), settings, choice, trials);
    }

    static double[] spinUpProbability(CMatrix psi, CMatrix h, double t, double theta) {
        CMatrix state = h == null ? psi : Hermitian.evolution(h, t).times(psi);
        double up = Spin.spin(theta).times(state).inner(state).getReal();   // ⟨ψ|σ·n|ψ⟩
        double p = (1 + up) / 2;
        return new double[] {p, 1 - p};
    }
}
