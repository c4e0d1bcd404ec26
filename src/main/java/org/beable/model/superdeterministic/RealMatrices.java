package org.beable.model.superdeterministic;

import java.util.Arrays;

/**
 * The one dense kernel the master equation needs: C = A · B for square real matrices held as
 * arrays of rows.
 *
 * <p>Four rows of C are built together, two rows of B at a time: the inner loop reads b_k and
 * b_k+1 once and updates c_i … c_i+3 with two fused multiply-adds each
 * (c_i ← a_i,k+1 b_k+1 + (a_ik b_k + c_i)), so each load of B feeds four rows instead of one. C2
 * turns that loop into vector FMAs — with every row its own array, not for offsets into one flat
 * array, and not for other block shapes tried (8 × 1, 2 × 4, 4 × 4 rows of C × rows of B run two
 * to three times slower: no longer vectorised). On the 2-core development machine (AVX-512) this
 * reaches about 17, 25 and 32 GFlop/s at N = 16, 32, 64 (best of many runs, the machine shared),
 * against 12, 20 and 26 for one row of C by four rows of B.
 *
 * <p>Every c_ij is the same chain of fused multiply-adds over k = 0, 1, … whatever the blocking,
 * so the result does not depend on N's remainder modulo 4 or on the vector width: the same bits
 * everywhere.
 */
final class RealMatrices {
    private RealMatrices() {}

    /**
     * c = a · b (n × n); c must be neither a nor b. One method rather than a call per block of
     * rows: C2 compiles the four-row loop measurably worse (10–20 %) in a method of its own.
     */
    static void multiply(double[][] a, double[][] b, double[][] c, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            double[] c0 = c[i];
            double[] c1 = c[i + 1];
            double[] c2 = c[i + 2];
            double[] c3 = c[i + 3];
            // The first two rows of B start the sums from zero (n ≥ 4 here), instead of a pass
            // clearing C; fma(x, u, 0.0) is what fma(x, u, c) gives on a cleared c, bit for bit.
            double[] b0 = b[0];
            double[] b1 = b[1];
            double z0 = a0[0];
            double z1 = a1[0];
            double z2 = a2[0];
            double z3 = a3[0];
            double w0 = a0[1];
            double w1 = a1[1];
            double w2 = a2[1];
            double w3 = a3[1];
            for (int j = 0; j < n; j++) {
                double u = b0[j];
                double v = b1[j];
                c0[j] = Math.fma(w0, v, Math.fma(z0, u, 0.0));
                c1[j] = Math.fma(w1, v, Math.fma(z1, u, 0.0));
                c2[j] = Math.fma(w2, v, Math.fma(z2, u, 0.0));
                c3[j] = Math.fma(w3, v, Math.fma(z3, u, 0.0));
            }
            int k = 2;
            for (; k + 1 < n; k += 2) {
                double x0 = a0[k];
                double x1 = a1[k];
                double x2 = a2[k];
                double x3 = a3[k];
                double y0 = a0[k + 1];
                double y1 = a1[k + 1];
                double y2 = a2[k + 1];
                double y3 = a3[k + 1];
                double[] bk = b[k];
                double[] bNext = b[k + 1];
                for (int j = 0; j < n; j++) {
                    double u = bk[j];
                    double v = bNext[j];
                    c0[j] = Math.fma(y0, v, Math.fma(x0, u, c0[j]));
                    c1[j] = Math.fma(y1, v, Math.fma(x1, u, c1[j]));
                    c2[j] = Math.fma(y2, v, Math.fma(x2, u, c2[j]));
                    c3[j] = Math.fma(y3, v, Math.fma(x3, u, c3[j]));
                }
            }
            for (; k < n; k++) {
                double x0 = a0[k];
                double x1 = a1[k];
                double x2 = a2[k];
                double x3 = a3[k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    double u = bk[j];
                    c0[j] = Math.fma(x0, u, c0[j]);
                    c1[j] = Math.fma(x1, u, c1[j]);
                    c2[j] = Math.fma(x2, u, c2[j]);
                    c3[j] = Math.fma(x3, u, c3[j]);
                }
            }
        }
        for (; i < n; i++) oneRow(a[i], b, c[i], n);
    }

    private static void oneRow(double[] ai, double[][] b, double[] ci, int n) {
        Arrays.fill(ci, 0, n, 0.0);
        for (int k = 0; k < n; k++) {
            double x = ai[k];
            double[] bk = b[k];
            for (int j = 0; j < n; j++) ci[j] = Math.fma(x, bk[j], ci[j]);
        }
    }

    static double[][] rows(double[] flat, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, m[i], 0, n);
        return m;
    }
}
