package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.beable.random.RandomStreams;
import org.beable.random.StreamGenerator;
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
 * Uniform doubles into a block, the draw under every `uniform` hidden variable: Commons RNG's
 * xoroshiro128++ one double at a time, the streams' {@link StreamGenerator} (the same numbers)
 * one at a time, and its block fill. Score: nanoseconds per double.
 *
 * <p>{@code bench/run UniformDraw}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class UniformDrawBench {
    static final int BLOCK = 256;

    private final double[] out = new double[BLOCK];
    private XoRoShiRo128PlusPlus commons;
    private StreamGenerator streams;

    @Setup
    public void setUp() {
        long[] seed = RandomStreams.seed(2026, 1);
        commons = new XoRoShiRo128PlusPlus(seed);
        streams = (StreamGenerator) RandomStreams.stream(2026, 1);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] commonsOneAtATime() {
        for (int i = 0; i < BLOCK; i++) out[i] = -Math.PI + 2 * Math.PI * commons.nextDouble();
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] streamsOneAtATime() {
        for (int i = 0; i < BLOCK; i++) out[i] = -Math.PI + 2 * Math.PI * streams.nextDouble();
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] streamsBlock() {
        streams.fillUniform(out, BLOCK, -Math.PI, 2 * Math.PI);
        return out;
    }
}
