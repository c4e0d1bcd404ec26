package org.beable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.BornRule;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.quantum.CMatrix;
import org.beable.quantum.DenseLimit;
import org.beable.quantum.Hamiltonian;
import org.beable.quantum.SparseMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The experiment of {@code examples/quench_detection.beable} from Java: an Ising chain
 * (g = 1, J = 0.7) quenched from |0…0⟩ for t = 1.5, spins of the two middle qubits measured
 * along a ∈ {0, π/2}, b ∈ {0, π/4}; {@code predict} under quantum for all four combinations.
 * {@code kets} is the route the quantum model takes above 32 dimensions (Lanczos steps, local
 * projectors); {@code densityMatrices} the route every model took before (dense unitary,
 * ρ → UρU†, lifted projectors), for the ratio on sizes where it still runs. Measured on the
 * shared 2-core machine (load ~10, so noisy): 8 qubits 15 ms against 707 ms, 10 qubits 76 ms
 * against 127 s, 12 qubits 142 ms (the dense route would need a 4096² eigen-decomposition).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@org.openjdk.jmh.annotations.Measurement(iterations = 5)
@Fork(1)
public class ExperimentEvolveBench {

    @State(Scope.Benchmark)
    public static class Quench {
        @Param({"8", "10", "12"})
        int qubits;
        Experiment experiment;

        @Setup(Level.Invocation)      // a fresh experiment: no evolved ket kept from the last invocation
        public void setUp() {
            experiment = quench(qubits);
        }
    }

    @Benchmark
    public Prediction kets(Quench q) {
        return Prediction.of(q.experiment, new QuantumModel());
    }

    /** The dense route on sizes it finishes in seconds (10 qubits takes minutes: pass {@code -p qubits=10} to see). */
    @State(Scope.Benchmark)
    public static class SmallQuench {
        @Param({"6", "8"})
        int qubits;
        Experiment experiment;

        @Setup(Level.Invocation)
        public void setUp() {
            experiment = quench(qubits);
        }
    }

    @Benchmark
    public double[][] densityMatrices(SmallQuench q) {
        double[][] p = new double[q.experiment.combinations()][];
        for (int c = 0; c < p.length; c++) p[c] = BornRule.distribution(q.experiment, c, q.experiment.preparedState());
        return p;
    }

    static Experiment quench(int qubits) {
        List<String> names = new ArrayList<>();
        int[] dims = new int[qubits];
        for (int k = 0; k < qubits; k++) {
            names.add("q" + (k + 1));
            dims[k] = 2;
        }
        SystemLayout layout = new SystemLayout(names, dims);
        SparseMatrix h = layout.embedSparse(Spin.pauliX(), 0);
        for (int k = 1; k < qubits; k++) {
            h = h.plus(layout.embedSparse(Spin.pauliX(), k))
                    .plus(layout.embedSparse(Spin.pauliZ(), k - 1).times(layout.embedSparse(Spin.pauliZ(), k)).scale(0.7, 0));
        }
        double[] up = new double[layout.dimension()];
        up[0] = 1;
        List<Step> steps = List.of(new Step.Evolve(Hamiltonian.of(h), 1.5, DenseLimit.NONE, Cancellation.none()),
                new Step.Measure(new int[] {0, 1}));
        List<Detector> detectors = List.of(spin("A", qubits / 2 - 1, "a"), spin("B", qubits / 2, "b"));
        SettingSpace settings = new SettingSpace(List.of("a", "b"),
                List.of(List.of(SettingValue.of(0, "0"), SettingValue.of(Math.PI / 2, "pi/2")),
                        List.of(SettingValue.of(0, "0"), SettingValue.of(Math.PI / 4, "pi/4"))));
        return new Experiment("quench", layout, null, CMatrix.column(up, new double[up.length]), steps, detectors, settings,
                new SettingChoice.All(), 1, DenseLimit.NONE);
    }

    private static Detector spin(String name, int system, String setting) {
        return new Detector(name, system, setting, v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())}),
                List.of("+1", "-1"), new double[] {1, -1});
    }
}
