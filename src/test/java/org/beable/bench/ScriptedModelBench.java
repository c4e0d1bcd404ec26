package org.beable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.model.TrialSampler;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.model.scripted.HiddenDistribution;
import org.beable.model.scripted.OutcomeRule;
import org.beable.model.scripted.ScriptedModel;
import org.beable.model.scripted.SlotExpression;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.beable.random.RandomStreams;
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
 * Script models (org.beable.model.scripted) with their rules written as Java lambdas, standing
 * in for what the interpreter will compile.
 *
 * <ul>
 * <li>{@code run*} / {@code sample*}: Bell's 1964 model over CHSH — λ uniform, A = sign(cos(a − λ)),
 *     B = −sign(cos(b − λ)). {@code runBell64TwoThreads} is the whole `run` (four combinations,
 *     the Runner's arrays and counts) on two threads; {@code sampleBell64TwoThreads} one
 *     combination's sampler through the ChunkedRunner; {@code sampleBell64OneThread} the per-core
 *     rate. Scores are trials per second. {@code runTonerBaconTwoThreads}: two unit vectors per
 *     trial and a communicated bit, for comparison.</li>
 * <li>{@code predict*}: one setting combination of a fresh model (binding and plan included),
 *     milliseconds: Bell 1964 (1-D, deterministic rules, jumps located), Gisin–Gisin in the plane
 *     (1-D, a drawn rule with a no-click outcome) and on the sphere (2-D).</li>
 * </ul>
 *
 * <p>{@code bench/run ScriptedModel -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScriptedModelBench {

    /** Trials per invocation of the two-thread runs: 256 chunks. */
    static final int RUN = 1 << 24;
    /** Trials per invocation of the single-thread loop. */
    static final int LOOP = 1 << 22;

    static Detector spin(String name, int system, String setting, boolean noClick) {
        Detector.MeasurementRule rule = v -> {
            org.beable.experiment.Measurement m = org.beable.experiment.Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())});
            return noClick ? m.withZeroOutcomes(1) : m;
        };
        return noClick ? new Detector(name, system, setting, rule, List.of("+1", "-1", "0"), new double[] {1, -1, 0})
                : new Detector(name, system, setting, rule, List.of("+1", "-1"), new double[] {1, -1});
    }

    static List<SettingValue> angles(double... xs) {
        List<SettingValue> list = new ArrayList<>();
        for (double x : xs) list.add(SettingValue.of(x, Double.toString(x)));
        return list;
    }

    /** The singlet under CHSH settings, {@code trials} per combination. */
    static Experiment chsh(long trials, boolean noClick) {
        double h = Math.sqrt(0.5);
        CMatrix singlet = CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
        return new Experiment("chsh", new SystemLayout(List.of("alice", "bob"), new int[] {2, 2}), singlet,
                List.of(new Step.Measure(new int[] {0, 1})), List.of(spin("A", 0, "a", noClick), spin("B", 1, "b", false)),
                new SettingSpace(List.of("a", "b"), List.of(angles(0, Math.PI / 2), angles(Math.PI / 4, -Math.PI / 4))),
                new SettingChoice.All(), trials);
    }

    static SlotExpression signCos(String setting, double sign) {
        return scope -> {
            int s = scope.setting(setting);
            int lam = scope.hidden("lam");
            return c -> sign * Math.signum(Math.cos(c[s] - c[lam]));
        };
    }

    static ScriptedModel bell64() {
        return ScriptedModel.builder("bell64")
                .hidden("lam", HiddenDistribution.uniform(0, 2 * Math.PI))
                .outcome("A", signCos("a", 1))
                .outcome("B", signCos("b", -1))
                .build();
    }

    static double dot(double[] c, int theta, int vector) {
        return Math.sin(c[theta]) * c[vector] + Math.cos(c[theta]) * c[vector + 2];
    }

    static ScriptedModel tonerBacon() {
        return ScriptedModel.builder("toner_bacon")
                .hidden("lam1", HiddenDistribution.sphere())
                .hidden("lam2", HiddenDistribution.sphere())
                .outcome("A", scope -> {
                    int a = scope.setting("a"), l1 = scope.hidden("lam1");
                    return c -> -Math.signum(dot(c, a, l1));
                })
                .outcome("B", scope -> {
                    int a = scope.setting("a"), b = scope.setting("b"), l1 = scope.hidden("lam1"), l2 = scope.hidden("lam2");
                    return c -> Math.signum(dot(c, b, l1) + Math.signum(dot(c, a, l1)) * Math.signum(dot(c, a, l2)) * dot(c, b, l2));
                })
                .build();
    }

    /** Gisin and Gisin's detection-loophole model, λ on the circle (plane) or the sphere. */
    static ScriptedModel gisin(boolean sphere) {
        java.util.function.Function<Double, SlotExpression> click = sign -> scope -> {
            int a = scope.setting("a"), l = scope.hidden("lam");
            return sphere ? c -> Math.max(0, sign * dot(c, a, l)) : c -> Math.max(0, sign * Math.cos(c[a] - c[l]));
        };
        SlotExpression none = scope -> {
            int a = scope.setting("a"), l = scope.hidden("lam");
            return sphere ? c -> 1 - Math.abs(dot(c, a, l)) : c -> 1 - Math.abs(Math.cos(c[a] - c[l]));
        };
        return ScriptedModel.builder("gisin")
                .hidden("lam", sphere ? HiddenDistribution.sphere() : HiddenDistribution.uniform(0, 2 * Math.PI))
                .outcome("A", OutcomeRule.discrete(new double[] {1, -1, 0}, click.apply(-1.0), click.apply(1.0), none))
                .outcome("B", scope -> {
                    int b = scope.setting("b"), l = scope.hidden("lam");
                    return sphere ? c -> Math.signum(dot(c, b, l)) : c -> Math.signum(Math.cos(c[b] - c[l]));
                })
                .build();
    }

    @State(Scope.Benchmark)
    public static class Sampling {
        Experiment experiment;
        Experiment perCombination;
        ScriptedModel bell64;
        ScriptedModel tonerBacon;
        TrialSampler sampler;
        ChunkedRunner twoThreads;
        Runner runner;
        int[] out;
        UniformRandomProvider rng;

        @Setup
        public void setUp() {
            experiment = chsh(RUN / 4, false);
            bell64 = bell64();
            tonerBacon = tonerBacon();
            sampler = bell64.sampler(experiment, 0);
            twoThreads = new ChunkedRunner(2, Cancellation.none());
            runner = new Runner(2, Cancellation.none(), null);
            out = new int[RUN];
            rng = RandomStreams.stream(1, 2);
        }
    }

    /** The whole `run` of bell64 over CHSH on two threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public SampledRun runBell64TwoThreads(Sampling s) {
        return s.runner.run(s.experiment, s.bell64, 42L);
    }

    /** One combination's sampler into an int[] on two threads, as `run` drives it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public int[] sampleBell64TwoThreads(Sampling s) {
        int[] out = s.out;
        TrialSampler sampler = s.sampler;
        s.twoThreads.run(RUN, 42L, 0, (chunk, from, to, r) -> sampler.sampleInto(r, out, (int) from, (int) to));
        return out;
    }

    /** The same on one thread, for the per-core rate. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(LOOP)
    public int[] sampleBell64OneThread(Sampling s) {
        s.sampler.sampleInto(s.rng, s.out, 0, LOOP);
        return s.out;
    }

    /** The floor: the same trials written out by hand in one loop (no context, no rules, no checks), one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(LOOP)
    public int[] baselineBell64OneThread(Sampling s) {
        int[] out = s.out;
        UniformRandomProvider rng = s.rng;
        double a = 0;
        double b = Math.PI / 4;
        for (int t = 0; t < LOOP; t++) {
            double lam = 2 * Math.PI * rng.nextDouble();
            int outcomeA = Math.cos(a - lam) > 0 ? 0 : 1;
            int outcomeB = Math.cos(b - lam) > 0 ? 1 : 0;
            out[t] = 2 * outcomeA + outcomeB;
        }
        return out;
    }

    /** Toner–Bacon over CHSH on two threads: two unit vectors per trial, six dot products. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public SampledRun runTonerBaconTwoThreads(Sampling s) {
        return s.runner.run(s.experiment, s.tonerBacon, 42L);
    }

    @State(Scope.Benchmark)
    public static class Exact {
        Experiment experiment;
        Experiment noClick;

        @Setup
        public void setUp() {
            experiment = chsh(1, false);
            noClick = chsh(1, true);
        }
    }

    /** Bell 1964, one combination (a = 0, b = π/4), exact to 1e-9: milliseconds. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] predictBell64(Exact e) {
        return bell64().predict(e.experiment, 0).orElseThrow();
    }

    /** Gisin–Gisin in the plane: a drawn rule whose probabilities vary with λ, one combination. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] predictGisinCircle(Exact e) {
        return gisin(false).predict(e.noClick, 0).orElseThrow();
    }

    /** Gisin–Gisin on the sphere: two nested integrals, one combination. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public double[] predictGisinSphere(Exact e) {
        return gisin(true).predict(e.noClick, 0).orElseThrow();
    }
}
