package org.beable.quantum;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix: Commons Math's
 * {@link EigenDecomposition} (tridiagonal QL), falling back to {@link JacobiEigen} when QL
 * fails to converge.
 */
final class SymmetricEigen {

    /** Eigenvalues, in no particular order. */
    final double[] values;
    /** Column-major: vectors[k] is a unit eigenvector of values[k]; together orthonormal. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] symmetric) {
        try {
            return commonsMath(new Array2DRowRealMatrix(symmetric, false));
        } catch (MathIllegalStateException qlGaveUp) {
            JacobiEigen j = JacobiEigen.of(symmetric);
            return new SymmetricEigen(j.values, j.vectors);
        }
    }

    private static SymmetricEigen commonsMath(RealMatrix s) {
        EigenDecomposition eig = new EigenDecomposition(s);
        int n = s.getRowDimension();
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            vectors[k] = eig.getEigenvector(k).toArray();
        }
        return new SymmetricEigen(eig.getRealEigenvalues(), vectors);
    }
}
