package org.beable.quantum;

import java.util.function.DoubleUnaryOperator;

import org.beable.concurrent.Cancellation;

/**
 * Spectral calculus for Hermitian matrices: eigen-decomposition, {@code f(H)}, and the
 * unitary {@code exp(−iHt)}.
 *
 * <p>Matrices of dimension above {@link RealEmbeddingEigen#LARGEST} are decomposed by
 * {@link HermitianEigensolver} (Householder tridiagonalisation and implicit QL on primitive
 * arrays, O(n³) with small constants). Smaller ones keep the original route through the real
 * embedding ({@link RealEmbeddingEigen}): it costs well under a millisecond there, and it is
 * what every existing result on qubits and small registers was computed with, digit for digit.
 */
public final class Hermitian {

    /** Absolute tolerance (relative to the largest entry) for accepting the input as Hermitian. */
    static final double HERMITIAN_TOL = 1e-10;

    private Hermitian() {}

    /**
     * Decomposes a Hermitian matrix as {@code H = V diag(values) V†}, values ascending,
     * V unitary, for degenerate spectra too.
     *
     * @throws IllegalArgumentException if h is not square or not Hermitian
     */
    public static Eigen decompose(CMatrix h) {
        return decompose(h, Cancellation.none());
    }

    /**
     * {@link #decompose(CMatrix)}, checking {@code cancellation} between the O(n²) steps of a
     * large decomposition.
     *
     * @throws org.beable.concurrent.CancelledException once cancelled
     */
    public static Eigen decompose(CMatrix h, Cancellation cancellation) {
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
            Eigen unit = decompose(CMatrix.wrap(n, n, hr, hi), cancellation);
            double[] values = unit.values().clone();
            for (int k = 0; k < values.length; k++) values[k] *= scale;
            return new Eigen(values, unit.vectors());
        }

        if (n <= RealEmbeddingEigen.LARGEST) {
            return RealEmbeddingEigen.decompose(n, hr, hi);
        }
        return HermitianEigensolver.decompose(n, hr, hi, cancellation);
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
        return evolution(h, t, Cancellation.none());
    }

    /** {@link #evolution(CMatrix, double)}, checking {@code cancellation} during the decomposition. */
    public static CMatrix evolution(CMatrix h, double t, Cancellation cancellation) {
        Eigen e = decompose(h, cancellation);
        double[] values = e.values();
        double[] cr = new double[values.length];
        double[] ci = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double phase = -values[k] * t;
            cr[k] = Math.cos(phase);
            ci[k] = Math.sin(phase);
        }
        return spectral(e.vectors(), cr, ci, cancellation);
    }

    /** V diag(d) V† with complex diagonal d, in O(N³) without forming diag(d). */
    static CMatrix spectral(CMatrix v, double[] dr, double[] di) {
        return spectral(v, dr, di, Cancellation.none());
    }

    /** {@link #spectral(CMatrix, double[], double[])}, checking {@code cancellation} row by row. */
    static CMatrix spectral(CMatrix v, double[] dr, double[] di, Cancellation cancellation) {
        int n = v.rows;
        double[] vr = v.reals();
        double[] vi = v.imags();
        CMatrix vAdjoint = v.adjoint(); // row-major V† keeps the inner loop contiguous
        double[] ur = vAdjoint.reals();
        double[] ui = vAdjoint.imags();
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int a = 0; a < n; a++) {
            cancellation.throwIfCancelled();
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
