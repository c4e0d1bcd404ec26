package org.beable.quantum;

/**
 * Cyclic Jacobi eigen-solver for real symmetric matrices (Rutishauser's variant, as in
 * Numerical Recipes §11.1), used when Commons Math's QL iteration gives up.
 *
 * <p>Commons Math decides that an off-diagonal entry has converged by comparing it with the
 * two neighbouring diagonal entries only, so on matrices with a highly degenerate spectrum
 * that includes 0 (typical of Pauli Hamiltonians on six or more qubits) it can run out of
 * iterations. Jacobi rotations converge quadratically whatever the multiplicities, and here an
 * entry counts as zero once it is negligible against the whole matrix. It costs a few times
 * more than QL, which is why it is only the fallback.
 */
final class JacobiEigen {

    private static final int MAX_SWEEPS = 100;
    /** Off-diagonal entries below this fraction of the Frobenius norm are rounding noise. */
    private static final double NEGLIGIBLE = 1e-18;

    final double[] values;
    /** Column-major eigenvectors: vectors[k] is the eigenvector of values[k]. */
    final double[][] vectors;

    private JacobiEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Diagonalises a symmetric matrix given row by row (only the upper triangle is read). */
    static JacobiEigen of(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
        }
        // v[k] holds column k of the accumulated rotation, i.e. the k-th eigenvector.
        double[][] v = new double[n][n];
        double[] d = new double[n];
        double[] b = new double[n];
        double[] z = new double[n];
        double frobenius = 0.0;
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
            d[i] = a[i][i];
            b[i] = d[i];
            for (int j = 0; j < n; j++) {
                frobenius += a[i][j] * a[i][j];
            }
        }
        double negligible = NEGLIGIBLE * Math.sqrt(frobenius);

        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double offSum = 0.0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    offSum += Math.abs(a[p][q]);
                }
            }
            if (offSum == 0.0) {
                return new JacobiEigen(d, v);
            }
            // Early sweeps rotate only the big entries; later ones everything not negligible.
            double threshold = sweep < 4 ? 0.2 * offSum / ((double) n * n) : 0.0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    double g = 100.0 * Math.abs(apq);
                    if (Math.abs(apq) <= negligible
                            || (sweep > 4 && Math.abs(d[p]) + g == Math.abs(d[p]) && Math.abs(d[q]) + g == Math.abs(d[q]))) {
                        a[p][q] = 0.0;
                    } else if (Math.abs(apq) > threshold) {
                        rotate(a, v, d, z, p, q, n);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                b[i] += z[i];
                d[i] = b[i];
                z[i] = 0.0;
            }
        }
        throw new ArithmeticException("Jacobi eigen-solver did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /** One rotation annihilating a[p][q]. */
    private static void rotate(double[][] a, double[][] v, double[] d, double[] z, int p, int q, int n) {
        double apq = a[p][q];
        double g = 100.0 * Math.abs(apq);
        double h = d[q] - d[p];
        double t;
        if (Math.abs(h) + g == Math.abs(h)) {
            t = apq / h; // tan θ ≈ 1/(2 cot 2θ) when the rotation angle is tiny
        } else {
            double theta = 0.5 * h / apq;
            t = 1.0 / (Math.abs(theta) + Math.sqrt(1.0 + theta * theta));
            if (theta < 0.0) {
                t = -t;
            }
        }
        double c = 1.0 / Math.sqrt(1 + t * t);
        double s = t * c;
        double tau = s / (1.0 + c);
        h = t * apq;
        z[p] -= h;
        z[q] += h;
        d[p] -= h;
        d[q] += h;
        a[p][q] = 0.0;
        for (int j = 0; j < p; j++) {
            rotate(a, j, p, j, q, s, tau);
        }
        for (int j = p + 1; j < q; j++) {
            rotate(a, p, j, j, q, s, tau);
        }
        for (int j = q + 1; j < n; j++) {
            rotate(a, p, j, q, j, s, tau);
        }
        double[] vp = v[p];
        double[] vq = v[q];
        for (int j = 0; j < n; j++) {
            double x = vp[j];
            double y = vq[j];
            vp[j] = x - s * (y + x * tau);
            vq[j] = y + s * (x - y * tau);
        }
    }

    private static void rotate(double[][] a, int i, int j, int k, int l, double s, double tau) {
        double g = a[i][j];
        double h = a[k][l];
        a[i][j] = g - s * (h + g * tau);
        a[k][l] = h + s * (g - h * tau);
    }
}
