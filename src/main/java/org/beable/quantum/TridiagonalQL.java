package org.beable.quantum;

import org.beable.concurrent.Cancellation;

/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by the implicit QL
 * method with Wilkinson-style shifts ({@code tql2} of EISPACK, as in JAMA).
 *
 * <p>An off-diagonal entry counts as zero once it is below machine epsilon times the largest
 * {@code |d| + |e|} seen so far, a criterion against the whole matrix rather than its two
 * neighbours, so highly degenerate spectra (Pauli sums on many qubits) converge too. The
 * eigenvectors are kept as rows, so each plane rotation updates two contiguous arrays, a
 * loop the JIT vectorises; this accumulation is the dominant O(n³) cost.
 */
final class TridiagonalQL {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITERATIONS_PER_VALUE = 60;

    /** Eigenvalues, in the order of {@link #vectors} (not sorted). */
    final double[] values;
    /** {@code vectors[j]} is a unit eigenvector of {@code values[j]}; together orthonormal. */
    final double[][] vectors;

    /**
     * @param diagonal    the n diagonal entries (copied)
     * @param offDiagonal {@code offDiagonal[k]} couples k and k+1; length n, last entry ignored
     */
    TridiagonalQL(double[] diagonal, double[] offDiagonal, Cancellation cancellation) {
        int n = diagonal.length;
        double[] d = diagonal.clone();
        double[] e = offDiagonal.clone();
        e[n - 1] = 0.0;
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            z[i][i] = 1.0;
        }
        double shiftSum = 0.0;
        double largest = 0.0;
        for (int l = 0; l < n; l++) {
            cancellation.throwIfCancelled();
            largest = Math.max(largest, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * largest) {
                m++;
            }
            int iterations = 0;
            while (m > l) {
                if (++iterations > MAX_ITERATIONS_PER_VALUE) {
                    throw new ArithmeticException("tridiagonal QL did not converge for eigenvalue " + l);
                }
                double g = d[l];
                double p = (d[l + 1] - g) / (2.0 * e[l]);
                double r = Math.copySign(hypot(p, 1.0), p);
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++) {
                    d[i] -= h;
                }
                shiftSum += h;

                p = d[m];
                double c = 1.0;
                double c2 = 1.0;
                double c3 = 1.0;
                double el1 = e[l + 1];
                double s = 0.0;
                double s2 = 0.0;
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    rotate(z[i], z[i + 1], c, s);
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if (Math.abs(e[l]) <= EPS * largest) {
                    break;
                }
                // a later off-diagonal may have become negligible: shrink the block
                m = l;
                while (m < n - 1 && Math.abs(e[m]) > EPS * largest) {
                    m++;
                }
            }
            d[l] += shiftSum;
            e[l] = 0.0;
        }
        values = d;
        vectors = z;
    }

    /** (a, b) ← (c a − s b, s a + c b), elementwise. */
    private static void rotate(double[] a, double[] b, double c, double s) {
        for (int k = 0; k < a.length; k++) {
            double x = a[k];
            double y = b[k];
            a[k] = c * x - s * y;
            b[k] = s * x + c * y;
        }
    }

    /** √(x² + y²) without Math.hypot's cost; rescales only when the squares would over- or underflow. */
    private static double hypot(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double big = Math.max(ax, ay);
        if (big > 1e150 || (big < 1e-150 && big > 0.0)) {
            return Math.hypot(x, y);
        }
        return Math.sqrt(x * x + y * y);
    }
}
