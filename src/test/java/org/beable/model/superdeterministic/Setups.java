package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.beable.testing.RandomMatrices;

/** Experiments built directly on the experiment and quantum packages, for the model's tests. */
final class Setups {
    private Setups() {}

    /** A spin detector on a qubit reading setting {@code setting} (an angle), or fixed at {@code angle} when setting is null. */
    static Detector spin(String name, int system, String setting, double angle) {
        return new Detector(name, system, setting,
                v -> Measurement.ofBasis(new CMatrix[] {Spin.up(setting == null ? angle : v.number()), Spin.down(setting == null ? angle : v.number())}),
                List.of("+1", "-1"), new double[] {1, -1});
    }

    /** A detector measuring a fixed orthonormal basis (columns of a unitary) on one system. */
    static Detector basis(String name, int system, CMatrix unitary) {
        int n = unitary.rows;
        CMatrix[] kets = new CMatrix[n];
        List<String> labels = new ArrayList<>();
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            kets[k] = unitary.columnAt(k);
            labels.add(Integer.toString(k));
            values[k] = k;
        }
        return new Detector(name, system, null, v -> Measurement.ofBasis(kets), labels, values);
    }

    static SystemLayout layout(int... dims) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < dims.length; k++) names.add("s" + k);
        return new SystemLayout(names, dims);
    }

    static Experiment experiment(SystemLayout layout, CMatrix state, List<Step> steps, List<Detector> detectors,
                                 List<String> settings, List<List<SettingValue>> values, SettingChoice choice, long trials) {
        CMatrix rho = state.cols == 1 ? state.projector() : state;
        return new Experiment("test", layout, rho, steps, detectors, new SettingSpace(settings, values), choice, trials);
    }

    /** All detectors measured together, no settings. */
    static Experiment single(SystemLayout layout, CMatrix state, List<Detector> detectors, long trials) {
        int[] all = new int[detectors.size()];
        for (int k = 0; k < all.length; k++) all[k] = k;
        return experiment(layout, state, List.of(new Step.Measure(all)), detectors, List.of(), List.of(), new SettingChoice.All(), trials);
    }

    /** Two qubits, spin(a) ⊗ spin(b), a and b each taking the given angles. */
    static Experiment bell(CMatrix state, double[] as, double[] bs, SettingChoice choice, long trials) {
        return experiment(layout(2, 2), state, List.of(new Step.Measure(new int[] {0, 1})),
                List.of(spin("A", 0, "a", 0), spin("B", 1, "b", 0)), List.of("a", "b"), List.of(angles(as), angles(bs)), choice, trials);
    }

    static List<SettingValue> angles(double... xs) {
        List<SettingValue> list = new ArrayList<>();
        for (double x : xs) list.add(SettingValue.of(x, Double.toString(x)));
        return list;
    }

    /** q|↓↑> − √(1−q²)|↑↓> = q|10> − √(1−q²)|01>, the papers' weighted singlet (|1> of their eq 22 first). */
    static CMatrix weightedSinglet(double q) {
        double[] re = new double[4];
        re[2] = q;
        re[1] = -Math.sqrt(1 - q * q);
        return CMatrix.column(re, null);
    }

    static CMatrix randomKet(int n, Random rng) {
        return RandomMatrices.ket(n, rng);
    }

    static CMatrix randomHermitian(int n, Random rng, double scale) {
        return RandomMatrices.hermitian(n, rng, scale);
    }

    /** A random unitary: the eigenvectors of a random Hermitian matrix. */
    static CMatrix randomUnitary(int n, Random rng) {
        return Hermitian.decompose(randomHermitian(n, rng, 1)).vectors();
    }

    /** A random density matrix (a mixture of three random pure states). */
    static CMatrix randomDensity(int n, Random rng) {
        CMatrix rho = CMatrix.zeros(n, n);
        double[] w = {0.5, 0.3, 0.2};
        for (double x : w) rho = rho.plus(randomKet(n, rng).projector().scale(x));
        return rho;
    }

    static SignPattern randomPattern(int n, Random rng) {
        boolean[] positive = new boolean[n];
        for (int p = 1; p < n; p++) positive[p] = rng.nextBoolean();
        return new SignPattern(positive);
    }
}
