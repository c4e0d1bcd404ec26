package org.beable.quantum;

import org.beable.concurrent.Cancellation;

/**
 * Complex Hermitian eigensolver on primitive arrays: Householder reduction to a real
 * tridiagonal T in panels ({@link HouseholderTridiagonal}), implicit QL on T with its
 * eigenvectors ({@link TridiagonalQL}), the eigenpairs of T sorted, and the reflectors applied
 * back to those eigenvectors in blocks ({@link BlockReflector}). Backward stable: residual and
 * loss of unitarity are a small multiple of n·ε·‖H‖ and n·ε.
 *
 * <p>The O(n³) work of reduction and back-transformation is in the vectorised row kernels of
 * {@link ComplexRows}; at n = 1024 the reduction takes about 45% of the time, QL 30% and the
 * back-transformation 25%. On one thread, against numpy's {@code eigh} (LAPACK
 * {@code zheevd} on OpenBLAS) on the same machine, it takes 0.9–1.5 times the CPU time at
 * n = 512 and 1024 over repeated runs of {@code bench/compare/run-eigh}. Single-threaded,
 * and {@link Math#fma} is exactly specified: the same input gives the same bits on every
 * machine.
 */
final class HermitianEigensolver {

    private HermitianEigensolver() {}

    /**
     * Decomposes the Hermitian matrix with row-major parts {@code hr, hi} (exactly Hermitian;
     * not modified), eigenvalues ascending.
     */
    static Eigen decompose(int n, double[] hr, double[] hi, Cancellation cancellation) {
        HouseholderTridiagonal reduction = new HouseholderTridiagonal(n, hr, hi, cancellation);
        TridiagonalQL ql = new TridiagonalQL(reduction.diagonal, reduction.offDiagonal, cancellation);
        // Sorting the real eigenvectors of T is a permutation of references; sorting after the
        // back-transformation would move n² complex entries.
        int[] order = Eigen.ascendingOrder(ql.values);
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = ql.values[order[k]];
            vectors[k] = ql.vectors[order[k]];
        }
        double[][] v = reduction.backTransform(vectors, cancellation);
        return new Eigen(values, CMatrix.wrap(n, n, v[0], v[1]));
    }
}
