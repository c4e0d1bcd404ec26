package org.beable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.Step;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.model.TrialSampler;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.model.superdeterministic.BasisOrder;
import org.beable.model.superdeterministic.Drift;
import org.beable.model.superdeterministic.SuperdeterministicModel;
import org.beable.model.superdeterministic.Trajectories;
import org.beable.model.superdeterministic.Trajectory;
import org.beable.model.superdeterministic.UniformLambda;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.beable.random.RandomStreams;
import org.beable.testing.RandomMatrices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The superdeterministic model's two hot paths (issue 4, item 9).
 *
 * <p>κ → ∞ sampling, N = 4 (two qubits, a fixed random state, spin detectors): per trial draw the
 * |λ_J|² the outcome needs and apply the rule. Scores are trials per second
 * ({@code @OperationsPerInvocation}); the two-thread runs use the ChunkedRunner as `run` does.
 *
 * <p>The master equation at finite κ (N = 16, 32, 64): random H of spectral norm 1, a random pure
 * state, κ = 10, one λ branch (so one thread), t from 0 to 5/κ with 200 output times, atol 1e-8,
 * rtol 1e-6 — the problem of the QuTiP and numpy + scipy comparison, plan and basis change
 * included. Scores are milliseconds per solve.
 *
 * <p>{@code bench/run Superdeterministic -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SuperdeterministicBench {

    /** Trials per invocation of the two-thread runs: 256 chunks. */
    static final int RUN = 1 << 24;
    /** Trials per invocation of the single-thread loop. */
    static final int LOOP = 1 << 22;

    static Detector spin(String name, int system, double angle) {
        return new Detector(name, system, null, v -> org.beable.experiment.Measurement.ofBasis(new CMatrix[] {Spin.up(angle), Spin.down(angle)}),
                List.of("+1", "-1"), new double[] {1, -1});
    }

    /** {@code qubits} qubits in a random state, each read by a spin detector, after `evolve h for time` when h is given. */
    static Experiment experiment(int qubits, Random rng, CMatrix h, double time, long trials) {
        List<String> names = new ArrayList<>();
        int[] dims = new int[qubits];
        List<Detector> detectors = new ArrayList<>();
        int[] all = new int[qubits];
        for (int q = 0; q < qubits; q++) {
            names.add("q" + q);
            dims[q] = 2;
            detectors.add(spin("D" + q, q, Math.PI * rng.nextDouble()));
            all[q] = q;
        }
        List<Step> steps = new ArrayList<>();
        if (h != null) steps.add(new Step.Evolve(h, time, Hermitian.evolution(h, time)));
        steps.add(new Step.Measure(all));
        return new Experiment("bench", new SystemLayout(names, dims), RandomMatrices.ket(1 << qubits, rng).projector(), steps, detectors,
                SettingSpace.empty(), new SettingChoice.All(), trials);
    }

    @State(Scope.Benchmark)
    public static class Sampling {
        Experiment experiment;
        SuperdeterministicModel model;
        SuperdeterministicModel drifting;
        TrialSampler sampler;
        ChunkedRunner twoThreads;
        Runner runner;
        int[] out;
        UniformRandomProvider rng;

        @Setup
        public void setUp() {
            experiment = experiment(2, new Random(4), null, 0, RUN);
            model = new SuperdeterministicModel();
            drifting = new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, new Drift(0.01, UniformLambda.DISK));
            sampler = model.sampler(experiment, 0);
            twoThreads = new ChunkedRunner(2, Cancellation.none());
            runner = new Runner(2, Cancellation.none(), null);
            out = new int[RUN];
            rng = RandomStreams.stream(1, 2);
        }
    }

    /** N = 4, κ → ∞: outcomes into an int[] on two threads, as `run` draws them. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public int[] sampleN4TwoThreads(Sampling s) {
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
    public int[] sampleN4OneThread(Sampling s) {
        s.sampler.sampleInto(s.rng, s.out, 0, LOOP);
        return s.out;
    }

    /** The whole `run` on two threads: trial arrays, sampling, and the counts of the SampledRun. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public SampledRun runN4TwoThreads(Sampling s) {
        return s.runner.run(s.experiment, s.model, 42L);
    }

    /** `run` with a drifting λ (the trial-by-trial path), two threads. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN)
    public SampledRun runN4DriftTwoThreads(Sampling s) {
        return s.runner.run(s.experiment, s.drifting, 42L);
    }

    @State(Scope.Benchmark)
    public static class Solve {
        @Param({"16", "32", "64"})
        int n;

        SuperdeterministicModel model;
        Experiment experiment;
        Trajectories.Options options;

        @Setup
        public void setUp() {
            Random rng = new Random(2024 + n);
            int qubits = Integer.numberOfTrailingZeros(n);
            double kappa = 10;
            double end = 5 / kappa;
            CMatrix h = randomHermitian(n, rng);
            experiment = experiment(qubits, rng, h, end, 1);
            model = new SuperdeterministicModel(kappa, BasisOrder.DEFAULT, null);
            double[] times = new double[200];
            for (int k = 0; k < times.length; k++) times[k] = end * k / (times.length - 1);
            double[] lambda = new double[n - 1];
            for (int k = 0; k < lambda.length; k++) lambda[k] = rng.nextDouble();
            options = new Trajectories.Options(times, lambda, 1, 0, 2, 1e-8, 1e-6, true, Cancellation.none());
        }

        /** Complex Gaussian Hermitian matrix scaled to spectral norm 1. */
        static CMatrix randomHermitian(int n, Random rng) {
            CMatrix h = RandomMatrices.hermitian(n, rng, 1);
            double[] values = Hermitian.decompose(h).values();
            double norm = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
            return h.scale(1 / norm);
        }
    }

    /** One λ branch of the master equation from 0 to 5/κ, 200 output times, Dormand–Prince 5(4). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Trajectory masterEquation(Solve m) {
        return Trajectories.of(m.model, m.experiment, 0, m.options);
    }
}
