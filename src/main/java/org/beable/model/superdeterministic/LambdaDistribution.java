package org.beable.model.superdeterministic;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How each hidden variable's squared modulus |λ_J|² is distributed. Only |λ_J|² enters the
 * model (σ_J = |α_J λ_J|² − (1 − |λ_J|²) Σ_{I<J} |α_I|²), so a distribution of λ on the unit disk
 * is given by the distribution of |λ|² on [0, 1]; the papers' uniform disk is |λ|² ~ U(0, 1).
 * The λ_J are independent and identically distributed.
 *
 * <p>Implementations are immutable and safe to use from several sampling threads.
 */
public interface LambdaDistribution {

    /** One draw of |λ|², in [0, 1]. */
    double sample(UniformRandomProvider rng);

    /** The |λ|² at cumulative probability u ∈ [0, 1]: inverse-transform sampling (the drifting sequence uses it). */
    double quantile(double u);

    /**
     * P(|λ|² > c), which decides P(σ_J > 0) = P(|λ_J|² > Σ_{I<J}|α_I|² / Σ_{I≤J}|α_I|²): in closed
     * form where the distribution has one, by numerical integration otherwise.
     */
    double probabilityAbove(double c);

    /** P(|λ|² ≤ c) = 1 − P(|λ|² > c); distributions with a closed form keep its precision for small c. */
    default double probabilityAtMost(double c) {
        return 1 - probabilityAbove(c);
    }

    /** Whether λ is uniform on the unit disk, the case in which the model reproduces the Born rule exactly. */
    default boolean isUniformDisk() {
        return false;
    }

    /** For tables and error messages: "uniform disk", "|λ|² ~ Beta(2, 5)". */
    String describe();
}
