package org.beable.quantum;

/**
 * Matrix exponential, square root and logarithm.
 *
 * <p>Accuracy of {@link #exp(CMatrix)}: Hermitian and anti-Hermitian inputs go through the
 * eigen-decomposition ({@link Hermitian}), which is backward stable: errors are a small multiple
 * of 1e-16 times the norm of the exponent, and the result of an anti-Hermitian input is unitary
 * to the same precision. Any other input uses scaling and squaring with the [13/13] Padé
 * approximant (Higham, SIAM J. Matrix Anal. Appl. 26 (2005) 1179), whose truncation error is
 * below double precision unit roundoff for every input; the rounding error then grows with the
 * conditioning of exp at A (for a non-normal A it can exceed 1e-16 · ‖exp(A)‖ noticeably, as
 * for every method). Inputs with 1-norm up to θ13 ≈ 5.37 need no squaring.
 */
public final class MatrixFunctions {

    /**
     * Relative tolerance for routing exp through the eigen-decomposition: only matrices that
     * are (anti-)Hermitian to rounding level take that route, because the decomposition would
     * silently drop a larger non-Hermitian part.
     */
    private static final double STRUCTURE_TOL = 1e-13;

    /** Below this an eigenvalue of a "positive" matrix is treated as rounding noise around 0. */
    private static final double NEGATIVE_NOISE = 1e-12;

    private MatrixFunctions() {}

    /** {@code e^A} for any square matrix. */
    public static CMatrix exp(CMatrix a) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException("exp needs a square matrix, got " + a.rows + "x" + a.cols);
        }
        double tol = STRUCTURE_TOL * Math.max(1.0, maxAbs(a));
        if (a.isHermitian(tol)) {
            return Hermitian.apply(a, Math::exp);
        }
        CMatrix k = a.scale(0.0, 1.0); // K = iA; A anti-Hermitian  <=>  K Hermitian, and e^A = e^{−iK}
        if (k.isHermitian(tol)) {
            return Hermitian.evolution(k, 1.0);
        }
        return PadeExponential.exp(a);
    }

    /** The positive square root of a positive semi-definite Hermitian matrix. */
    public static CMatrix sqrt(CMatrix positiveHermitian) {
        Eigen e = Hermitian.decompose(positiveHermitian);
        double[] values = e.values();
        double floor = -NEGATIVE_NOISE * Math.max(1.0, Math.abs(values[values.length - 1]));
        double[] root = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            if (values[k] < floor) {
                throw new IllegalArgumentException("sqrt needs a positive semi-definite matrix; eigenvalue "
                        + values[k]);
            }
            root[k] = Math.sqrt(Math.max(values[k], 0.0)); // clamp rounding noise just below zero
        }
        return Hermitian.spectral(e.vectors(), root, new double[values.length]);
    }

    /** The principal logarithm of a positive definite Hermitian matrix. */
    public static CMatrix log(CMatrix positiveDefiniteHermitian) {
        Eigen e = Hermitian.decompose(positiveDefiniteHermitian);
        double[] values = e.values();
        double[] log = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            if (!(values[k] > 0.0)) {
                throw new IllegalArgumentException("log needs a positive definite matrix; eigenvalue " + values[k]);
            }
            log[k] = Math.log(values[k]);
        }
        return Hermitian.spectral(e.vectors(), log, new double[values.length]);
    }

    static double maxAbs(CMatrix a) {
        double[] re = a.reals();
        double[] im = a.imags();
        double max = 0.0;
        for (int k = 0; k < re.length; k++) {
            max = Math.max(max, Math.hypot(re[k], im[k]));
        }
        return max;
    }
}
