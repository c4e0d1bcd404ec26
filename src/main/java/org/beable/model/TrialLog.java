package org.beable.model;

/**
 * Every trial of a run in the order it ran: its setting combination and joint outcome. Only the
 * analyses of trial order (autocorrelation, runs test, Born deviation per window) need it; a run
 * itself keeps counts (see {@link SampledRun}).
 */
public record TrialLog(int[] combinations, int[] outcomes) {
    /** The most trials a log can hold (one Java array). */
    public static final long MAX_TRIALS = Integer.MAX_VALUE - 8;

    public TrialLog {
        if (combinations.length != outcomes.length) {
            throw new IllegalArgumentException(combinations.length + " combinations for " + outcomes.length + " outcomes");
        }
    }

    public int size() { return outcomes.length; }

    /** A clear refusal for a run too long to list trial by trial. */
    public static void checkFits(long trials) {
        if (trials > MAX_TRIALS) {
            throw new IllegalArgumentException("an analysis of trial order lists every trial, and this run has " + trials
                    + " trials, more than the " + MAX_TRIALS + " it can list; run fewer trials for it");
        }
    }
}
