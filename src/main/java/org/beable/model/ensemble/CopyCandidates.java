package org.beable.model.ensemble;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The candidate copy events of one step, drawn by thinning in continuous time: candidates on the
 * pair {a, b} arrive at the bound 2R√(n_a n_b), so the next one comes after an exponential wait
 * at the rate of all bounds together and falls on a pair in proportion to its bound. Whether a
 * candidate becomes a copy is for the caller to decide (class and member level decide
 * differently); after a copy it recounts, since the occupations, and with them the bounds, have
 * changed.
 *
 * <p>The caller owns the loop, so its accept test runs inline in it:
 * <pre>{@code
 * candidates.start(c, h, rng, counts);
 * for (int p; (p = candidates.next()) >= 0; ) {
 *     if (accepted) { copy(...); candidates.recount(counts); }
 * }
 * }</pre>
 * The draws come from the step's generator in a fixed order (the wait, then the pair, then
 * whatever the caller draws), so a seed fixes the events.
 */
final class CopyCandidates {
    private double[] bound = new double[0];
    private double total;
    private double elapsed;
    private double length;
    private Couplings couplings;
    private UniformRandomProvider rng;
    /** Made again only when the generator changes: it keeps nothing but the generator. */
    private ZigguratSampler.Exponential exponential;

    /** Begins a step of length h on the couplings c with occupations n. */
    void start(Couplings c, double h, UniformRandomProvider rng, long[] n) {
        begin(c, h, rng);
        recount(n);
    }

    /** Begins a step of length h on the couplings c with occupations n. */
    void start(Couplings c, double h, UniformRandomProvider rng, int[] n) {
        begin(c, h, rng);
        recount(n);
    }

    private void begin(Couplings c, double h, UniformRandomProvider rng) {
        if (rng != this.rng) {
            exponential = ZigguratSampler.Exponential.of(rng);
            this.rng = rng;
        }
        if (bound.length < c.pairs()) bound = new double[c.pairs()];
        couplings = c;
        length = h;
        elapsed = 0;
    }

    /** The bounds for the occupations n, after a copy has changed them. */
    void recount(long[] n) {
        Couplings c = couplings;
        total = 0;
        for (int p = 0; p < c.pairs(); p++) total += bound(p, n[c.first[p]], n[c.second[p]]);
    }

    /** The bounds for the occupations n, after a copy has changed them. */
    void recount(int[] n) {
        Couplings c = couplings;
        total = 0;
        for (int p = 0; p < c.pairs(); p++) total += bound(p, n[c.first[p]], n[c.second[p]]);
    }

    private double bound(int p, double na, double nb) {
        return bound[p] = 2 * couplings.strength[p] * Math.sqrt(na * nb);
    }

    /** The pair of the next candidate, or −1 once the step is over (or no pair can copy). */
    int next() {
        if (!(total > 0)) return -1;
        elapsed += exponential.sample() / total;
        if (elapsed >= length) return -1;
        double pick = rng.nextDouble() * total;
        int last = couplings.pairs() - 1;
        int p = 0;
        while (p < last && (pick -= bound[p]) >= 0) p++;
        return p;
    }

    /** The time of the last candidate since the start of the step. */
    double elapsed() {
        return elapsed;
    }
}
