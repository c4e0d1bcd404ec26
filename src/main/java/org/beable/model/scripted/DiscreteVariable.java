package org.beable.model.scripted;

import org.beable.model.TrialSampler;
import org.beable.model.sampling.AliasTable;

/**
 * {@code hidden x ~ discrete(values, weights)}: weights non-negative with a positive sum,
 * normalised here. Weights fixed by the settings are drawn from an alias table made once per
 * combination; weights that read earlier hidden variables are evaluated and inverted per draw.
 * `predict` enumerates the values.
 */
final class DiscreteVariable extends BoundHidden {
    private final double[] values;
    private final SlotFunction[] weights;

    DiscreteVariable(Layout layout, int index, HiddenDistribution.Discrete d) {
        super(layout, index);
        this.values = d.values();
        this.weights = new SlotFunction[values.length];
        for (int k = 0; k < values.length; k++) {
            weights[k] = parameter(d.weights().get(k), "the weight of value " + number(values[k]) + " in the distribution");
        }
    }

    @Override
    HiddenAt at(double[] settings) {
        return varies() ? new Varying() : new Fixed(probabilities(settings, new double[values.length]));
    }

    /** The normalised probabilities under the context, into p; refuses negative weights and a zero total. */
    private double[] probabilities(double[] context, double[] p) {
        double total = 0;
        for (int k = 0; k < values.length; k++) {
            double w = weights[k].apply(context);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw refusal("the weight of value " + number(values[k]) + " is " + number(w) + "; weights must be finite and non-negative", context);
            }
            p[k] = w;
            total += w;
        }
        if (!(total > 0)) throw refusal("the weights of discrete(...) sum to 0", context);
        for (int k = 0; k < values.length; k++) p[k] /= total;
        return p;
    }

    private int indexOf(double x) {
        for (int k = 0; k < values.length; k++) if (values[k] == x) return k;
        for (int k = 0; k < values.length; k++) if (Math.abs(values[k] - x) <= 1e-12 * Math.max(1, Math.abs(x))) return k;
        return -1;
    }

    private long enumerate(Averager averager, double[] context, double[] out, double[] p, int next) {
        double[] branch = averager.vector(index);
        java.util.Arrays.fill(out, 0);
        long signature = Signatures.EMPTY;
        for (int k = 0; k < values.length; k++) {
            if (p[k] == 0) continue;
            context[slot] = values[k];
            long s = averager.from(next, context, branch);
            for (int j = 0; j < out.length; j++) out[j] += p[k] * branch[j];
            signature = Signatures.mix(signature, Signatures.mix(k, s));
        }
        return signature;
    }

    private final class Fixed extends HiddenAt implements HiddenAt.Enumerable {
        private final double[] p;
        private final AliasTable table;

        Fixed(double[] p) {
            super(DiscreteVariable.this);
            this.p = p;
            this.table = new AliasTable(p);
        }

        @Override void draw(double[] context, Trial t) {
            context[slot] = values[table.sample(t.rng)];
        }

        @Override void drawBlock(double[] column, int n, Trial t) {
            for (int i = 0; i < n; i++) column[i] = values[table.sample(t.rng)];
        }

        @Override boolean drawsInBlocks() {
            return true;
        }

        @Override double density(double[] context) {
            int k = indexOf(context[slot]);
            return k < 0 ? 0 : p[k];
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            return enumerate(averager, context, out, p, next);
        }

        @Override void anyValue(double[] context) {
            int k = 0;
            while (p[k] == 0) k++;
            context[slot] = values[k];
        }

        @Override Enumerable enumerable() { return this; }
        @Override public double[] probabilities(double[] context) { return p.clone(); }
        @Override public void set(int k, double[] context) { context[slot] = values[k]; }
    }

    private final class Varying extends HiddenAt implements HiddenAt.Enumerable {
        Varying() {
            super(DiscreteVariable.this);
        }

        @Override int scratchSize() { return values.length; }

        @Override void draw(double[] context, Trial t) {
            double[] p = DiscreteVariable.this.probabilities(context, t.scratch);
            context[slot] = values[TrialSampler.draw(p, values.length, t.rng.nextDouble())];
        }

        @Override double density(double[] context) {
            int k = indexOf(context[slot]);
            return k < 0 ? 0 : DiscreteVariable.this.probabilities(context, new double[values.length])[k];
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            return enumerate(averager, context, out, DiscreteVariable.this.probabilities(context, new double[values.length]), next);
        }

        @Override void anyValue(double[] context) {
            double[] p = DiscreteVariable.this.probabilities(context, new double[values.length]);
            int k = 0;
            while (p[k] == 0) k++;
            context[slot] = values[k];
        }

        @Override Enumerable enumerable() { return this; }
        @Override public double[] probabilities(double[] context) { return DiscreteVariable.this.probabilities(context, new double[values.length]); }
        @Override public void set(int k, double[] context) { context[slot] = values[k]; }
    }
}
