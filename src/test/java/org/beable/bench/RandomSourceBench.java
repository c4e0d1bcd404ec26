package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.beable.model.sampling.AliasTable;
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
 * Candidate generators for {@code RandomStreams}, one thread: raw {@code nextLong} and the
 * Born-sampling histogram loop. Scores are words or trials per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RandomSourceBench {

    static final int LOOP = 1 << 22;

    @Param({"XO_RO_SHI_RO_128_PP", "L64_X128_MIX", "SPLIT_MIX_64"})
    public String source;

    private UniformRandomProvider rng;
    private AliasTable table;
    private final long[] counts = new long[4];

    @Setup
    public void setUp() {
        rng = RandomSource.valueOf(source).create(20240607L);
        table = new AliasTable(new double[] {0.1, 0.2, 0.3, 0.4});
    }

    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long nextLong() {
        UniformRandomProvider r = rng;
        long acc = 0;
        for (int i = 0; i < LOOP; i++) {
            acc ^= r.nextLong();
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long[] countInto() {
        table.countInto(rng, LOOP, counts);
        return counts;
    }
}
