package org.beable.quantum;

import java.util.Arrays;

import org.beable.concurrent.Cancellation;

/**
 * Complex Hermitian eigensolver on primitive arrays: Householder reduction to a real
 * tridiagonal T ({@link HouseholderTridiagonal}), implicit QL on T with its eigenvectors
 * ({@link TridiagonalQL}), and the reflectors applied back to those eigenvectors. Backward
 * stable: residual and loss of unitarity are a small multiple of n·ε·‖H‖ and n·ε.
 */
final class HermitianEigensolver {

    private HermitianEigensolver() {}

    /**
     * Decomposes the Hermitian matrix with row-major parts {@code hr, hi} (exactly Hermitian;
     * overwritten), eigenvalues ascending.
     */
    static Eigen decompose(int n, double[] hr, double[] hi, Cancellation cancellation) {
        HouseholderTridiagonal reduction = new HouseholderTridiagonal(n, hr, hi, cancellation);
        TridiagonalQL ql = new TridiagonalQL(reduction.diagonal, reduction.offDiagonal, cancellation);
        double[][] v = reduction.backTransform(ql.vectors, cancellation);
        return ascending(ql.values, v[0], v[1], n);
    }

    private static Eigen ascending(double[] values, double[] vr, double[] vi, int n) {
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        boolean sorted = true;
        for (int k = 0; k < n; k++) {
            sorted &= order[k] == k;
        }
        if (sorted) {
            return new Eigen(values, CMatrix.wrap(n, n, vr, vi));
        }
        double[] sortedValues = new double[n];
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int col = 0; col < n; col++) {
            int src = order[col];
            sortedValues[col] = values[src];
            for (int row = 0; row < n; row++) {
                re[row * n + col] = vr[row * n + src];
                im[row * n + col] = vi[row * n + src];
            }
        }
        return new Eigen(sortedValues, CMatrix.wrap(n, n, re, im));
    }
}
