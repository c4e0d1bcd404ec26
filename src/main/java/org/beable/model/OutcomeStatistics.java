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
}
