package org.beable.model.lindblad;

import java.util.ArrayList;
import java.util.Arrays;
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

/** Operators and experiments built directly on the quantum and experiment packages. */
public final class Fixtures {
    private Fixtures() {}

    static final CMatrix I = CMatrix.identity(2);
    public static final CMatrix X = Spin.pauliX();
    public static final CMatrix Y = Spin.pauliY();
    public static final CMatrix Z = Spin.pauliZ();
    /** σ− = (X − iY)/2 = |1⟩⟨0|: spin up |0⟩ (the excited level) decays to spin down |1⟩. */
    public static final CMatrix LOWER = CMatrix.of(new double[][] {{0, 0}, {1, 0}}, null);

    /** op on qubit k of n (qubit 0 most significant, as SystemLayout orders factors). */
    public static CMatrix on(int n, int k, CMatrix op) {
        CMatrix m = CMatrix.identity(1);
        for (int q = 0; q < n; q++) m = m.kron(q == k ? op : I);
        return m;
    }

    public static CMatrix ket(double... amplitudes) {
        return CMatrix.column(amplitudes, null);
    }

    /** (|01⟩ − |10⟩)/√2 as a density matrix. */
    static CMatrix singlet() {
        double s = Math.sqrt(0.5);
        return ket(0, s, -s, 0).projector();
    }

    public static SystemLayout qubits(int n) {
        List<String> names = new ArrayList<>();
        int[] dims = new int[n];
        for (int k = 0; k < n; k++) {
            names.add("q" + k);
            dims[k] = 2;
        }
        return new SystemLayout(names, dims);
    }

    /** spin(θ) on a qubit, θ read from setting {@code setting}; `none` values allowed. */
    public static Detector spin(String name, int system, String setting) {
        return new Detector(name, system, setting,
                v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())}),
                List.of("+1", "-1"), new double[] {1, -1});
    }

    public static List<SettingValue> angles(double... xs) {
        List<SettingValue> list = new ArrayList<>();
        for (double x : xs) list.add(Double.isNaN(x) ? SettingValue.NONE : SettingValue.of(x, Double.toString(x)));
        return list;
    }

    static Step.Evolve evolve(CMatrix h, double t) {
        return new Step.Evolve(h, t, Hermitian.evolution(h, t));
    }

    static Step.Measure measure(int... detectors) {
        return new Step.Measure(detectors);
    }

    /** Spin detectors A on q0 (setting a) and B on q1 (setting b) of n qubits, measured by the given steps. */
    static Experiment pair(int n, CMatrix rho, List<Step> steps, double[] as, double[] bs, long trials) {
        return new Experiment("pair", qubits(n), rho, steps, List.of(spin("A", 0, "a"), spin("B", 1, "b")),
                new SettingSpace(List.of("a", "b"), List.of(angles(as), angles(bs))), new SettingChoice.All(), trials);
    }

    /** A and B measured together right after preparation. */
    static Experiment bell(CMatrix rho, double[] as, double[] bs, long trials) {
        return pair(2, rho, List.of(measure(0, 1)), as, bs, trials);
    }

    /** One spin detector on a single qubit, setting a. */
    static Experiment single(CMatrix rho, List<Step> steps, double... as) {
        return new Experiment("single", qubits(1), rho, steps, List.of(spin("A", 0, "a")),
                new SettingSpace(List.of("a"), List.of(angles(as))), new SettingChoice.All(), 1000);
    }

    static CMatrix randomHermitian(int n, Random rng, double scale) {
        return RandomMatrices.hermitian(n, rng, scale);
    }

    static CMatrix randomMatrix(int n, Random rng, double scale) {
        return RandomMatrices.general(n, rng, scale);
    }

    /** A random mixed state: A A† / Tr. */
    static CMatrix randomState(int n, Random rng) {
        CMatrix a = randomMatrix(n, rng, 1);
        CMatrix rho = a.times(a.adjoint());
        return rho.scale(1 / rho.trace().getReal());
    }

    static double maxDifference(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError(Arrays.toString(a) + " vs " + Arrays.toString(b));
        double max = 0;
        for (int k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k] - b[k]));
        return max;
    }
}
