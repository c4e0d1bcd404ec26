package org.beable.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.QuantumModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole `run` of CHSH under quantum mechanics through {@link Runner}, on two threads: the
 * Born-rule throughput a script sees (trials per second), setting combinations, samplers and
 * the result included.
 *
 * <p>{@code bench/run RunnerBench -f 1 -wi 2 -i 3}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RunnerBench {

    /** Trials per setting combination; four combinations. */
    static final int PER_COMBINATION = 1 << 22;

    private Experiment chsh;
    private Runner runner;

    @Setup
    public void setUp() {
        chsh = chsh(PER_COMBINATION);
        runner = new Runner(2, Cancellation.none(), null);
    }

    @Benchmark
    @OperationsPerInvocation(4 * PER_COMBINATION)
    public SampledRun chshQuantum2Threads() {
        return runner.run(chsh, new QuantumModel(), 42L);
    }

    /** The singlet, a in {0, π/2}, b in {π/4, −π/4}. */
    static Experiment chsh(long trials) {
        SystemLayout layout = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});
        double h = Math.sqrt(0.5);
        CMatrix state = CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
        Detector.MeasurementRule spin = v -> org.beable.experiment.Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())});
        List<Detector> detectors = List.of(
                new Detector("A", 0, "a", spin, List.of("+1", "-1"), new double[] {1, -1}),
                new Detector("B", 1, "b", spin, List.of("+1", "-1"), new double[] {1, -1}));
        SettingSpace settings = new SettingSpace(List.of("a", "b"),
                List.of(List.of(SettingValue.of(0, "0"), SettingValue.of(Math.PI / 2, "pi/2")),
                        List.of(SettingValue.of(Math.PI / 4, "pi/4"), SettingValue.of(-Math.PI / 4, "-pi/4"))));
        return new Experiment("chsh", layout, state, List.of(new Step.Measure(new int[] {0, 1})), detectors, settings,
                new SettingChoice.All(), trials);
    }
}
