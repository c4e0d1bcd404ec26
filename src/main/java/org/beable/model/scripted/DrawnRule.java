package org.beable.model.scripted;

import org.beable.experiment.Detector;
import org.beable.model.TrialSampler;

/**
 * {@code outcome D ~ discrete([o1, …], [p1, …])}: the listed outcomes (each one of D's), drawn
 * with probabilities evaluated at the context, which must each be in [0, 1] and sum to 1
 * (within {@link #TOLERANCE}).
 */
final class DrawnRule extends BoundRule {
    static final double TOLERANCE = 1e-12;

    private final double[] listed;      // the listed outcome values
    private final int[] index;          // their outcome indices
    private final SlotFunction[] probabilities;
    private final BlockFunction[] probabilitiesInBlocks;

    DrawnRule(Layout layout, int rule, Detector detector, OutcomeRule.Drawn declared) {
        super(layout, rule, detector);
        this.listed = declared.outcomes();
        this.index = new int[listed.length];
        for (int k = 0; k < listed.length; k++) {
            index[k] = indexOf(listed[k]);
            if (index[k] < 0) {
                throw PartFailure.rule(detector.name(), "the outcome rule for " + detector.name() + " lists " + BoundHidden.number(listed[k])
                        + ", which is not an outcome of detector " + detector.name() + " (" + allowed() + ")");
            }
        }
        Scope scope = layout.ruleScope(rule);
        this.probabilities = new SlotFunction[listed.length];
        for (int k = 0; k < listed.length; k++) probabilities[k] = declared.probabilities().get(k).bind(scope);
        this.probabilitiesInBlocks = new BlockFunction[listed.length];
        for (int k = 0; k < listed.length; k++) probabilitiesInBlocks[k] = probabilities[k].block();
    }

    int listedCount() {
        return listed.length;
    }

    /** Outcome index of listed outcome k. */
    int index(int k) {
        return index[k];
    }

    double listedValue(int k) {
        return listed[k];
    }

    @Override
    int scratchSize() {
        return listed.length;
    }

    @Override
    int uniformsPerTrial() {
        return 1;
    }

    @Override
    int fire(double[] context, Trial trial) {
        double[] p = trial.scratch;
        evaluate(context, p);
        return choose(context, p, trial.rng.nextDouble());
    }

    @Override
    int fire(double[] context, Trial trial, double uniform) {
        double[] p = trial.scratch;
        evaluate(context, p);
        return choose(context, p, uniform);
    }

    private int choose(double[] context, double[] p, double uniform) {
        int chosen = TrialSampler.draw(p, listed.length, uniform);
        context[slot] = listed[chosen];
        return index[chosen];
    }

    /**
     * The probabilities over the block, then the checks and the draw of {@link #evaluate} and
     * {@link TrialSampler#draw}, with the same operations in the same order, as loops over the
     * block, one per listed outcome, of arithmetic alone (no branch on the data, the form C2
     * vectorises): the running sum of the clamped probabilities, the number of running sums the
     * uniform is not below (they never decrease, so that number is the chosen outcome), the raw
     * sum, and how far any probability is outside [−tolerance, 1 + tolerance]. A trial whose
     * probabilities would be refused, or whose uniform is above every running sum by rounding,
     * gets NaN and is decided trial by trial.
     */
    @Override
    void fireBlock(Block block, double[] uniforms, double[] joint, double place, boolean tolerant) {
        int n = block.size();
        double[] p = block.borrow();
        double[] sum = block.borrow();
        double[] cumulative = block.borrow();
        double[] chosen = block.borrow();
        double[] outside = block.borrow();
        java.util.Arrays.fill(sum, 0, n, 0);
        java.util.Arrays.fill(cumulative, 0, n, 0);
        java.util.Arrays.fill(chosen, 0, n, 0);
        java.util.Arrays.fill(outside, 0, n, 0);
        for (BlockFunction probability : probabilitiesInBlocks) {
            probability.apply(block, p);
            for (int i = 0; i < n; i++) {
                double x = p[i];
                outside[i] = outside[i] + Math.max(0, -TOLERANCE - x) + Math.max(0, x - (1 + TOLERANCE));   // NaN stays NaN
                sum[i] = sum[i] + x;
                cumulative[i] = cumulative[i] + Math.min(1, Math.max(0, x));
                chosen[i] = chosen[i] + notBelow(uniforms[i], cumulative[i]);
            }
        }
        double[] outcome = block.column(slot);
        int count = listed.length;
        for (int i = 0; i < n; i++) {
            int k = (int) chosen[i];
            if (outside[i] == 0 && Math.abs(sum[i] - 1) <= TOLERANCE && k < count) {
                outcome[i] = listed[k];
                joint[i] += index[k] * place;
            } else {
                joint[i] = Double.NaN;
            }
        }
        block.release(outside);
        block.release(chosen);
        block.release(cumulative);
        block.release(sum);
        block.release(p);
    }

    /**
     * 1 when u ≥ c, else 0, by arithmetic: c − u is positive exactly when u < c (a difference of
     * distinct doubles is never 0), and a positive difference, scaled by 2¹⁰⁷⁴, is at least 1.
     */
    private static double notBelow(double u, double c) {
        return 1 - Math.min(1, Math.max(0, (c - u) * 0x1p1000) * 0x1p74);
    }

    @Override
    long respond(Averager averager, double[] context, int r, double weight, int joint, int place, double[] out, double[] p) {
        evaluate(context, p);
        long signature = Signatures.EMPTY;
        for (int k = 0; k < listed.length; k++) {
            if (p[k] == 0) continue;
            context[slot] = listed[k];
            long below = averager.respond(context, r + 1, weight * p[k], joint + index[k] * place, out);
            signature = Signatures.mix(signature, Signatures.mix(k, below));
        }
        return signature;
    }

    /** The probabilities at the context into p, checked; values within the tolerance outside [0, 1] are clamped. */
    void evaluate(double[] context, double[] p) {
        double sum = 0;
        for (int k = 0; k < listed.length; k++) {
            double x = probabilities[k].apply(context);
            if (!(x >= -TOLERANCE && x <= 1 + TOLERANCE)) {
                throw PartFailure.rule(detector, "the outcome rule for " + detector + " gives outcome " + BoundHidden.number(listed[k])
                        + " probability " + BoundHidden.number(x) + ", which is not in [0, 1], at " + where(context));
            }
            p[k] = Math.min(1, Math.max(0, x));
            sum += x;
        }
        if (!(Math.abs(sum - 1) <= TOLERANCE)) {
            String shown = BoundHidden.number(sum).equals("1") ? Double.toString(sum) : BoundHidden.number(sum);
            throw PartFailure.rule(detector, "the probabilities of the outcome rule for " + detector + " sum to "
                    + shown + ", not 1, at " + where(context));
        }
    }
}
