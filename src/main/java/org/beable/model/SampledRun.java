package org.beable.model;

import org.beable.experiment.Experiment;

/**
 * A seeded Monte Carlo run: each trial's setting combination and joint outcome, and the
 * counts per combination derived from them.
 */
public final class SampledRun implements OutcomeStatistics {
    private final Experiment experiment;
    private final String modelName;
    private final long seed;
    private final int[] trialCombination;
    private final int[] trialOutcome;
    private final long[][] counts;

    public SampledRun(Experiment experiment, String modelName, long seed, int[] trialCombination, int[] trialOutcome) {
        this.experiment = experiment;
        this.modelName = modelName;
        this.seed = seed;
        this.trialCombination = trialCombination;
        this.trialOutcome = trialOutcome;
        this.counts = new long[experiment.combinations()][];
        for (int c = 0; c < counts.length; c++) counts[c] = new long[experiment.outcomes(c).size()];
        for (int t = 0; t < trialOutcome.length; t++) counts[trialCombination[t]][trialOutcome[t]]++;
    }

    @Override public Experiment experiment() { return experiment; }
    @Override public String modelName() { return modelName; }
    @Override public boolean isSampled() { return true; }
    public long seed() { return seed; }
    public int size() { return trialOutcome.length; }
    public int combinationOf(int trial) { return trialCombination[trial]; }
    public int outcomeOf(int trial) { return trialOutcome[trial]; }

    @Override
    public double[] probabilities(int combination) {
        long[] c = counts[combination];
        long n = trials(combination);
        double[] p = new double[c.length];
        if (n > 0) for (int k = 0; k < c.length; k++) p[k] = (double) c[k] / n;
        return p;
    }

    @Override public long[] counts(int combination) { return counts[combination].clone(); }

    @Override
    public long trials(int combination) {
        long n = 0;
        for (long x : counts[combination]) n += x;
        return n;
    }
}
