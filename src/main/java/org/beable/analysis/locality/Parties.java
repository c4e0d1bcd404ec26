package org.beable.analysis.locality;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingSpace;

/**
 * The parties of an experiment (its measured detectors, one per outcome slot), their settings,
 * and the arithmetic the conditions share: a party's marginal of a joint response, the product
 * of marginals, and which setting combinations differ only away from a party.
 */
final class Parties {
    private final Experiment experiment;
    private final int[] setting;      // index in the setting space of each slot's setting, or -1

    Parties(Experiment experiment) {
        this.experiment = experiment;
        this.setting = new int[experiment.slotCount()];
        for (int slot = 0; slot < setting.length; slot++) setting[slot] = experiment.settingOf(experiment.slots()[slot]);
    }

    int count() { return setting.length; }
    String name(int party) { return experiment.slotDetector(party).name(); }
    int combinations() { return experiment.combinations(); }

    boolean fires(int party, int combination) {
        return experiment.outcomes(combination).fires(party);
    }

    /** The value index of the party's own setting in a combination (0 for a party without one). */
    private int own(int party, int combination) {
        return setting[party] < 0 ? 0 : experiment.settings().decode(combination)[setting[party]];
    }

    /** Pairs (c, c') with the party's own setting equal and some other setting different: where PI and NS compare. */
    List<int[]> remotePairs(int party) {
        List<int[]> pairs = new ArrayList<>();
        for (int c = 0; c < combinations(); c++) {
            for (int d = c + 1; d < combinations(); d++) {
                if (own(party, c) == own(party, d) && fires(party, c)) pairs.add(new int[] {c, d});
            }
        }
        return pairs;
    }

    /** The combination with the party's own setting as in c and every other setting at its first value. */
    int reference(int party, int combination) {
        SettingSpace space = experiment.settings();
        int[] digits = new int[space.size()];
        if (setting[party] >= 0) digits[setting[party]] = space.decode(combination)[setting[party]];
        return space.encode(digits);
    }

    double[] marginal(double[] joint, int party, int combination) {
        OutcomeSpace space = experiment.outcomes(combination);
        double[] m = new double[space.radix(party)];
        if (!space.fires(party)) {
            m[0] = 1;       // a detector that does not measure has one certain "no outcome"
            return m;
        }
        for (int o = 0; o < joint.length; o++) m[space.outcome(o, party)] += joint[o];
        return m;
    }

    /** max over o of |P(o) − Π_i m_i(o_i)|, with the marginals m_i given per party. */
    double distanceFromProduct(double[] joint, double[][] marginals, int combination) {
        OutcomeSpace space = experiment.outcomes(combination);
        double worst = 0;
        for (int o = 0; o < joint.length; o++) {
            int[] outcome = space.decode(o);
            double product = 1;
            for (int party = 0; party < outcome.length; party++) {
                if (space.fires(party)) product *= marginals[party][outcome[party]];
            }
            worst = Math.max(worst, Math.abs(joint[o] - product));
        }
        return worst;
    }

    static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
        return worst;
    }

    String describe(int combination) {
        return experiment.settings().size() == 0 ? "(no settings)" : experiment.settings().describe(combination);
    }

    /** Whether any remote setting varies for some party: PI and NS need one. */
    boolean anyRemoteVariation() {
        for (int party = 0; party < count(); party++) if (!remotePairs(party).isEmpty()) return true;
        return false;
    }
}
