package org.beable.model.scripted;

import java.util.List;
import org.beable.experiment.Detector;

/**
 * An outcome rule bound to one experiment: the detector's outcome slot and its outcome
 * values, and the compiled expression(s). {@link #fire} decides one trial's outcome, writes
 * its value into the context for later rules and returns the detector's outcome index.
 */
abstract class BoundRule {
    /** How far a rule's value may be from an outcome value and still be that outcome (rounding in user arithmetic). */
    static final double MATCH = 1e-9;

    final Layout layout;
    final String detector;
    final int slot;
    final double[] values;          // the detector's outcome values, by outcome index
    final List<String> labels;

    BoundRule(Layout layout, int rule, Detector detector) {
        this.layout = layout;
        this.detector = detector.name();
        this.slot = layout.outcomeSlot(rule);
        this.values = detector.outcomeValues().clone();
        this.labels = detector.outcomeLabels();
        for (int k = 0; k < detector.outcomes(); k++) {
            if (k >= values.length || Double.isNaN(values[k])) {
                throw new IllegalArgumentException("detector " + detector.name() + " has outcome '" + labels.get(k)
                        + "', which is not a number; a script model's outcomes are numbers (give the detector numeric outcomes)");
            }
        }
    }

    static BoundRule bind(Layout layout, int rule, Detector detector, OutcomeRule declared) {
        return declared.accept(new OutcomeRule.Cases<BoundRule>() {
            @Override public BoundRule value(OutcomeRule.Value r) { return new ValueRule(layout, rule, detector, r); }
            @Override public BoundRule drawn(OutcomeRule.Drawn r) { return new DrawnRule(layout, rule, detector, r); }
        });
    }

    /** Decides the outcome in a trial: writes its value into the context (the trial's, passed on its own for speed), returns its index. */
    abstract int fire(double[] context, Trial trial);

    /**
     * Decides every trial of a block: writes the outcome values into the block's outcome column and
     * adds index × place to each trial's joint outcome, or makes it NaN where the rule cannot
     * decide by block. {@code tolerant} is false on the first pass, where a value must be exactly
     * an outcome; a block with NaN is decided again with {@code tolerant} true, where a value within
     * {@link #MATCH} of an outcome is that outcome; what is still NaN (a refusal) is decided by
     * {@link #fire(double[], Trial, double)}, trial by trial, for its message. {@code uniforms}
     * holds, per trial, the number the rule draws from the generator (drawn in the trial-by-trial
     * order before the block is decided), or is null for a rule that draws none.
     */
    abstract void fireBlock(Block block, double[] uniforms, double[] joint, double place, boolean tolerant);

    /** Numbers the rule draws from the generator per trial when it fires: 0 or 1. */
    int uniformsPerTrial() {
        return 0;
    }

    /** {@link #fire(double[], Trial)} with the number the rule would draw given (rules that draw one). */
    int fire(double[] context, Trial trial, double uniform) {
        return fire(context, trial);
    }

    /**
     * For the exact average: this rule's branches at the context (one for a deterministic rule,
     * one per possible outcome for a drawn one), each handed on to the next rule with
     * {@link Averager#respond}; returns the signature of the subtree.
     */
    abstract long respond(Averager averager, double[] context, int r, double weight, int joint, int place, double[] out, double[] scratch);

    /** Doubles of scratch a firing needs. */
    int scratchSize() {
        return 0;
    }

    /** The outcome index of a value, or -1. */
    final int indexOf(double v) {
        for (int k = 0; k < values.length; k++) if (v == values[k]) return k;
        for (int k = 0; k < values.length; k++) if (Math.abs(v - values[k]) <= MATCH) return k;
        return -1;
    }

    String allowed() {
        return "its outcomes: " + String.join(", ", labels);
    }

    String where(double[] context) {
        return layout.describe(context, layout.hiddenCount());
    }
}
