package org.beable.quantum;

/**
 * The original eigen-decomposition of small Hermitian matrices, kept for n ≤ {@link #LARGEST}
 * so that every result computed from small operators (probabilities of qubit and two-qubit
 * measurements, and the samples drawn from them) keeps the exact digits it has always had.
 *
 * <p>A Hermitian {@code H = A + iB} is diagonalised through the real symmetric
 * {@code S = [[A, −B], [B, A]]} ({@link Realification}). If {@code Hv = λv} with
 * {@code v = x + iy} then both {@code (x; y)} and {@code (−y; x)} are eigenvectors of S for λ,
 * so every eigenvalue of H appears twice in S; going back we choose n complex vectors out of
 * 2n real ones. S is diagonalised by {@link SymmetricEigen} (Commons Math, with a Jacobi
 * fallback for highly degenerate spectra). Twice the dimension makes this 8 to 30 times the
 * work of {@link HermitianEigensolver}, which is why larger matrices go there.
 */
final class RealEmbeddingEigen {

    /** Largest dimension decomposed here: at 32 the embedding costs well under a millisecond. */
    static final int LARGEST = 32;

    /**
     * Relative gap (times the spectral radius) below which neighbouring eigenvalues of S are
     * treated as one cluster. Exact doubles of S come out of the solver split by about
     * 1e-15 relative; genuinely distinct eigenvalues closer than this get merged, which costs
     * at most about this much accuracy in the reconstruction, never orthonormality.
     */
    static final double CLUSTER_GAP = 1e-9;

    private RealEmbeddingEigen() {}

    /**
     * The eigenvalues of S, sorted, come in equal pairs; consecutive pairs closer than
     * {@link #CLUSTER_GAP} form a cluster of 2m real eigenvectors spanning an m-dimensional
     * complex eigenspace of H. Each real eigenvector {@code (x; y)} gives a complex candidate
     * {@code x + iy}; within the cluster we run Gram–Schmidt with pivoting (always take the
     * candidate with the largest remaining component), orthogonalising against every vector
     * already accepted, including earlier clusters, and keep m of them. Orthogonalising
     * against everything means V stays unitary even if a cluster boundary were misplaced.
     * The eigenvalue reported for each vector is its Rayleigh quotient {@code v†Hv}, which is
     * accurate to second order.
     */
    static Eigen decompose(int n, double[] hr, double[] hi) {
        SymmetricEigen eig = SymmetricEigen.of(Realification.toRealArray(CMatrix.wrap(n, n, hr, hi)));
        double[] lambda = eig.values;
        double[][] w = eig.vectors;

        int[] order = Eigen.ascendingOrder(lambda);

        double radius = Math.max(Math.abs(lambda[order[0]]), Math.abs(lambda[order[2 * n - 1]]));
        double gap = CLUSTER_GAP * radius;

        // Accepted eigenvectors, column k in vr[k], vi[k] (column-major while we build them).
        double[][] vr = new double[n][];
        double[][] vi = new double[n][];
        int accepted = 0;
        int start = 0; // index into order of the first pair of the current cluster
        while (start < 2 * n) {
            int end = start + 2; // cluster boundaries fall only between pairs
            while (end < 2 * n && lambda[order[end]] - lambda[order[end - 1]] <= gap) {
                end += 2;
            }
            int m = (end - start) / 2;
            double[][] cr = new double[end - start][n];
            double[][] ci = new double[end - start][n];
            for (int j = start; j < end; j++) {
                double[] real = w[order[j]]; // (x; y) becomes the candidate x + iy
                System.arraycopy(real, 0, cr[j - start], 0, n);
                System.arraycopy(real, n, ci[j - start], 0, n);
            }
            accepted = acceptPivoted(cr, ci, m, vr, vi, accepted);
            start = end;
        }

        return sortedEigen(hr, hi, vr, vi, n);
    }

