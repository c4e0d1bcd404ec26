package org.beable.bench;

import static org.beable.model.lindblad.Fixtures.LOWER;
import static org.beable.model.lindblad.Fixtures.X;
import static org.beable.model.lindblad.Fixtures.Y;
import static org.beable.model.lindblad.Fixtures.Z;
import static org.beable.model.lindblad.Fixtures.angles;
import static org.beable.model.lindblad.Fixtures.ket;
import static org.beable.model.lindblad.Fixtures.on;
import static org.beable.model.lindblad.Fixtures.qubits;
import static org.beable.model.lindblad.Fixtures.spin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beable.analysis.Chsh;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.lindblad.LindbladModel;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Kets;

/**
 * The Java half of {@code bench/compare/run-lindblad}: the problems of
 * {@code bench/compare/lindblad.py}, solved with {@link LindbladModel}, printed as
 * {@code label value} lines in the same format (and the same labels) so the two can be diffed.
 *
 * <ul>
 * <li>The singlet with both qubits dephased (γ = 0.5), CHSH S at the standard angles at several
 *     times — through `predict` and the CHSH analysis, the model's time being t.</li>
 * <li>Chains of 3, 4 and 5 qubits: H = Σ J(XX + YY) + Δ ZZ on neighbours + Σ 0.2k Z_k + 0.3 X_0,
 *     jumps √0.1 Z_k and √0.05 σ−_k on every qubit, from |+⟩|1⟩|0⟩|1⟩…; ⟨Z_k⟩ and ⟨X_k⟩ at
 *     several times — through the model's trajectory. Three qubits use the superoperator
 *     exponential, four and five the integrator.</li>
 * </ul>
 *
 * <p>The whole set is solved five times in one JVM; {@code time_first_s} is the first (cold:
 * class loading, JIT), {@code time_s} the best of the other four (the machine may be shared).
 */
public final class LindbladComparison {
    static final double SINGLET_GAMMA = 0.5;
    static final double[] SINGLET_TIMES = {0, 0.05, 0.1, 0.2, 0.5, 1, 2};
    static final int[] CHAIN_SIZES = {3, 4, 5};
    static final double[] CHAIN_TIMES = {0.5, 1, 2, 3, 5};
    static final double COUPLING = 1.0;
    static final double ANISOTROPY = 0.5;
    static final double FIELD_STEP = 0.2;
    static final double DRIVE = 0.3;
    static final double DEPHASING = 0.1;
    static final double DAMPING = 0.05;
    /** Timed passes after the first. */
    static final int PASSES = 4;

    /** σ− = |1⟩⟨0|, QuTiP's sigmam(). */

    private LindbladComparison() {}

    public static void main(String[] args) {
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        solveAll(lines);
        double first = (System.nanoTime() - start) / 1e9;
        double best = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < PASSES; pass++) {
            start = System.nanoTime();
            solveAll(new ArrayList<>());
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("# beable LindbladModel");
        lines.forEach(System.out::println);
        System.out.println(line("time_first_s", first));
        System.out.println(line("time_s", best));
    }

    static void solveAll(List<String> out) {
        singletChsh(out);
        for (int n : CHAIN_SIZES) chain(n, out);
    }

    static String line(String label, double value) {
        return label + " " + String.format(Locale.ROOT, "%.17g", value);
    }

    // ------------------------------------------------------------------ the dephased singlet

    static void singletChsh(List<String> out) {
        double s = Math.sqrt(0.5);
        CMatrix singlet = CMatrix.column(new double[] {0, s, -s, 0}, null).projector();
        double g = Math.sqrt(SINGLET_GAMMA);
        List<CMatrix> jumps = List.of(on(2, 0, Z).scale(g), on(2, 1, Z).scale(g));
        Experiment chsh = new Experiment("chsh", qubits(2), singlet, List.of(new Step.Measure(new int[] {0, 1})),
                List.of(spin("A", 0, "a"), spin("B", 1, "b")),
                new SettingSpace(List.of("a", "b"), List.of(angles(0, Math.PI / 2), angles(Math.PI / 4, -Math.PI / 4))),
                new SettingChoice.All(), 1000);
        for (double t : SINGLET_TIMES) {
            LindbladModel model = new LindbladModel(CMatrix.zeros(4, 4), jumps, t);
            out.add(line("singlet/t=" + label(t) + "/S", Chsh.of(Prediction.of(chsh, model)).s().value()));
        }
    }

    // ------------------------------------------------------------------ the chains

    static void chain(int n, List<String> out) {
        int d = 1 << n;
        CMatrix h = CMatrix.zeros(d, d);
        for (int k = 0; k + 1 < n; k++) {
            h = h.plus(on(n, k, X).times(on(n, k + 1, X)).plus(on(n, k, Y).times(on(n, k + 1, Y))).scale(COUPLING))
                    .plus(on(n, k, Z).times(on(n, k + 1, Z)).scale(ANISOTROPY));
        }
        for (int k = 0; k < n; k++) h = h.plus(on(n, k, Z).scale(FIELD_STEP * k));
        h = h.plus(on(n, 0, X).scale(DRIVE));
        List<CMatrix> jumps = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            jumps.add(on(n, k, Z).scale(Math.sqrt(DEPHASING)));
            jumps.add(on(n, k, LOWER).scale(Math.sqrt(DAMPING)));
        }
        CMatrix ket = Kets.plus();
        for (int k = 1; k < n; k++) ket = ket.kron(k % 2 == 1 ? ket(0, 1) : ket(1, 0));
        List<CMatrix> states = new LindbladModel(h, jumps, 0).trajectory(ket.projector(), CHAIN_TIMES);
        for (int i = 0; i < CHAIN_TIMES.length; i++) {
            CMatrix rho = states.get(i);
            String at = "chain" + n + "/t=" + label(CHAIN_TIMES[i]) + "/";
            for (int k = 0; k < n; k++) {
                out.add(line(at + "Z" + k, on(n, k, Z).traceOfProduct(rho).getReal()));
                out.add(line(at + "X" + k, on(n, k, X).traceOfProduct(rho).getReal()));
            }
        }
    }

    // ------------------------------------------------------------------ small helpers

    /** Times as Python's "%g" writes them. */
    static String label(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }
}
