package org.beable.bench;

import java.util.concurrent.TimeUnit;

import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;
import org.beable.quantum.KrylovEvolution;
import org.beable.quantum.SparseMatrix;
import org.beable.quantum.Spin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The quantum kernel of issue 12, one thread: the dense Hermitian eigen-decomposition
 * ({@code eigh}, the matrices of {@link EigenComparison}) and the Ising chain of
 * {@link ChainComparison} built sparse and evolved to t = 1 by Lanczos ({@code chain}).
 * Times per operation; {@code bench/compare/run-eigh} and {@code run-chain} put numpy and QuTiP
 * beside them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class QuantumKernelBench {

    @State(Scope.Benchmark)
    public static class Dense {
        @Param({"128", "512", "1024"})
        int n;
        CMatrix h;

        @Setup
        public void setUp() {
            h = EigenComparison.matrix(n);
        }
    }

    @Benchmark
    public Eigen eigh(Dense d) {
        return Hermitian.decompose(d.h);
    }

    @State(Scope.Benchmark)
    public static class Chain {
        @Param({"10", "12", "14"})
        int qubits;
    }

    @Benchmark
    public CMatrix chain(Chain c) {
        int n = c.qubits;
        int dimension = 1 << n;
        SparseMatrix h = SparseMatrix.embed(Spin.pauliX(), 1, dimension / 2);
        for (int k = 1; k < n; k++) {
            int right = dimension >> (k + 1);
            h = h.plus(SparseMatrix.embed(Spin.pauliX(), 1 << k, right))
                    .plus(SparseMatrix.embed(Spin.pauliZ(), 1 << (k - 1), right * 2)
                            .times(SparseMatrix.embed(Spin.pauliZ(), 1 << k, right)).scale(0.7, 0));
        }
        double[] up = new double[dimension];
        up[0] = 1;
        return new KrylovEvolution(h, KrylovEvolution.TOLERANCE, Cancellation.none())
                .evolve(CMatrix.column(up, null), new double[] {1.0})[0];
    }
}
