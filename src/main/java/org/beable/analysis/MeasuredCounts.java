package org.beable.analysis;

import org.beable.experiment.Experiment;
import org.beable.model.OutcomeStatistics;

/**
 * Counts that came from outside Beable (a laboratory, another program, an earlier export), per
 * setting combination and joint outcome of an experiment, so that every analysis that reads a
 * run reads them too. They are sampled data: relative frequencies with counts.
 *
 * @param source   where they came from, for tables ("measured (counts.csv)")
 * @param declared whether the experiment is one the script declared (so its prepared state and
 *                 detectors are the physics), rather than one made from the table's columns
 */
public record MeasuredCounts(Experiment experiment, String source, long[][] counts, boolean declared) implements OutcomeStatistics {

    public MeasuredCounts {
        if (counts.length != experiment.combinations()) {
            throw new IllegalArgumentException("counts for " + counts.length + " setting combinations, but the experiment has "
                    + experiment.combinations());
        }
        long[][] copy = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c].length != experiment.outcomes(c).size()) {
                throw new IllegalArgumentException("counts for " + counts[c].length + " joint outcomes under combination " + c
                        + ", but it has " + experiment.outcomes(c).size());
            }
            for (long n : counts[c]) if (n < 0) throw new IllegalArgumentException("a count is negative: " + n);
            copy[c] = counts[c].clone();
        }
        counts = copy;
    }

    @Override public String modelName() { return source; }
    @Override public boolean isSampled() { return true; }

    @Override
    public double[] probabilities(int combination) {
        return OutcomeStatistics.frequencies(counts[combination]);
    }

    @Override public long[] counts(int combination) { return counts[combination].clone(); }

    @Override
    public long trials(int combination) {
        return OutcomeStatistics.total(counts[combination]);
    }

    @Override
    public String toString() {
        return source + " of experiment " + experiment.name();
    }
}
