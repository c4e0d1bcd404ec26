package org.beable.model.scripted;

import org.beable.random.StreamGenerator;

/** {@code hidden x ~ uniform(low, high)}: drawn as low + (high − low)·u, averaged over u in [0, 1]. */
final class UniformVariable extends BoundHidden {
    private final SlotFunction low;
    private final SlotFunction high;

    UniformVariable(Layout layout, int index, HiddenDistribution.Uniform d) {
        super(layout, index);
        this.low = parameter(d.low(), "the lower end of the uniform distribution");
        this.high = parameter(d.high(), "the upper end of the uniform distribution");
    }

    @Override
    HiddenAt at(double[] settings) {
        if (varies()) return new Varying();
        double lo = low.apply(settings);
        double hi = high.apply(settings);
        check(lo, hi, settings);
        return new Fixed(lo, hi);
    }

    private void check(double lo, double hi, double[] context) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw refusal("uniform(" + number(lo) + ", " + number(hi) + ") needs finite ends with low < high", context);
        }
    }

    /** Bounds that depend only on the settings. */
    private final class Fixed extends HiddenAt {
        private final double lo;
        private final double hi;
        private final double width;

        Fixed(double lo, double hi) {
            super(UniformVariable.this);
            this.lo = lo;
            this.hi = hi;
            this.width = hi - lo;
        }

        @Override void draw(double[] context, Trial t) {
            context[slot] = lo + width * t.rng.nextDouble();
        }

        @Override void drawBlock(double[] column, int n, Trial t) {
            if (t.rng instanceof StreamGenerator streams) streams.fillUniform(column, n, lo, width);
            else for (int i = 0; i < n; i++) column[i] = lo + width * t.rng.nextDouble();
        }

        @Override boolean drawsInBlocks() {
            return true;
        }

        @Override double density(double[] context) {
            double x = context[slot];
            return x >= lo && x <= hi ? 1 / width : 0;
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            return averager.integrate(0, 1, (u, value) -> {
                context[slot] = lo + width * u;
                return averager.from(next, context, value);
            }, out);
        }

        @Override void anyValue(double[] context) {
            context[slot] = lo + 0.5 * width;
        }
    }

    /** Bounds that read earlier hidden variables: evaluated at every draw. */
    private final class Varying extends HiddenAt {
        Varying() {
            super(UniformVariable.this);
        }

        @Override void draw(double[] context, Trial t) {
            double lo = low.apply(context);
            double hi = high.apply(context);
            check(lo, hi, context);
            context[slot] = lo + (hi - lo) * t.rng.nextDouble();
        }

        @Override double density(double[] context) {
            double lo = low.apply(context);
            double hi = high.apply(context);
            check(lo, hi, context);
            double x = context[slot];
            return x >= lo && x <= hi ? 1 / (hi - lo) : 0;
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            double lo = low.apply(context);
            double hi = high.apply(context);
            check(lo, hi, context);
            return averager.integrate(0, 1, (u, value) -> {
                context[slot] = lo + (hi - lo) * u;
                return averager.from(next, context, value);
            }, out);
        }

        @Override void anyValue(double[] context) {
            context[slot] = 0.5 * (low.apply(context) + high.apply(context));
        }
    }
}