    /**
     * Pivoted Gram–Schmidt: takes {@code m} of the candidate columns, each orthogonalised
     * against all columns accepted so far, appending them to {@code vr/vi}.
     */
    private static int acceptPivoted(double[][] cr, double[][] ci, int m,
                                     double[][] vr, double[][] vi, int accepted) {
        int n = cr[0].length;
        boolean[] used = new boolean[cr.length];
        for (int c = 0; c < cr.length; c++) {
            for (int k = 0; k < accepted; k++) {
                removeComponent(cr[c], ci[c], vr[k], vi[k]);
            }
        }
        for (int taken = 0; taken < m; taken++) {
            int best = -1;
            double bestNorm = -1.0;
            for (int c = 0; c < cr.length; c++) {
                if (!used[c]) {
                    double norm = norm(cr[c], ci[c]);
                    if (norm > bestNorm) {
                        bestNorm = norm;
                        best = c;
                    }
                }
            }
            // Candidates span the eigenspace with singular values √2, so the best remaining
            // component is of order one; a tiny one means the solver's output is unusable.
            if (!(bestNorm > 1e-6)) {
                throw new ArithmeticException("Hermitian.decompose: eigenvectors of the real embedding "
                        + "do not span the eigenspace (best residual " + bestNorm + ")");
            }
            used[best] = true;
            double[] br = cr[best].clone();
            double[] bi = ci[best].clone();
            // Second pass ("twice is enough"): restores orthogonality lost to cancellation.
            for (int k = 0; k < accepted; k++) {
                removeComponent(br, bi, vr[k], vi[k]);
            }
            double norm = norm(br, bi);
            for (int k = 0; k < n; k++) {
                br[k] /= norm;
                bi[k] /= norm;
            }
            vr[accepted] = br;
            vi[accepted] = bi;
            accepted++;
            for (int c = 0; c < cr.length; c++) {
                if (!used[c]) {
                    removeComponent(cr[c], ci[c], br, bi);
                }
            }
        }
        return accepted;
    }

    /** x ← x − <u|x> u for a unit vector u. */
    private static void removeComponent(double[] xr, double[] xi, double[] ur, double[] ui) {
        double pr = 0.0;
        double pi = 0.0;
        for (int k = 0; k < xr.length; k++) {
            pr += ur[k] * xr[k] + ui[k] * xi[k];
            pi += ur[k] * xi[k] - ui[k] * xr[k];
        }
        for (int k = 0; k < xr.length; k++) {
            xr[k] -= pr * ur[k] - pi * ui[k];
            xi[k] -= pr * ui[k] + pi * ur[k];
        }
    }

    private static double norm(double[] xr, double[] xi) {
        double s = 0.0;
        for (int k = 0; k < xr.length; k++) {
            s += xr[k] * xr[k] + xi[k] * xi[k];
        }
        return Math.sqrt(s);
    }

    /** Rayleigh quotients as eigenvalues, then columns sorted by them into a row-major V. */
    private static Eigen sortedEigen(double[] hr, double[] hi, double[][] vr, double[][] vi, int n) {
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            value[k] = rayleigh(hr, hi, vr[k], vi[k], n);
        }
        int[] order = Eigen.ascendingOrder(value);
        double[] values = new double[n];
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int col = 0; col < n; col++) {
            int src = order[col];
            values[col] = value[src];
            for (int row = 0; row < n; row++) {
                re[row * n + col] = vr[src][row];
                im[row * n + col] = vi[src][row];
            }
        }
        return new Eigen(values, CMatrix.wrap(n, n, re, im));
    }

    /** Re(v† H v) for a unit vector v. */
    private static double rayleigh(double[] hr, double[] hi, double[] xr, double[] xi, int n) {
        double s = 0.0;
        for (int a = 0; a < n; a++) {
            double yr = 0.0;
            double yi = 0.0;
            for (int b = 0; b < n; b++) {
                yr += hr[a * n + b] * xr[b] - hi[a * n + b] * xi[b];
                yi += hr[a * n + b] * xi[b] + hi[a * n + b] * xr[b];
            }
            s += xr[a] * yr + xi[a] * yi;
        }
        return s;
    }

}
