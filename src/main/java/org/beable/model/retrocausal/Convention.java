package org.beable.model.retrocausal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the signed anomalous rotations α (spin A) and β (spin B) of the singlet are tied to an
 * outcome pair: a choice the paper leaves open (docs/models/retrocausal.md, "Conventions"). With
 * θ = b − a, every convention makes P(o) ∝ K(δ_o) for one periodic kernel K built from the two
 * weights and one required angle δ_o per outcome pair:
 * <ul>
 * <li>{@link #GEOMETRY}: S1 starts at s, S2 at s + π, s uniform; A needs α = a − s (+π for Ā), B
 *     needs β = b − π − s (+π for B̄). Integrating s out gives the cross-correlation
 *     K(x) = ∫ W_A(u) W_B(u + x) du (winding sums), at x = θ − π for A B and Ā B̄ and x = θ for
 *     A B̄ and Ā B.</li>
 * <li>{@link #NET}: the pair needs a net rotation δ = α + β, δ = θ for A B̄ and Ā B and π − θ for
 *     A B and Ā B̄, weighted by the convolution K = W_A ∗ W_B summed over windings.</li>
 * <li>{@link #MIRROR}: as net, but A B̄ needs +θ, Ā B −θ, A B π − θ and Ā B̄ −(π − θ).</li>
 * </ul>
 * For a symmetric W (W_A = W_B, W(α) = W(−α)) the three coincide.
 */
public enum Convention {
    GEOMETRY("geometry"), NET("net"), MIRROR("mirror");

    private final String word;

    Convention(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    /** The convention a word names; an error listing the words otherwise. */
    public static Convention named(String given) {
        for (Convention c : values()) if (c.word.equals(given.toLowerCase(Locale.ROOT))) return c;
        throw new IllegalArgumentException("convention = " + given + " is not one of: "
                + Arrays.stream(values()).map(Convention::word).collect(Collectors.joining(", "))
                + " (geometry: antiparallel spins from a free s; net: the pair's net rotation α + β; mirror: net with signed θ)");
    }

    /** Whether K is the convolution W_A ∗ W_B (net, mirror) rather than the cross-correlation (geometry). */
    boolean convolution() {
        return this != GEOMETRY;
    }

    /** Which of K(θ), K(−θ), K(π − θ), K(θ − π) ({@link PairKernel#atFour}) outcomes oa, ob need. */
    int requiredIndex(int oa, int ob) {
        switch (this) {
            case GEOMETRY:
                return oa == ob ? 3 : 0;
            case NET:
                return oa == ob ? 2 : 0;
            default:
                if (oa == 0) return ob == 0 ? 2 : 0;
                return ob == 0 ? 1 : 3;
        }
    }

    /**
     * δ_o, the argument of K for outcomes oa (A: 0 = along a, 1 = against) and ob (B likewise),
     * with θ = b − a.
     */
    double required(int oa, int ob, double theta) {
        switch (this) {
            case GEOMETRY:
                return oa == ob ? theta - Math.PI : theta;
            case NET:
                return oa == ob ? Math.PI - theta : theta;
            default:
                if (oa == 0) return ob == 0 ? Math.PI - theta : theta;
                return ob == 0 ? -theta : -(Math.PI - theta);
        }
    }
}
