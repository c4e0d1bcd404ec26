package org.beable.model;

import java.lang.ref.SoftReference;
import java.util.function.Supplier;
import org.beable.experiment.Experiment;

/**
 * A seeded Monte Carlo run: how often each joint outcome came up under each setting combination.
 *
 * <p>A run keeps counts, not trials, so its memory does not grow with the number of trials. The
 * analyses of trial order ask for {@link #trials()}: a run that was given its trials (an ensemble,
 * whose members are the trials) holds them; a counted run replays itself from its seed, which gives
 * the same trials (every run is reproducible), and keeps the replay only softly, so the collector
 * may take it back when memory runs short and a later analysis replays again.
 */
public final class SampledRun implements OutcomeStatistics {
    private final Experiment experiment;
    private final String modelName;
    private final long seed;
    private final long[][] counts;
    private final long size;
    private final TrialLog kept;
    private final Supplier<TrialLog> replay;
    private SoftReference<TrialLog> replayed = new SoftReference<>(null);

    /** A run given every trial (they are kept). */
    public SampledRun(Experiment experiment, String modelName, long seed, int[] trialCombination, int[] trialOutcome) {
        this(experiment, modelName, seed, tally(experiment, trialCombination, trialOutcome),
                new TrialLog(trialCombination, trialOutcome), null);
    }

    private SampledRun(Experiment experiment, String modelName, long seed, long[][] counts, TrialLog kept, Supplier<TrialLog> replay) {
        this.experiment = experiment;
        this.modelName = modelName;
        this.seed = seed;
        this.counts = counts;
        this.kept = kept;
        this.replay = replay;
        long n = 0;
        for (long[] c : counts) for (long x : c) n = Math.addExact(n, x);
        this.size = n;
    }

    /**
     * A run known by its counts, {@code counts[combination][outcome]}; {@code replay} makes its
     * trials again, in order, when an analysis asks for them.
     */
    public static SampledRun counted(Experiment experiment, String modelName, long seed, long[][] counts, Supplier<TrialLog> replay) {
        if (counts.length != experiment.combinations()) {
            throw new IllegalArgumentException(counts.length + " rows of counts for " + experiment.combinations() + " combinations");
        }
        long[][] copy = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c].length != experiment.outcomes(c).size()) {
                throw new IllegalArgumentException("combination " + c + " has " + experiment.outcomes(c).size() + " outcomes, got "
                        + counts[c].length + " counts");
            }
            copy[c] = counts[c].clone();
        }
        return new SampledRun(experiment, modelName, seed, copy, null, replay);
    }

    private static long[][] tally(Experiment experiment, int[] trialCombination, int[] trialOutcome) {
        long[][] counts = new long[experiment.combinations()][];
        for (int c = 0; c < counts.length; c++) counts[c] = new long[experiment.outcomes(c).size()];
        for (int t = 0; t < trialOutcome.length; t++) counts[trialCombination[t]][trialOutcome[t]]++;
        return counts;
    }

    @Override public Experiment experiment() { return experiment; }
    @Override public String modelName() { return modelName; }
    @Override public boolean isSampled() { return true; }
    public long seed() { return seed; }

    /** Trials in the run, over all combinations. */
    public long size() { return size; }

    /** Whether the run holds its trials (rather than replaying them on demand). */
    public boolean keepsTrials() { return kept != null; }

    /**
     * Every trial in the order it ran: the kept ones, or a replay from the seed. Throws
     * IllegalArgumentException for a run longer than a {@link TrialLog} can hold.
     */
    public TrialLog trials() {
        if (kept != null) return kept;
        TrialLog.checkFits(size);
        synchronized (this) {
            TrialLog log = replayed.get();
            if (log == null) {
                log = replay.get();
                replayed = new SoftReference<>(log);
            }
            return log;
        }
    }

    @Override
    public double[] probabilities(int combination) {
        return OutcomeStatistics.frequencies(counts[combination]);
    }

    @Override public long[] counts(int combination) { return counts[combination].clone(); }

    @Override
    public long trials(int combination) {
        return OutcomeStatistics.total(counts[combination]);
    }
}
