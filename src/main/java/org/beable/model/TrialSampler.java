package org.beable.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.sampling.AliasTable;

/** Draws one trial's joint outcome. Implementations must be safe to call from several threads with their own generators. */
@FunctionalInterface
public interface TrialSampler {
    int sample(UniformRandomProvider rng);

    /** Fills out[from, to) with draws; distribution samplers override this with a tight loop. */
    default void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        for (int t = from; t < to; t++) out[t] = sample(rng);
    }

    static TrialSampler fromDistribution(double[] probabilities) {
        AliasTable table = new AliasTable(probabilities);
        return new TrialSampler() {
            @Override public int sample(UniformRandomProvider rng) { return table.sample(rng); }
            @Override public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
                table.sampleInto(rng, out, from, to);
            }
        };
    }

    /** One draw from a small distribution by inversion (for per-λ responses). */
    static int draw(double[] probabilities, UniformRandomProvider rng) {
        return draw(probabilities, probabilities.length, rng.nextDouble());
    }

    /**
     * The index u ∈ [0, 1) falls on among the first {@code count} probabilities, by their running
     * sum; should rounding leave u above the total, the last index of positive probability.
     */
    public static int draw(double[] probabilities, int count, double u) {
        double cumulative = 0;
        for (int k = 0; k < count; k++) {
            cumulative += probabilities[k];
            if (u < cumulative) return k;
        }
        for (int k = count - 1; k >= 0; k--) if (probabilities[k] > 0) return k;
        return count - 1;
    }
}
