package org.beable.model.scripted;

import org.apache.commons.math3.special.Erf;

/**
 * {@code hidden x ~ normal(mean, sd)}: drawn with Commons RNG's ziggurat sampler, averaged in
 * probability space — x = mean + sd·Φ⁻¹(u) for u in [0, 1] — so the tails cost nothing
 * extra and no cut-off is needed.
 */
final class NormalVariable extends BoundHidden {
    /** u is kept in [2^-53, 1 − 2^-53]: the mass left out, beyond about 8.3 sd, is below 2^-52. */
    private static final double EDGE = 0x1p-53;
    private static final double ROOT_TWO = Math.sqrt(2);
    private static final double ROOT_TWO_PI = Math.sqrt(2 * Math.PI);

    private final SlotFunction mean;
    private final SlotFunction sd;

    NormalVariable(Layout layout, int index, HiddenDistribution.Normal d) {
        super(layout, index);
        this.mean = parameter(d.mean(), "the mean of the normal distribution");
        this.sd = parameter(d.sd(), "the standard deviation of the normal distribution");
    }

    @Override
    HiddenAt at(double[] settings) {
        if (varies()) return new Varying();
        double m = mean.apply(settings);
        double s = sd.apply(settings);
        check(m, s, settings);
        return new Fixed(m, s);
    }

    private void check(double m, double s, double[] context) {
        if (!(Double.isFinite(m) && Double.isFinite(s) && s > 0)) {
            throw refusal("normal(" + number(m) + ", " + number(s) + ") needs a finite mean and a positive standard deviation", context);
        }
    }

    /** The standard normal quantile Φ⁻¹(u), with u kept away from 0 and 1. */
    static double probit(double u) {
        double v = Math.min(Math.max(u, EDGE), 1 - EDGE);
        return ROOT_TWO * Erf.erfInv(2 * v - 1);
    }

    static double density(double x, double m, double s) {
        double z = (x - m) / s;
        return Math.exp(-0.5 * z * z) / (s * ROOT_TWO_PI);
    }

    private long average(Averager averager, double[] context, double[] out, double m, double s, int next) {
        return averager.integrate(0, 1, (u, value) -> {
            context[slot] = m + s * probit(u);
            return averager.from(next, context, value);
        }, out);
    }

    private final class Fixed extends HiddenAt {
        private final double m;
        private final double s;

        Fixed(double m, double s) {
            super(NormalVariable.this);
            this.m = m;
            this.s = s;
        }

        @Override boolean needsGaussian() { return true; }

        @Override void draw(double[] context, Trial t) {
            context[slot] = m + s * t.gaussian.sample();
        }

        @Override void drawBlock(double[] column, int n, Trial t) {
            for (int i = 0; i < n; i++) column[i] = m + s * t.gaussian.sample();
        }

        @Override boolean drawsInBlocks() {
            return true;
        }

        @Override double density(double[] context) {
            return NormalVariable.density(context[slot], m, s);
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            return NormalVariable.this.average(averager, context, out, m, s, next);
        }

        @Override void anyValue(double[] context) {
            context[slot] = m;
        }
    }

    private final class Varying extends HiddenAt {
        Varying() {
            super(NormalVariable.this);
        }

        @Override boolean needsGaussian() { return true; }

        @Override void draw(double[] context, Trial t) {
            double m = mean.apply(context);
            double s = sd.apply(context);
            check(m, s, context);
            context[slot] = m + s * t.gaussian.sample();
        }

        @Override double density(double[] context) {
            double m = mean.apply(context);
            double s = sd.apply(context);
            check(m, s, context);
            return NormalVariable.density(context[slot], m, s);
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            double m = mean.apply(context);
            double s = sd.apply(context);
            check(m, s, context);
            return NormalVariable.this.average(averager, context, out, m, s, next);
        }

        @Override void anyValue(double[] context) {
            context[slot] = mean.apply(context);
        }
    }
}
