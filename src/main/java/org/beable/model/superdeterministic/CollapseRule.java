package org.beable.model.superdeterministic;

/**
 * The outcome rule of the κ → ∞ limit and its exact distribution. With the basis in the order
 * |1⟩ … |M⟩ (position p = 0 … M−1 holds |p+1⟩), weights w (|α|² or tr(P ρ)) and their running
 * sums S_p = Σ_{q≤p} w_q:
 * σ_J = |α_J|²|λ_J|² − (1 − |λ_J|²) S_{J−1} = |λ_J|² S_J − S_{J−1}, and the outcome K is the
 * highest position with σ > 0, or the lowest if there is none. Everything here compares
 * |λ_J|² · S_J with S_{J−1}, so sampling, the response and the branch signs agree to the last bit.
 */
final class CollapseRule {
    /** Beyond this many outcomes a non-uniform λ with a random order has no exact prediction (2^M · M terms). */
    static final int MAX_PERMUTED_EXACT = 12;

    private CollapseRule() {}

    /** S_p over positions: the weights of elements order[0 … p], scaled to total 1 (all zero if the total is 0). */
    static double[] cumulative(double[] weights, int[] order) {
        double total = 0;
        for (double w : weights) total += w;
        double[] s = new double[order.length];
        double running = 0;
        for (int p = 0; p < order.length; p++) {
            running += total > 0 ? weights[order[p]] / total : 0;
            s[p] = running;
        }
        return s;
    }

    /** Whether σ > 0 at position p ≥ 1 for |λ|² = x. */
    static boolean positive(double[] s, int p, double x) {
        return x * s[p] > s[p - 1];
    }

    /**
     * The outcome position for |λ_J|² = lambda[offset + p − 1] at positions p = 1 … M−1 (only these
     * enter; λ beyond them is ignored).
     */
    static int position(double[] s, double[] lambda, int offset) {
        for (int p = s.length - 1; p >= 1; p--) if (positive(s, p, lambda[offset + p - 1])) return p;
        return 0;
    }

    /**
     * The rule for λ uniform on the disk as integer thresholds on the 53 random bits of |λ|²:
     * with x = bits · 2^−53 (how a uniform double is drawn), σ > 0 at position p exactly when
     * bits ≥ thresholds[p], the smallest integer for which x · S_p > S_{p−1} in floating point
     * (the product is monotone in x, so this is the same decision, bit for bit, without the
     * arithmetic). 2^53 where σ can never be positive; thresholds[0] is unused.
     */
    static long[] thresholds(double[] s) {
        long[] m = new long[s.length];
        for (int p = 1; p < s.length; p++) {
            if (!(s[p] > 0)) {
                m[p] = 1L << 53;
                continue;
            }
            long x = (long) Math.min(0x1.0p53, Math.floor(s[p - 1] / s[p] * 0x1.0p53));
            while (x > 0 && positive(s, p, (x - 1) * 0x1.0p-53)) x--;
            while (x < (1L << 53) && !positive(s, p, x * 0x1.0p-53)) x++;
            m[p] = x;
        }
        return m;
    }

    /** r_p = P(σ > 0 at position p) for p ≥ 1; r_0 is unused. */
    static double[] positiveProbabilities(double[] s, LambdaDistribution distribution) {
        double[] r = new double[s.length];
        for (int p = 1; p < s.length; p++) r[p] = s[p] > 0 ? distribution.probabilityAbove(s[p - 1] / s[p]) : 0;
        return r;
    }

    /** P(outcome position) for a fixed order: r_K Π_{J>K} (1 − r_J) (the papers' eq 21, for any distribution of λ). */
    static double[] exact(double[] s, LambdaDistribution distribution) {
        int m = s.length;
        double[] p = new double[m];
        double none = 1;                  // P(σ_J ≤ 0 for every J above the current position)
        for (int k = m - 1; k >= 1; k--) {
            double r = s[k] > 0 ? distribution.probabilityAbove(s[k - 1] / s[k]) : 0;
            double notR = s[k] > 0 ? distribution.probabilityAtMost(s[k - 1] / s[k]) : 1;
            p[k] = none * r;
            none *= notR;
        }
        p[0] = none;
        return p;
    }

    /**
     * P(outcome element) averaged over a uniformly random order of the elements, exactly: a
     * dynamic programme over the set T of elements placed above the current position. With T
     * above, the element e placed next has S = W(not T) and S_prev = W(not T, not e), so the
     * probability that the top |T| positions hold T (in some order) with every σ ≤ 0 is built up
     * subset by subset. 2^M · M terms.
     *
     * @throws IllegalArgumentException beyond {@link #MAX_PERMUTED_EXACT} elements
     */
    static double[] exactPermuted(double[] weights, LambdaDistribution distribution) {
        int m = weights.length;
        if (m > MAX_PERMUTED_EXACT) throw new IllegalArgumentException("too many outcomes for an exact average over orders");
        double total = 0;
        for (double w : weights) total += w;
        int full = (1 << m) - 1;
        double[] subsetWeight = new double[1 << m];
        for (int t = 1; t <= full; t++) {
            int low = Integer.numberOfTrailingZeros(t);
            subsetWeight[t] = subsetWeight[t & (t - 1)] + (total > 0 ? weights[low] / total : 0);
        }
        double[] q = new double[1 << m];
        double[] p = new double[m];
        q[0] = 1;
        for (int t = 0; t <= full; t++) {
            if (q[t] == 0) continue;
            int remaining = m - Integer.bitCount(t);
            double each = q[t] / remaining;
            int below = full ^ t;
            for (int e = 0; e < m; e++) {
                if ((t & (1 << e)) != 0) continue;
                if (remaining == 1) {
                    p[e] += each;
                    continue;
                }
                double s = subsetWeight[below];
                double sPrev = subsetWeight[below ^ (1 << e)];
                double r = s > 0 ? distribution.probabilityAbove(sPrev / s) : 0;
                double notR = s > 0 ? distribution.probabilityAtMost(sPrev / s) : 1;
                p[e] += each * r;
                q[t | (1 << e)] += each * notR;
            }
        }
        return p;
    }
}
