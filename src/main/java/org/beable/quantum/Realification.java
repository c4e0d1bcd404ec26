package org.beable.quantum;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The real representation of a complex matrix: {@code A + iB  ->  [[A, -B], [B, A]]}.
 *
 * <p>It is an algebra homomorphism (sums, products and inverses carry over), so real-only
 * Commons Math routines can do complex linear algebra: a complex vector {@code x + iy} becomes
 * {@code (x; y)}.
 */
final class Realification {

    private Realification() {}

    static RealMatrix toReal(CMatrix m) {
        return new Array2DRowRealMatrix(toRealArray(m), false);
    }

    static double[][] toRealArray(CMatrix m) {
        int n = m.rows;
        int k = m.cols;
        double[] re = m.reals();
        double[] im = m.imags();
        double[][] out = new double[2 * n][2 * k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                double a = re[r * k + c];
                double b = im[r * k + c];
                out[r][c] = a;
                out[r][c + k] = -b;
                out[r + n][c] = b;
                out[r + n][c + k] = a;
            }
        }
        return out;
    }

    /** Reads the complex matrix back from the top-left (real) and bottom-left (imaginary) blocks. */
    static CMatrix fromReal(RealMatrix m) {
        int n = m.getRowDimension() / 2;
        int k = m.getColumnDimension() / 2;
        double[] re = new double[n * k];
        double[] im = new double[n * k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                re[r * k + c] = m.getEntry(r, c);
                im[r * k + c] = m.getEntry(r + n, c);
            }
        }
        return CMatrix.wrap(n, k, re, im);
    }
}
