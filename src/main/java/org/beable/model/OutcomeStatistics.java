package org.beable.model;

import org.beable.experiment.Experiment;

/**
 * Outcome probabilities per setting combination: exact (a prediction) or relative frequencies
 * with counts (a sampled run). Analyses read results only through this.
 */
public interface OutcomeStatistics {
    Experiment experiment();

    String modelName();

    boolean isSampled();

    /** P(o | s) over the joint outcomes of a combination (relative frequencies when sampled). */
    double[] probabilities(int combination);

    /** Counts of each joint outcome for a sampled result; null for an exact one. */
    long[] counts(int combination);

    /** Trials run under a combination; 0 for an exact result. */
    long trials(int combination);

    /** The trials behind counts of joint outcomes. */
    static long total(long[] counts) {
        long n = 0;
        for (long x : counts) n += x;
        return n;
    }

    /** Relative frequencies of counts (all zero when there are no trials). */
    static double[] frequencies(long[] counts) {
        long n = total(counts);
        double[] p = new double[counts.length];
        if (n > 0) for (int k = 0; k < p.length; k++) p[k] = (double) counts[k] / n;
        return p;
    }
}
