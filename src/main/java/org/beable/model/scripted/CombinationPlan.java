package org.beable.model.scripted;

import java.util.Arrays;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingValue;

/**
 * A bound model under one setting combination: the settings' values in their slots, each
 * hidden variable with what depends only on the settings worked out, which rules fire (a
 * detector whose setting is none does not measure, and its outcome slot stays NaN), and
 * each rule's place value in the joint outcome index. Immutable; shared by threads.
 */
final class CombinationPlan {
    private final OutcomeSpace space;
    private final double[] initial;
    private final HiddenAt[] hidden;
    private final BoundRule[] rules;
    private final boolean[] fires;
    private final int[] placeValue;
    private final TrialProgram program;

    CombinationPlan(Experiment experiment, Layout layout, BoundHidden[] variables, BoundRule[] rules, int combination) {
        this.space = experiment.outcomes(combination);
        this.initial = new double[layout.size()];
        Arrays.fill(initial, Double.NaN);
        SettingValue[] values = experiment.settings().valuesOf(combination);
        for (int s = 0; s < values.length; s++) initial[s] = values[s].none() ? Double.NaN : values[s].number();
        this.hidden = new HiddenAt[variables.length];
        for (int h = 0; h < variables.length; h++) hidden[h] = variables[h].at(initial);
        this.rules = rules.clone();
        this.fires = new boolean[rules.length];
        this.placeValue = new int[rules.length];
        int firing = 0;
        for (int r = 0; r < rules.length; r++) {
            int slot = experiment.slotOf(rules[r].detector);
            fires[r] = space.fires(slot);
            int place = 1;
            for (int later = slot + 1; later < space.slots(); later++) place *= space.radix(later);
            placeValue[r] = place;
            if (fires[r]) firing++;
        }
        BoundRule[] fired = new BoundRule[firing];
        int[] places = new int[firing];
        for (int r = 0, f = 0; r < rules.length; r++) {
            if (!fires[r]) continue;
            fired[f] = rules[r];
            places[f++] = placeValue[r];
        }
        this.program = new TrialProgram(initial, hidden, fired, places, layout.settings(), layout.hiddenEnd());
    }

    OutcomeSpace space() { return space; }

    /** A fresh context with this combination's settings in place and NaN elsewhere. */
    double[] initialContext() { return initial.clone(); }

    HiddenAt[] hidden() { return hidden; }

    BoundRule[] rules() { return rules; }

    boolean fires(int rule) { return fires[rule]; }

    int placeValue(int rule) { return placeValue[rule]; }

    TrialProgram program() { return program; }
}
