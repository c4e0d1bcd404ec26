package org.beable.model.scripted;

import org.beable.experiment.Detector;

/** {@code outcome D = expr}: the value of the expression must be one of D's outcome values. */
final class ValueRule extends BoundRule {
    /** Outcome values that are small integers (±1, 0) are looked up instead of searched for. */
    private static final int TABLE_SPAN = 64;

    private final SlotFunction value;
    private final BlockFunction valueInBlocks;
    private final int lowest;        // the smallest outcome value, when all are integers within TABLE_SPAN
    private final int[] table;       // outcome index of lowest + i, or -1; null when the values are not such integers
    private final boolean plusMinusOne;  // the outcomes are +1 and −1: a block is decided by arithmetic alone

    ValueRule(Layout layout, int rule, Detector detector, OutcomeRule.Value declared) {
        super(layout, rule, detector);
        this.value = declared.value().bind(layout.ruleScope(rule));
        this.valueInBlocks = value.block();
        int[] lookup = null;
        int low = 0;
        if (integral(values)) {
            low = (int) java.util.Arrays.stream(values).min().orElse(0);
            int high = (int) java.util.Arrays.stream(values).max().orElse(0);
            lookup = new int[high - low + 1];
            java.util.Arrays.fill(lookup, -1);
            for (int k = 0; k < values.length; k++) lookup[(int) values[k] - low] = k;
        }
        this.lowest = low;
        this.table = lookup;
        this.plusMinusOne = values.length == 2 && values[0] * values[1] == -1 && Math.abs(values[0]) == 1;
    }

    private static boolean integral(double[] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v != Math.rint(v)) return false;
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return values.length > 0 && high - low < TABLE_SPAN;
    }

    @Override
    int fire(double[] context, Trial trial) {
        int k = outcome(context);
        context[slot] = values[k];
        return k;
    }

    /**
     * The value goes straight into the rule's outcome column (a rule cannot read its own outcome).
     * On the first pass a trial whose value is not exactly an outcome gets NaN in its joint index;
     * on the tolerant pass one that is not within {@link #MATCH} of an outcome does, and is then
     * refused trial by trial by {@link #fire}, with the trial's context.
     */
    @Override
    void fireBlock(Block block, double[] uniforms, double[] joint, double place, boolean tolerant) {
        double[] outcome = block.column(slot);
        valueInBlocks.apply(block, outcome);
        if (plusMinusOne && !tolerant) addSigned(outcome, joint, place, block.size());
        else addLookedUp(outcome, joint, place, block.size(), tolerant);
    }

    /**
     * Outcomes +1 and −1: the index is linear in the value, c₀ + c₁·x, and (x² − 1)·2²⁰⁰⁰·0 is 0
     * for ±1 and NaN for anything else (x² is exactly 1 only for ±1; any other square differs
     * from 1 by at least 2⁻⁵³, which 2²⁰⁰⁰ takes to infinity). Arithmetic alone, with no
     * comparison and no branch on the random values, so C2 vectorises the loop.
     */
    private void addSigned(double[] x, double[] joint, double place, int n) {
        double plusIndex = values[0] == 1 ? 0 : 1;
        double c0 = place * 0.5;                                  // place·(k₊ + k₋)/2, and k₊ + k₋ = 1
        double c1 = place * (plusIndex - 0.5);                    // place·(k₊ − k₋)/2
        for (int i = 0; i < n; i++) {
            double v = x[i];
            joint[i] = joint[i] + Math.fma(c1, v, c0) + ((v * v - 1) * 0x1p1000 * 0x1p1000) * 0.0;
        }
    }

    /**
     * By table or search, and within {@link #MATCH} when tolerant (as {@link #outcome} matches); the
     * outcome's own value replaces the value (−0 becomes the outcome 0, 0.9999999999999999 becomes 1).
     */
    private void addLookedUp(double[] outcome, double[] joint, double place, int n, boolean tolerant) {
        for (int i = 0; i < n; i++) {
            int k = index(outcome[i]);
            if (k < 0 && tolerant) k = indexOf(outcome[i]);
            if (k >= 0) {
                outcome[i] = values[k];
                joint[i] += k * place;
            } else {
                joint[i] = Double.NaN;
            }
        }
    }

    @Override
    long respond(Averager averager, double[] context, int r, double weight, int joint, int place, double[] out, double[] scratch) {
        int k = outcome(context);
        context[slot] = values[k];
        return Signatures.mix(k, averager.respond(context, r + 1, weight, joint + k * place, out));
    }

    /**
     * The outcome index at the context, refusing a value that is not an outcome. Integer
     * outcomes are found by table: outcomes are random, so a search would mispredict a branch
     * per trial, which costs more than the rest of a simple rule.
     */
    int outcome(double[] context) {
        double v = value.apply(context);
        int k = index(v);
        return k >= 0 ? k : nearest(v, context);
    }

    /** The outcome whose value is exactly v, or -1. */
    private int index(double v) {
        if (table != null) {
            int n = (int) v;
            int i = n - lowest;
            return v == n && i >= 0 && i < table.length ? table[i] : -1;
        }
        for (int k = 0; k < values.length; k++) if (v == values[k]) return k;
        return -1;
    }

    /** Off the hot path: a value within {@link #MATCH} of an outcome, or the refusal. */
    private int nearest(double v, double[] context) {
        int k = indexOf(v);
        if (k < 0) {
            throw PartFailure.rule(detector, "the outcome rule for " + detector + " gave " + BoundHidden.number(v)
                    + ", which is not an outcome of detector " + detector + " (" + allowed() + "), at " + where(context));
        }
        return k;
    }
}
