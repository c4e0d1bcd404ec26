package org.beable.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingSpace;
import org.beable.format.Numbers;
import org.beable.model.OutcomeStatistics;

/** Reading slots, marginals and setting labels out of a result; shared by the analyses. */
final class Results {
    private Results() {}

    static void checkSlot(Experiment experiment, int slot) {
        if (slot < 0 || slot >= experiment.slotCount()) {
            throw new IllegalArgumentException("no outcome slot " + slot + " (the experiment measures "
                    + experiment.slotCount() + " detector" + (experiment.slotCount() == 1 ? "" : "s") + ")");
        }
    }

    static void checkCombination(Experiment experiment, int combination) {
        if (combination < 0 || combination >= experiment.combinations()) {
            throw new IllegalArgumentException("no setting combination " + combination + " (the experiment has "
                    + experiment.combinations() + ")");
        }
    }

    static String detectorName(Experiment experiment, int slot) {
        return experiment.slotDetector(slot).name();
    }

    /** "A=+1" or "A=none" for one slot's outcome index. */
    static String outcomeLabel(Experiment experiment, int slot, int outcome) {
        Detector d = experiment.slotDetector(slot);
        return d.name() + "=" + (outcome == OutcomeSpace.NO_OUTCOME ? "none" : d.outcomeLabels().get(outcome));
    }

    /** "a=0, b=pi/4", or "(no settings)". */
    static String settings(Experiment experiment, int combination) {
        return experiment.settings().size() == 0 ? "(no settings)" : experiment.settings().describe(combination);
    }

    /** Each setting's value label in a combination, one per setting (for table columns). */
    static List<String> settingCells(Experiment experiment, int combination) {
        SettingSpace space = experiment.settings();
        List<String> cells = new ArrayList<>();
        int[] digits = space.decode(combination);
        for (int s = 0; s < space.size(); s++) cells.add(space.values(s).get(digits[s]).label());
        return cells;
    }

    /** Probabilities of one slot's outcomes in a combination (length 1, "no outcome", when it does not fire). */
    static double[] marginal(OutcomeStatistics result, int slot, int combination) {
        OutcomeSpace space = result.experiment().outcomes(combination);
        double[] p = result.probabilities(combination);
        double[] m = new double[space.radix(slot)];
        for (int joint = 0; joint < p.length; joint++) {
            int k = space.outcome(joint, slot);
            m[k == OutcomeSpace.NO_OUTCOME ? 0 : k] += p[joint];
        }
        return m;
    }

    /** Counts of one slot's outcomes in a combination of a sampled result. */
    static long[] marginalCounts(OutcomeStatistics result, int slot, int combination) {
        OutcomeSpace space = result.experiment().outcomes(combination);
        long[] counts = result.counts(combination);
        long[] m = new long[space.radix(slot)];
        for (int joint = 0; joint < counts.length; joint++) {
            int k = space.outcome(joint, slot);
            m[k == OutcomeSpace.NO_OUTCOME ? 0 : k] += counts[joint];
        }
        return m;
    }

    /** sqrt(p(1−p)/n); NaN without trials. */
    static double binomialError(double p, long n) {
        return n == 0 ? Double.NaN : Math.sqrt(Math.max(0, p * (1 - p)) / n);
    }

    /** A standard error for a table: two significant digits are all it carries. */
    static String error(double se) {
        if (se == 0 || Double.isNaN(se) || Double.isInfinite(se)) return Numbers.format(se);
        return Numbers.format(new BigDecimal(se).round(new MathContext(2)).doubleValue());
    }
}
