package org.beable.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beable.quantum.CMatrix;
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
 * The dense complex product (issue 12, item 4): CMatrix.times against the plain i-k-j loop it
 * replaced, on dense random matrices, in the same run so the ratio survives a noisy machine.
 * Both give the same bits (ComplexProductTest). Scores are milliseconds per product.
 *
 * <p>{@code bench/run DenseProductBench -f 1 -wi 3 -i 5}
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DenseProductBench {
    @Param({"64", "256", "1024"})
    int n;

    CMatrix a;
    CMatrix b;
    double[] aRe;
    double[] aIm;
    double[] bRe;
    double[] bIm;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(n);
        aRe = random(rng, n * n);
        aIm = random(rng, n * n);
        bRe = random(rng, n * n);
        bIm = random(rng, n * n);
        a = CMatrix.wrap(n, n, aRe, aIm);
        b = CMatrix.wrap(n, n, bRe, bIm);
    }

    static double[] random(SplittableRandom rng, int size) {
        double[] x = new double[size];
        for (int k = 0; k < size; k++) x[k] = rng.nextDouble(-1, 1);
        return x;
    }

    @Benchmark
    public CMatrix blocked() {
        return a.times(b);
    }

    /** The loop CMatrix.times used before: i-k-j over the flat arrays, zero entries of A skipped. */
    @Benchmark
    public double[][] textbook() {
        double[] r = new double[n * n];
        double[] i = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < n; k++) {
                double xr = aRe[row * n + k];
                double xi = aIm[row * n + k];
                if (xr == 0.0 && xi == 0.0) continue;
                for (int col = 0; col < n; col++) {
                    double yr = bRe[k * n + col];
                    double yi = bIm[k * n + col];
                    r[row * n + col] += xr * yr - xi * yi;
                    i[row * n + col] += xr * yi + xi * yr;
                }
            }
        }
        return new double[][] {r, i};
    }
}
