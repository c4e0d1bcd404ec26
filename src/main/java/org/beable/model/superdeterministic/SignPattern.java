package org.beable.model.superdeterministic;

/**
 * The signs of σ_2 … σ_N in one hidden-variable branch, for the basis in a given order: the
 * dynamics depends on λ only through them. Position p = 0 … N−1 holds |p+1⟩; positive[p] is
 * θ(σ_{p+1}) (positive[0] is unused). From the signs come the jump operators
 * L_JM = θ(σ_J)|J⟩⟨M| + θ(−σ_J)|M⟩⟨J| (J > M) and, because each is a matrix unit, everything
 * the dissipator needs in O(N):
 * <ul>
 * <li>γ_I = Σ_{L} ⟨I|L†L|I⟩: the number of jumps leaving |I⟩ = I·(1 − θ_I) + Σ_{J>I} θ_J
 *     (0-based I lower states), so Σ L†L = diag(γ);</li>
 * <li>Σ L ρ L† is diagonal: gain_I = θ_I Σ_{M<I} ρ_MM + Σ_{J>I} (1 − θ_J) ρ_JJ.</li>
 * </ul>
 * Hence κ D(ρ)_IJ = κ (δ_IJ gain_I − ½ (γ_I + γ_J) ρ_IJ), and the coherences decay at κΛ_IJ/2 with
 * Λ_IJ = γ_I + γ_J (the papers' eq 42).
 */
record SignPattern(boolean[] positive) {

    int size() {
        return positive.length;
    }

    /** γ_I per position. */
    double[] gamma() {
        int n = positive.length;
        double[] g = new double[n];
        int above = 0;                                    // Σ_{J>I} θ_J, from the top down
        for (int i = n - 1; i >= 0; i--) {
            g[i] = (i > 0 && !positive[i] ? i : 0) + above;
            if (i > 0 && positive[i]) above++;
        }
        return g;
    }

    /** gain_I for the populations pop (O(N) with running sums). */
    void gain(double[] pop, double[] out) {
        int n = positive.length;
        double below = 0;
        for (int i = 0; i < n; i++) {
            out[i] = i > 0 && positive[i] ? below : 0;
            below += pop[i];
        }
        double aboveNegative = 0;
        for (int i = n - 1; i >= 0; i--) {
            out[i] += aboveNegative;
            if (i > 0 && !positive[i]) aboveNegative += pop[i];
        }
    }

    /** "+−−" for σ_2 … σ_N. */
    String label() {
        StringBuilder s = new StringBuilder();
        for (int p = 1; p < positive.length; p++) s.append(positive[p] ? '+' : '−');
        return s.length() == 0 ? "(none)" : s.toString();
    }

    /** The outcome of the κ → ∞ limit: the highest position with σ > 0, or 0. */
    int outcome() {
        for (int p = positive.length - 1; p >= 1; p--) if (positive[p]) return p;
        return 0;
    }
}
