package org.beable.model.scripted;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * What one trial of one setting combination does, shared by every thread: draw each hidden
 * variable into its slots, then fire the rules of the detectors that measure, in rule order,
 * adding each outcome index times its place value in the joint outcome (first slot most
 * significant, as in {@link org.beable.experiment.OutcomeSpace}).
 */
final class TrialProgram {
    private final double[] initial;      // settings in place, NaN in every hidden and outcome slot
    private final HiddenAt[] hidden;
    private final BoundRule[] rules;     // the rules that fire in this combination
    private final int[] placeValue;      // per firing rule
    private final boolean gaussian;
    private final int scratch;

    TrialProgram(double[] initial, HiddenAt[] hidden, BoundRule[] rules, int[] placeValue) {
        this.initial = initial.clone();
        this.hidden = hidden.clone();
        this.rules = rules.clone();
        this.placeValue = placeValue.clone();
        boolean g = false;
        int s = 0;
        for (HiddenAt h : hidden) {
            g |= h.needsGaussian();
            s = Math.max(s, h.scratchSize());
        }
        for (BoundRule r : rules) s = Math.max(s, r.scratchSize());
        this.gaussian = g;
        this.scratch = s;
    }

    Trial start(UniformRandomProvider rng) {
        return new Trial(this, rng);
    }

    double[] initialContext() {
        return initial.clone();
    }

    boolean needsGaussian() {
        return gaussian;
    }

    int scratchSize() {
        return scratch;
    }

    /**
     * Trials into out[from, to): the hot loop of `run`, over arrays held in locals so that the
     * JIT keeps them in registers.
     */
    void fill(Trial trial, int[] out, int from, int to) {
        final HiddenAt[] hidden = this.hidden;
        final BoundRule[] rules = this.rules;
        final int[] place = this.placeValue;
        final double[] context = trial.context;
        if (hidden.length == 1 && rules.length == 2) {      // the Bell pair with one λ, unrolled
            final HiddenAt h = hidden[0];
            final BoundRule first = rules[0];
            final BoundRule second = rules[1];
            final int p0 = place[0];
            final int p1 = place[1];
            for (int t = from; t < to; t++) {
                h.draw(context, trial);
                out[t] = first.fire(context, trial) * p0 + second.fire(context, trial) * p1;
            }
            return;
        }
        for (int t = from; t < to; t++) {
            for (HiddenAt h : hidden) h.draw(context, trial);
            int joint = 0;
            for (int r = 0; r < rules.length; r++) joint += rules[r].fire(context, trial) * place[r];
            out[t] = joint;
        }
    }

    void drawHidden(Trial trial) {
        for (HiddenAt h : hidden) h.draw(trial.context, trial);
    }

    int decide(Trial trial) {
        int joint = 0;
        for (int r = 0; r < rules.length; r++) joint += rules[r].fire(trial.context, trial) * placeValue[r];
        return joint;
    }
}
