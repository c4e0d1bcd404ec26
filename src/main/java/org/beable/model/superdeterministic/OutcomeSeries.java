package org.beable.model.superdeterministic;

import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.model.SampledRun;
import org.beable.model.TrialLog;

/**
 * One detector's outcomes in the order the trials ran, the raw material of the sequence tests:
 * per trial whether the detector fired, the outcome's number (its value, or its index when the
 * labels are not numbers) and the trial's setting combination.
 */
final class OutcomeSeries {
    final String detector;
    final int[] combination;
    final boolean[] fired;
    final int[] outcome;
    final double[] value;
    final int combinations;

    OutcomeSeries(SampledRun run, int slot) {
        Experiment e = run.experiment();
        if (slot < 0 || slot >= e.slotCount()) throw new IllegalArgumentException("no outcome slot " + slot);
        Detector d = e.slotDetector(slot);
        this.detector = d.name();
        this.combinations = e.combinations();
        TrialLog trials = run.trials();
        int n = trials.size();
        combination = new int[n];
        fired = new boolean[n];
        outcome = new int[n];
        value = new double[n];
        boolean numeric = true;
        for (double v : d.outcomeValues()) numeric &= !Double.isNaN(v);
        for (int t = 0; t < n; t++) {
            combination[t] = trials.combinations()[t];
            int o = e.outcomes(combination[t]).outcome(trials.outcomes()[t], slot);
            fired[t] = o >= 0;
            outcome[t] = o;
            value[t] = o < 0 ? Double.NaN : numeric ? d.outcomeValues()[o] : o;
        }
    }

    int size() {
        return outcome.length;
    }
}
