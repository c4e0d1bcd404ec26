package org.beable.model.scripted;

import java.util.Arrays;
import java.util.List;

/**
 * How a script model decides one detector's outcome: {@code outcome D = expr} ({@link Value})
 * or {@code outcome D ~ discrete([o1, o2, …], [p1, p2, …])} ({@link Drawn}). Outcomes are the
 * detector's numeric outcome values (+1 and −1 for a spin detector, 0 for a no-click). A rule
 * reads the settings (its own and remote ones), the hidden variables, and the outcomes of
 * detectors whose rules come earlier in the model.
 */
public sealed interface OutcomeRule {

    /** One method per kind of rule, so that code handling them all fails to compile when a kind is added. */
    interface Cases<R> {
        R value(Value rule);
        R drawn(Drawn rule);
    }

    <R> R accept(Cases<R> cases);

    /** The outcome is the value of an expression; it must be one of the detector's outcome values. */
    record Value(SlotExpression value) implements OutcomeRule {
        public <R> R accept(Cases<R> cases) { return cases.value(this); }
    }

    /**
     * One of the listed outcomes, drawn with probabilities that are expressions: each must be
     * in [0, 1] and they must sum to 1 (both within 1e-12) wherever they are evaluated.
     */
    record Drawn(double[] outcomes, List<SlotExpression> probabilities) implements OutcomeRule {
        public Drawn {
            outcomes = outcomes.clone();
            probabilities = List.copyOf(probabilities);
            if (outcomes.length == 0) throw new IllegalArgumentException("discrete needs at least one outcome");
            if (outcomes.length != probabilities.size()) {
                throw new IllegalArgumentException("discrete has " + outcomes.length + " outcomes but " + probabilities.size() + " probabilities");
            }
            for (int k = 0; k < outcomes.length; k++) {
                for (int j = 0; j < k; j++) {
                    if (outcomes[j] == outcomes[k]) {
                        throw new IllegalArgumentException("discrete lists the outcome " + org.beable.format.Numbers.format(outcomes[k]) + " twice");
                    }
                }
            }
        }
        public <R> R accept(Cases<R> cases) { return cases.drawn(this); }
        @Override public double[] outcomes() { return outcomes.clone(); }
        @Override public boolean equals(Object o) {
            return o instanceof Drawn d && Arrays.equals(outcomes, d.outcomes) && probabilities.equals(d.probabilities);
        }
        @Override public int hashCode() { return 31 * Arrays.hashCode(outcomes) + probabilities.hashCode(); }
        @Override public String toString() { return "Drawn" + Arrays.toString(outcomes); }
    }

    static OutcomeRule value(SlotExpression value) { return new Value(value); }

    static OutcomeRule discrete(double[] outcomes, List<SlotExpression> probabilities) { return new Drawn(outcomes, probabilities); }

    static OutcomeRule discrete(double[] outcomes, SlotExpression... probabilities) { return new Drawn(outcomes, List.of(probabilities)); }
}
