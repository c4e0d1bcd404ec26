package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The blocked product is bit-for-bit the textbook i-k-j loop (the goldens rely on it), for shapes
 * that cross the panel and block edges and for matrices with many zeros.
 */
class ComplexProductTest {

    /** The plain loop the kernel replaced: the reference for every bit. */
    static void textbook(int rows, int depth, int n, double[] aRe, double[] aIm, double[] bRe, double[] bIm,
                         double[] cRe, double[] cIm) {
        for (int a = 0; a < rows; a++) {
            for (int k = 0; k < depth; k++) {
                double xr = aRe[a * depth + k];
                double xi = aIm[a * depth + k];
                if (xr == 0.0 && xi == 0.0) continue;
                for (int b = 0; b < n; b++) {
                    double yr = bRe[k * n + b];
                    double yi = bIm[k * n + b];
                    cRe[a * n + b] += xr * yr - xi * yi;
                    cIm[a * n + b] += xr * yi + xi * yr;
                }
            }
        }
    }

    static double[] random(SplittableRandom rng, int size, double zeroFraction) {
        double[] x = new double[size];
        for (int k = 0; k < size; k++) x[k] = rng.nextDouble() < zeroFraction ? 0.0 : rng.nextDouble(-1, 1) * Math.exp(rng.nextDouble(-5, 5));
        return x;
    }

    static void assertSameBits(int rows, int depth, int n, long seed, double zeroFraction) {
        var rng = new SplittableRandom(seed);
        double[] aRe = random(rng, rows * depth, zeroFraction);
        double[] aIm = random(rng, rows * depth, zeroFraction);
        double[] bRe = random(rng, depth * n, 0.1);
        double[] bIm = random(rng, depth * n, 0.1);
        double[] expectRe = new double[rows * n];
        double[] expectIm = new double[rows * n];
        textbook(rows, depth, n, aRe, aIm, bRe, bIm, expectRe, expectIm);
        double[] gotRe = new double[rows * n];
        double[] gotIm = new double[rows * n];
        ComplexProduct.multiply(rows, depth, n, aRe, aIm, bRe, bIm, gotRe, gotIm);
        for (int k = 0; k < expectRe.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expectRe[k]), Double.doubleToRawLongBits(gotRe[k]), "re at " + k);
            assertEquals(Double.doubleToRawLongBits(expectIm[k]), Double.doubleToRawLongBits(gotIm[k]), "im at " + k);
        }
    }

    @Property(tries = 60)
    void smallShapesAreBitIdentical(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int rows,
                                    @ForAll @IntRange(min = 1, max = 12) int depth, @ForAll @IntRange(min = 1, max = 12) int n,
                                    @ForAll @IntRange(min = 0, max = 9) int zeroTenths) {
        assertSameBits(rows, depth, n, seed, zeroTenths / 10.0);
    }

    @Test
    void shapesAcrossPanelAndBlockEdgesAreBitIdentical() {
        int panel = ComplexProduct.COLUMN_PANEL;
        int block = ComplexProduct.DEPTH_BLOCK;
        assertSameBits(3, block + 5, panel + 7, 1, 0.0);
        assertSameBits(9, 2 * block + 1, 33, 2, 0.5);
        assertSameBits(5, 3, 2 * panel + 1, 3, 0.3);
        assertSameBits(70, 200, 70, 4, 0.9);
    }

    @Test
    void agreesWithCMatrixTimesOnAKnownProduct() {
        // (1 + i)(1 − i) = 2 and i·i = −1 in a 1 × 2 · 2 × 1 product: 2 − 1 = 1.
        CMatrix row = CMatrix.wrap(1, 2, new double[] {1, 0}, new double[] {1, 1});
        CMatrix column = CMatrix.wrap(2, 1, new double[] {1, 0}, new double[] {-1, 1});
        CMatrix product = row.times(column);
        assertArrayEquals(new double[] {1}, product.reals());
        assertArrayEquals(new double[] {0}, product.imags());
    }
}
