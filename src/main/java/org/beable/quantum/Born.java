package org.beable.quantum;

/** The Born rule and Lüders' state update, on density matrices. */
public final class Born {

    /**
     * How far outside [0, 1] a computed probability may stray and still be treated as
     * rounding noise. Anything further means the projector or the state is not what the
     * caller thinks, and silently clamping it would hide the bug.
     */
    static final double PROBABILITY_NOISE = 1e-9;

    private Born() {}

    /** {@code Re Tr(P ρ)}, clamped to [0, 1] against rounding noise. */
    public static double probability(CMatrix projector, CMatrix rho) {
        double p = projector.traceOfProduct(rho).getReal();
        if (p < -PROBABILITY_NOISE || p > 1.0 + PROBABILITY_NOISE || Double.isNaN(p)) {
            throw new IllegalArgumentException("Tr(P rho) = " + p + " is not a probability; "
                    + "is P a projector and rho a normalised state?");
        }
        return Math.min(1.0, Math.max(0.0, p));
    }

    /** {@code Re Tr(O ρ)}. */
    public static double expectation(CMatrix observable, CMatrix rho) {
        return observable.traceOfProduct(rho).getReal();
    }

    /** The post-measurement state {@code P ρ P / Tr(P ρ)}. */
    public static CMatrix luders(CMatrix projector, CMatrix rho) {
        double p = projector.traceOfProduct(rho).getReal();
        if (!(p > 0.0)) {
            throw new IllegalArgumentException("cannot condition on an outcome of probability " + p);
        }
        return projector.times(rho).times(projector).scale(1.0 / p);
    }

    /** {@code |ψ><ψ|} (not renormalised). */
    public static CMatrix densityOf(CMatrix ket) {
        return ket.projector();
    }

    /**
     * {@code Σ w_i ρ_i}; each state may be a ket (turned into {@code |ψ><ψ|}) or a density
     * matrix (a 1x1 entry counts as a density matrix). Weights must be non-negative; they are
     * used as given, not renormalised.
     */
    public static CMatrix mixture(double[] weights, CMatrix[] states) {
        if (weights.length != states.length || states.length == 0) {
            throw new IllegalArgumentException(weights.length + " weights for " + states.length + " states");
        }
        CMatrix sum = null;
        for (int k = 0; k < states.length; k++) {
            if (!(weights[k] >= 0.0)) {
                throw new IllegalArgumentException("weight " + weights[k] + " is not a probability weight");
            }
            CMatrix rho = states[k].isColumn() && states[k].rows > 1 ? states[k].projector() : states[k];
            CMatrix term = rho.scale(weights[k]);
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }
}
