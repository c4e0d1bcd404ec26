package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Every sparse operation agrees with the dense one on random operators with many zeros. */
class SparseMatrixPropertiesTest {

    private static final double TOL = 1e-12;

    /** A random matrix whose entries are zero with probability {@code 1 − fill}. */
    private static CMatrix randomSparse(SplittableRandom rng, int rows, int cols, double fill) {
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int k = 0; k < re.length; k++) {
            if (rng.nextDouble() < fill) {
                re[k] = rng.nextDouble(-1, 1);
                im[k] = rng.nextBoolean() ? rng.nextDouble(-1, 1) : 0.0;
            }
        }
        return CMatrix.wrap(rows, cols, re, im);
    }

    @Property(tries = 150)
    boolean roundTripIsExact(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int rows,
                             @ForAll @IntRange(min = 1, max = 9) int cols) {
        CMatrix m = randomSparse(new SplittableRandom(seed), rows, cols, 0.3);
        return SparseMatrix.of(m).toDense().approxEquals(m, 0.0);
    }

    @Property(tries = 150)
    boolean sumsDifferencesAndScalingAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int n) {
        var rng = new SplittableRandom(seed);
        CMatrix a = randomSparse(rng, n, n, 0.3);
        CMatrix b = randomSparse(rng, n, n, 0.3);
        SparseMatrix sa = SparseMatrix.of(a);
        SparseMatrix sb = SparseMatrix.of(b);
        return sa.plus(sb).toDense().approxEquals(a.plus(b), 0.0)
                && sa.minus(sb).toDense().approxEquals(a.minus(b), 0.0)
                && sa.minus(sa).entries() == 0
                && sa.scale(0.3, -1.7).toDense().approxEquals(a.scale(0.3, -1.7), TOL)
                && sa.adjoint().toDense().approxEquals(a.adjoint(), 0.0);
    }

    @Property(tries = 150)
    boolean productsAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n,
                          @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int k) {
        var rng = new SplittableRandom(seed);
        CMatrix a = randomSparse(rng, n, m, 0.4);
        CMatrix b = randomSparse(rng, m, k, 0.4);
        SparseMatrix sa = SparseMatrix.of(a);
        return sa.times(SparseMatrix.of(b)).toDense().approxEquals(a.times(b), TOL)
                && sa.times(b).approxEquals(a.times(b), TOL);
    }

    @Property(tries = 100)
    boolean kroneckerProductsAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int r1,
                                   @ForAll @IntRange(min = 1, max = 4) int c1, @ForAll @IntRange(min = 1, max = 4) int r2,
                                   @ForAll @IntRange(min = 1, max = 4) int c2) {
        var rng = new SplittableRandom(seed);
        CMatrix a = randomSparse(rng, r1, c1, 0.5);
        CMatrix b = randomSparse(rng, r2, c2, 0.5);
        return SparseMatrix.of(a).kron(SparseMatrix.of(b)).toDense().approxEquals(a.kron(b), 0.0);
    }

    @Property(tries = 100)
    boolean actionExpectationAndTraceAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
        var rng = new SplittableRandom(seed);
        CMatrix a = randomSparse(rng, n, n, 0.3);
        CMatrix psi = Matrices.random(rng, n, 1);
        CMatrix rho = Matrices.randomDensity(rng, n);
        SparseMatrix sa = SparseMatrix.of(a);
        double[] yr = new double[n];
        double[] yi = new double[n];
        sa.apply(psi.reals(), psi.imags(), yr, yi);
        CMatrix y = a.times(psi);
        var expected = psi.inner(y);
        double[] expectation = sa.expectation(psi);
        var trace = a.times(rho).trace();
        double[] sparseTrace = sa.traceOfProduct(rho);
        return CMatrix.column(yr, yi).approxEquals(y, TOL)
                && Math.abs(expectation[0] - expected.getReal()) <= TOL && Math.abs(expectation[1] - expected.getImaginary()) <= TOL
                && Math.abs(sparseTrace[0] - trace.getReal()) <= TOL && Math.abs(sparseTrace[1] - trace.getImaginary()) <= TOL;
    }

    @Property(tries = 100)
    boolean hermiticityAgrees(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int n) {
        var rng = new SplittableRandom(seed);
        CMatrix a = randomSparse(rng, n, n, 0.3);
        CMatrix h = a.plus(a.adjoint());
        return SparseMatrix.of(h).isHermitian(1e-12) && SparseMatrix.of(a).isHermitian(1e-12) == a.isHermitian(1e-12);
    }

    @Test
    void embeddingMatchesTheDenseLayoutExactly() {
        SystemLayout layout = new SystemLayout(List.of("a", "b", "c"), new int[] {2, 3, 2});
        var rng = new SplittableRandom(5);
        for (int system = 0; system < 3; system++) {
            int d = system == 1 ? 3 : 2;
            CMatrix op = Matrices.random(rng, d, d);
            assertTrue(layout.embedSparse(op, system).toDense().approxEquals(layout.embed(op, system), 0.0));
        }
        assertEquals(12, layout.embedSparse(Spin.pauliX(), 0).entries());
        assertFalse(SparseMatrix.of(Spin.pauliY().scale(0, 1)).isHermitian(1e-12));
    }
}
