package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.model.sampling.AliasTable;
import org.beable.model.sampling.ChunkedRunner;
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
 * Born-rule sampling of the 4-outcome distribution [0.1, 0.2, 0.3, 0.4]. Scores are
 * trials per second ({@code @OperationsPerInvocation} = trials per call).
 *
 * <p>{@code bench/run AliasSampling -f 1 -wi 2 -i 3}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class AliasSamplingBench {

    /** Trials per invocation of the two-thread runs: 256 chunks. */
    static final int RUN = 1 << 24;
    /** Trials per invocation of the single-thread loops. */
    static final int LOOP = 1 << 22;

    private AliasTable table;
    private ChunkedRunner twoThreads;
    private int[] ints;
    private byte[] bytes;
    private long[] counts;
    private UniformRandomProvider rng;

    @Setup
    public void setUp() {
        table = new AliasTable(new double[] {0.1, 0.2, 0.3, 0.4});
        twoThreads = new ChunkedRunner(2, Cancellation.none());
        ints = new int[RUN];
        bytes = new byte[RUN];
        counts = new long[4];
        rng = RandomStreams.stream(1L, 2L);
    }

    /** The histogram-only path: each worker counts into its own histogram. */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public long[] histogram2Threads() {
        return twoThreads.count(RUN, 42L, 0, table);
    }

    /** Every trial's outcome into an int[]. */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public int[] intOutcomes2Threads() {
        int[] out = ints;
        AliasTable t = table;
        twoThreads.run(RUN, 42L, 0, (chunk, from, to, r) -> t.sampleInto(r, out, (int) from, (int) to));
        return out;
    }

    /** Every trial's outcome into a byte[]. */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public byte[] byteOutcomes2Threads() {
        byte[] out = bytes;
        AliasTable t = table;
        twoThreads.run(RUN, 42L, 0, (chunk, from, to, r) -> t.sampleInto(r, out, (int) from, (int) to));
        return out;
    }

    /** One {@code sample} call per trial on one thread. */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public int sampleSingleThread() {
        AliasTable t = table;
        UniformRandomProvider r = rng;
        int acc = 0;
        for (int i = 0; i < LOOP; i++) {
            acc += t.sample(r);
        }
        return acc;
    }

    /** {@code countInto} on one thread, for the per-core rate of the histogram path. */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long[] countSingleThread() {
        table.countInto(rng, LOOP, counts);
        return counts;
    }
}
