package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;

/**
 * A d × d operator as its non-zero entries row by row (compressed sparse rows). Jump operators
 * and Hamiltonians built from local terms are mostly zeros — σ− on one qubit of n has 2ⁿ⁻¹
 * non-zero entries out of 4ⁿ — so products with them in the Taylor series' hot loop cost
 * (entries × d) instead of d³.
 */
final class SparseOperator {
    final int dimension;
    /** Entries of row i are at positions rowStart[i] .. rowStart[i+1]−1. */
    private final int[] rowStart;
    private final int[] column;
    private final double[] re;
    private final double[] im;

    SparseOperator(CMatrix m) {
        dimension = m.rows;
        double[] mr = m.reals();
        double[] mi = m.imags();
        int count = 0;
        for (int k = 0; k < mr.length; k++) if (mr[k] != 0 || mi[k] != 0) count++;
        rowStart = new int[dimension + 1];
        column = new int[count];
        re = new double[count];
        im = new double[count];
        int at = 0;
        for (int i = 0; i < dimension; i++) {
            rowStart[i] = at;
            for (int j = 0; j < dimension; j++) {
                int k = i * dimension + j;
                if (mr[k] == 0 && mi[k] == 0) continue;
                column[at] = j;
                re[at] = mr[k];
                im[at] = mi[k];
                at++;
            }
        }
        rowStart[dimension] = at;
    }

    /** out = this · x for row-major d × d matrices given as real and imaginary arrays; out is overwritten. */
    void times(double[] xr, double[] xi, double[] outR, double[] outI) {
        int d = dimension;
        java.util.Arrays.fill(outR, 0, d * d, 0);
        java.util.Arrays.fill(outI, 0, d * d, 0);
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                double ar = re[e];
                double ai = im[e];
                int from = column[e] * d;
                for (int j = 0; j < d; j++) {
                    double br = xr[from + j];
                    double bi = xi[from + j];
                    outR[row + j] += ar * br - ai * bi;
                    outI[row + j] += ar * bi + ai * br;
                }
            }
        }
    }

    /**
     * out += x · this†, i.e. out_ij += Σ_m x_im conj(A_jm): row j of A gives column j of the
     * product, so the sparse operator still drives the loop and x is read along its rows.
     */
    void addTimesAdjointOnRight(double[] xr, double[] xi, double[] outR, double[] outI) {
        int d = dimension;
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double sr = 0;
                double si = 0;
                for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
                    double br = xr[row + column[e]];
                    double bi = xi[row + column[e]];
                    double ar = re[e];
                    double ai = -im[e];                              // conj(A_jm)
                    sr += br * ar - bi * ai;
                    si += br * ai + bi * ar;
                }
                outR[row + j] += sr;
                outI[row + j] += si;
            }
        }
    }
}
