package org.beable.quantum;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Spectral calculus for Hermitian matrices: eigen-decomposition, {@code f(H)}, and the
 * unitary {@code exp(−iHt)}.
 *
 * <p>Commons Math has no complex eigen-solver, so a Hermitian {@code H = A + iB} (A symmetric,
 * B antisymmetric) is diagonalised through the real symmetric {@code S = [[A, −B], [B, A]]}.
 * If {@code Hv = λv} with {@code v = x + iy} then both {@code (x; y)} and {@code (−y; x)}
 * (the image of {@code iv}) are eigenvectors of S for λ, so every eigenvalue of H appears
 * twice in S. Going back we must choose N complex vectors out of 2N real ones; see
 * {@link #decompose(CMatrix)}. S is diagonalised by {@link SymmetricEigen} (Commons Math,
 * with a Jacobi fallback for the highly degenerate spectra on which Commons Math gives up).
 */
public final class Hermitian {

    /**
     * Relative gap (times the spectral radius) below which neighbouring eigenvalues of S are
     * treated as one cluster. Exact doubles of S come out of the solver split by about
     * 1e-15 relative; genuinely distinct eigenvalues closer than this get merged, which costs
     * at most about this much accuracy in the reconstruction, never orthonormality.
     */
    static final double CLUSTER_GAP = 1e-9;

    /** Absolute tolerance (relative to the largest entry) for accepting the input as Hermitian. */
    static final double HERMITIAN_TOL = 1e-10;

    private Hermitian() {}

    /**
     * Decomposes a Hermitian matrix as {@code H = V diag(values) V†}, values ascending,
     * V unitary, for degenerate spectra too.
     *
     * <p>The eigenvalues of S, sorted, come in equal pairs; consecutive pairs closer than
     * {@link #CLUSTER_GAP} form a cluster of 2m real eigenvectors spanning an m-dimensional
     * complex eigenspace of H. Each real eigenvector {@code (x; y)} gives a complex candidate
     * {@code x + iy}; within the cluster we run Gram–Schmidt with pivoting (always take the
     * candidate with the largest remaining component), orthogonalising against every vector
     * already accepted, including earlier clusters, and keep m of them. Orthogonalising
     * against everything means V stays unitary even if a cluster boundary were misplaced.
     * The eigenvalue reported for each vector is its Rayleigh quotient {@code v†Hv}, which is
     * accurate to second order.
     *
     * @throws IllegalArgumentException if h is not square or not Hermitian
     */
    public static Eigen decompose(CMatrix h) {
        int n = requireHermitian(h);
        double[] hr = h.reals();
        double[] hi = h.imags();
        symmetrise(hr, hi, n);
        // Entries far from 1 (|h| ~ 1e-170) underflow when squared inside the solver: decompose
        // h / s with s a power of two (exact), then scale the eigenvalues back.
        double largest = 0;
        for (int k = 0; k < hr.length; k++) largest = Math.max(largest, Math.max(Math.abs(hr[k]), Math.abs(hi[k])));
        if (largest > 0 && (largest < 1e-100 || largest > 1e100)) {
            double scale = Math.scalb(1.0, Math.getExponent(largest));
            for (int k = 0; k < hr.length; k++) {
                hr[k] /= scale;
                hi[k] /= scale;
            }
            Eigen unit = decompose(CMatrix.wrap(n, n, hr, hi));
            double[] values = unit.values().clone();
            for (int k = 0; k < values.length; k++) values[k] *= scale;
            return new Eigen(values, unit.vectors());
        }

        SymmetricEigen eig = SymmetricEigen.of(Realification.toRealArray(CMatrix.wrap(n, n, hr, hi)));
        double[] lambda = eig.values;
        double[][] w = eig.vectors;

        Integer[] order = new Integer[2 * n];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(lambda[p], lambda[q]));

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
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(value[p], value[q]));
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

    /** Replaces H by (H + H†)/2 in place so that the real embedding is exactly symmetric. */
    private static void symmetrise(double[] hr, double[] hi, int n) {
        for (int a = 0; a < n; a++) {
            hi[a * n + a] = 0.0;
            for (int b = a + 1; b < n; b++) {
                double r = 0.5 * (hr[a * n + b] + hr[b * n + a]);
                double i = 0.5 * (hi[a * n + b] - hi[b * n + a]);
                hr[a * n + b] = r;
                hr[b * n + a] = r;
                hi[a * n + b] = i;
                hi[b * n + a] = -i;
            }
        }
    }

    /** f(H) = V f(D) V†. */
    public static CMatrix apply(CMatrix h, DoubleUnaryOperator f) {
        Eigen e = decompose(h);
        double[] values = e.values();
        double[] fr = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            fr[k] = f.applyAsDouble(values[k]);
        }
        return spectral(e.vectors(), fr, new double[values.length]);
    }

    /** The unitary {@code exp(−iHt)} (ħ = 1). */
    public static CMatrix evolution(CMatrix h, double t) {
        Eigen e = decompose(h);
        double[] values = e.values();
        double[] cr = new double[values.length];
        double[] ci = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double phase = -values[k] * t;
            cr[k] = Math.cos(phase);
            ci[k] = Math.sin(phase);
        }
        return spectral(e.vectors(), cr, ci);
    }

    /** V diag(d) V† with complex diagonal d, in O(N³) without forming diag(d). */
    static CMatrix spectral(CMatrix v, double[] dr, double[] di) {
        int n = v.rows;
        double[] vr = v.reals();
        double[] vi = v.imags();
        CMatrix vAdjoint = v.adjoint(); // row-major V† keeps the inner loop contiguous
        double[] ur = vAdjoint.reals();
        double[] ui = vAdjoint.imags();
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < n; k++) {
                // (V d)_{ak} = V_{ak} d_k
                double xr = vr[a * n + k] * dr[k] - vi[a * n + k] * di[k];
                double xi = vr[a * n + k] * di[k] + vi[a * n + k] * dr[k];
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    // times (V†)_{kb} = conj(V_{bk})
                    double yr = ur[k * n + b];
                    double yi = ui[k * n + b];
                    re[a * n + b] += xr * yr - xi * yi;
                    im[a * n + b] += xr * yi + xi * yr;
                }
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    /** Returns the dimension after checking squareness and Hermiticity (relative tolerance). */
    static int requireHermitian(CMatrix h) {
        if (!h.isSquare()) {
            throw new IllegalArgumentException("a Hermitian matrix must be square, got " + h.rows + "x" + h.cols);
        }
        double scale = 1.0;
        for (double x : h.reals()) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (double x : h.imags()) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (!h.isHermitian(HERMITIAN_TOL * scale)) {
            throw new IllegalArgumentException("matrix is not Hermitian: " + h);
        }
        return h.rows;
    }
}
