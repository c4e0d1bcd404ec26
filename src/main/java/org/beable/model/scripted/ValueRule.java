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
    private final boolean pair;      // two distinct nonzero outcome values, as ±1: decided in blocks by comparison

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
        // Zero is left out so that the outcome column can be the value column: −0 would match 0 but is another number.
        this.pair = values.length == 2 && values[0] != values[1] && values[0] != 0 && values[1] != 0;
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

    @Override
    boolean decidesInBlocks() {
        return true;
    }

    @Override
    void fireBlock(Block block, int[] joint, int place) {
        double[] v = block.borrow();
        valueInBlocks.apply(block, v);
        if (!(pair && decidePair(v, block.column(slot), joint, place, block.size()))) decideEach(block, v, joint, place);
        block.release(v);
    }

    /**
     * Two outcomes: one pass without a branch on the (random) values, whose index is a comparison;
     * false, with the joint indices restored, when some value is neither outcome, for
     * {@link #decideEach} to match it within tolerance or refuse it with the trial's context.
     */
    private boolean decidePair(double[] v, double[] outcome, int[] joint, int place, int n) {
        final double first = values[0];
        final double second = values[1];
        boolean allOutcomes = true;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            allOutcomes &= x == first | x == second;
            outcome[i] = x;
            joint[i] += x == second ? place : 0;
        }
        if (allOutcomes) return true;
        for (int i = 0; i < n; i++) joint[i] -= v[i] == second ? place : 0;
        return false;
    }

    private void decideEach(Block block, double[] v, int[] joint, int place) {
        double[] outcome = block.column(slot);
        int n = block.size();
        for (int i = 0; i < n; i++) {
            int k = index(v[i]);
            if (k < 0) k = nearest(v[i], block.context(i));
            outcome[i] = values[k];
            joint[i] += k * place;
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
