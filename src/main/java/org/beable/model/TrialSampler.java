package org.beable.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.sampling.AliasTable;
import org.beable.model.sampling.ChunkBuffer;

/** Draws one trial's joint outcome. Implementations must be safe to call from several threads with their own generators. */
@FunctionalInterface
public interface TrialSampler {
    int sample(UniformRandomProvider rng);

    /** Fills out[from, to) with draws; distribution samplers override this with a tight loop. */
    default void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        for (int t = from; t < to; t++) out[t] = sample(rng);
    }

    /**
     * Adds n draws to counts[outcome]: the same draws, in the same order, as {@link #sampleInto}
     * (a run that counts gets the counts a run that lists its trials would). By default through a
     * per-thread buffer of one chunk, so samplers with a tight {@code sampleInto} keep it.
     */
    default void countInto(UniformRandomProvider rng, long n, long[] counts) {
        int[] buffer = ChunkBuffer.get();
        for (long done = 0; done < n; ) {
            int block = (int) Math.min(n - done, buffer.length);
            sampleInto(rng, buffer, 0, block);
            for (int t = 0; t < block; t++) counts[buffer[t]]++;
            done += block;
        }
    }

    static TrialSampler fromDistribution(double[] probabilities) {
        AliasTable table = new AliasTable(probabilities);
        return new TrialSampler() {
            @Override public int sample(UniformRandomProvider rng) { return table.sample(rng); }
            @Override public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
                table.sampleInto(rng, out, from, to);
            }
            @Override public void countInto(UniformRandomProvider rng, long n, long[] counts) {
                table.countInto(rng, n, counts);
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
