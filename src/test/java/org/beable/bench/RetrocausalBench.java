package org.beable.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.bindings.ModelValue;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.interp.Interpreter;
import org.beable.model.RealFunction;
import org.beable.model.TrialSampler;
import org.beable.model.retrocausal.ChshSearch;
import org.beable.model.retrocausal.RetrocausalModel;
import org.beable.model.retrocausal.Weight;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.beable.random.RandomStreams;
import org.beable.syntax.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The retrocausal model's hot paths (issue 5, item 8).
 *
 * <ul>
 * <li>{@code gridSearch*}: the paper's §3.2 search, 201³ = 8 120 601 settings with exact S, on
 *     two threads ({@link ChshSearch}); score = milliseconds per whole search. {@code Lorentzian}
 *     uses the closed form, {@code UserWeight} a W written in Beable (its spectral correlation),
 *     {@code UserWeightNet} the same W under convention = net (the pair kernel);
 *     {@code PerPointBaseline} evaluates the closed form at every point instead of tabulating E,
 *     for comparison.</li>
 * <li>{@code weightCall*}: one call of W(α) as the model makes it ({@link Weight#at}, checked),
 *     for a weight written in Beable and compiled by the interpreter, against the same formula
 *     as a Java lambda; score = nanoseconds per call. The {@code weight} parameter varies the
 *     Beable source (a power node, a product node, a builtin call), and
 *     {@code -prof gc} shows the bytes each call allocates (the frame and boxed numbers).</li>
 * <li>{@code histories*}: whole singlet histories (s, α, β, outcomes) drawn by `run`'s
 *     sampler on one thread; score = nanoseconds per history.</li>
 * </ul>
 *
 * <p>{@code bench/run Retrocausal -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RetrocausalBench {

    static final int CALLS = 1 << 12;
    static final int HISTORIES = 1 << 14;

    private static double[] around(double center) {
        return IntStream.rangeClosed(-100, 100).mapToDouble(k -> center + k * Math.PI / 10000).toArray();
    }

    private static RetrocausalModel compiled(String source) {
        Interpreter interpreter = new Interpreter(Interpreter.Options.defaults(), values -> { });
        interpreter.run(new Source("bench", "let m = " + source + "\n"));
        return (RetrocausalModel) ((ModelValue) interpreter.lookup("m")).model();
    }

    // ------------------------------------------------------------------ the grid search

    @State(Scope.Benchmark)
    public static class Grid {
        final double[] a1 = {0};
        final double[] a2 = around(Math.PI / 2);
        final double[] b1 = around(Math.PI / 4);
        final double[] b2 = around(-Math.PI / 4);
        final double bound = 2 * Math.sqrt(2) / Math.cosh(0.2);
        RetrocausalModel lorentzian;
        RetrocausalModel user;
        RetrocausalModel userNet;

        @Setup
        public void setUp() {
            lorentzian = new RetrocausalModel(0.1, null, null);
            user = compiled("retrocausal(weight = a => 1/(a^2 + 0.01))");
            userNet = compiled("retrocausal(weight = a => 1/(a^2 + 0.01), convention = net)");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public ChshSearch gridSearchLorentzian(Grid g) {
        return ChshSearch.over(g.lorentzian.singletCorrelation(), "bench", g.a1, g.a2, g.b1, g.b2, g.bound, 2);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public ChshSearch gridSearchUserWeight(Grid g) {
        return ChshSearch.over(g.user.singletCorrelation(), "bench", g.a1, g.a2, g.b1, g.b2, g.bound, 2);
    }

    /** The same weight under convention = net: E from the pair kernel (issue 15), against the power spectrum above. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public ChshSearch gridSearchUserWeightNet(Grid g) {
        return ChshSearch.over(g.userNet.singletCorrelation(), "bench", g.a1, g.a2, g.b1, g.b2, g.bound, 2);
    }

    /** Baseline: the closed form E = −sech(2γ) cos θ at every one of the 8.1 million points, two threads. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public double gridSearchPerPointBaseline(Grid g) throws Exception {
        double k = 1 / Math.cosh(0.2);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
        try {
            return pool.submit(() -> IntStream.range(0, g.a2.length).parallel().mapToDouble(i -> {
                double a2 = g.a2[i];
                double best = 0;
                for (double b1 : g.b1) {
                    for (double b2 : g.b2) {
                        double s = k * Math.abs(Math.cos(b1) + Math.cos(b2) + Math.cos(b1 - a2) - Math.cos(b2 - a2));
                        if (s > best) best = s;
                    }
                }
                return best;
            }).max().orElse(0)).get();
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------ one call of a user's W

    @State(Scope.Benchmark)
    public static class Calls {
        @Param({"a => 1/(a^2 + 0.01)", "a => 1/(a*a + 0.01)", "a => exp(-a*a)"})
        public String weight;
        Weight user;
        Weight java;
        RealFunction raw;
        final double[] alphas = new double[CALLS];

        @Setup
        public void setUp() {
            RetrocausalModel model = compiled("retrocausal(weight = " + weight + ")");
            user = model.weight();
            raw = ((Weight.Numeric) user).function();
            java = new RetrocausalModel(0.1, a -> 1 / (a * a + 0.01), null).weight();
            UniformRandomProvider rng = RandomStreams.stream(3, 4);
            for (int k = 0; k < CALLS; k++) alphas[k] = 400 * (rng.nextDouble() - 0.5);
        }
    }

    /** W(α) written in Beable, called the way the model calls it (checked for sign and finiteness). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(CALLS)
    public double weightCallBeable(Calls c) {
        double sum = 0;
        for (double a : c.alphas) sum += c.user.at(a);
        return sum;
    }

    /** The interpreter's compiled closure alone, without the model's check. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(CALLS)
    public double weightCallBeableUnchecked(Calls c) {
        double sum = 0;
        for (double a : c.alphas) sum += c.raw.apply(a);
        return sum;
    }

    /** The same W as a Java lambda through the same checked path: the floor. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(CALLS)
    public double weightCallJava(Calls c) {
        double sum = 0;
        for (double a : c.alphas) sum += c.java.at(a);
        return sum;
    }

    // ------------------------------------------------------------------ whole histories

    @State(Scope.Thread)
    public static class Histories {
        TrialSampler lorentzian;
        TrialSampler user;
        final int[] out = new int[HISTORIES];
        UniformRandomProvider rng;

        @Setup(Level.Trial)
        public void setUp() {
            Experiment e = singlet();
            lorentzian = new RetrocausalModel(0.1, null, null).sampler(e, 0);
            user = compiled("retrocausal(weight = a => 1/(a^2 + 0.01))").sampler(e, 0);
            rng = RandomStreams.stream(5, 6);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(HISTORIES)
    public int[] historiesLorentzian(Histories h) {
        h.lorentzian.sampleInto(h.rng, h.out, 0, HISTORIES);
        return h.out;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(HISTORIES)
    public int[] historiesUserWeight(Histories h) {
        h.user.sampleInto(h.rng, h.out, 0, HISTORIES);
        return h.out;
    }

    /** The singlet, A along 0 and B along 1. */
    static Experiment singlet() {
        SystemLayout layout = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});
        double h = Math.sqrt(0.5);
        CMatrix state = CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
        Detector.MeasurementRule spin = v -> org.beable.experiment.Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())});
        List<Detector> detectors = List.of(
                new Detector("A", 0, "a", spin, List.of("+1", "-1"), new double[] {1, -1}),
                new Detector("B", 1, "b", spin, List.of("+1", "-1"), new double[] {1, -1}));
        SettingSpace settings = new SettingSpace(List.of("a", "b"),
                List.of(List.of(SettingValue.of(0, "0")), List.of(SettingValue.of(1, "1"))));
        return new Experiment("singlet", layout, state, List.of(new Step.Measure(new int[] {0, 1})), detectors, settings,
                new SettingChoice.All(), 1);
    }
}
