package org.beable.model.scripted;

import org.beable.experiment.Detector;

/** {@code outcome D = expr}: the value of the expression must be one of D's outcome values. */
final class ValueRule extends BoundRule {
    private final SlotFunction value;

    ValueRule(Layout layout, int rule, Detector detector, OutcomeRule.Value declared) {
        super(layout, rule, detector);
        this.value = declared.value().bind(layout.ruleScope(rule));
    }

    @Override
    int fire(Trial trial) {
        int k = outcome(trial.context);
        trial.context[slot] = values[k];
        return k;
    }

    @Override
    long respond(Averager averager, double[] context, int r, double weight, int joint, int place, double[] out, double[] scratch) {
        int k = outcome(context);
        context[slot] = values[k];
        return Signatures.mix(k, averager.respond(context, r + 1, weight, joint + k * place, out));
    }

    /** The outcome index at the context, refusing a value that is not an outcome. */
    int outcome(double[] context) {
        double v = value.apply(context);
        for (int k = 0; k < values.length; k++) if (v == values[k]) return k;
        int k = indexOf(v);
        if (k < 0) {
            throw new IllegalArgumentException("the outcome rule for " + detector + " gave " + BoundHidden.number(v)
                    + ", which is not an outcome of detector " + detector + " (" + allowed() + "), at " + where(context));
        }
        return k;
    }
}
