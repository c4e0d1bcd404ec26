package org.beable.model.scripted;

/**
 * {@code hidden x ~ pdf(f, low, high)}: density f on [low, high], normalised here. f reads
 * the point where it is evaluated as x's own slot, and may read settings (a `given`
 * distribution) but no other hidden variable, since it is tabulated once per combination
 * ({@link DensityTable}). `predict` integrates f/Z times the rest over [low, high], in the
 * variable of {@link Stretch}.
 */
final class DensityVariable extends BoundHidden {
    private final SlotFunction density;
    private final SlotFunction low;
    private final SlotFunction high;

    DensityVariable(Layout layout, int index, HiddenDistribution.Density d) {
        super(layout, index);
        this.density = densityPart(d.density(), "the density", true);
        this.low = densityPart(d.low(), "the lower end of the density", false);
        this.high = densityPart(d.high(), "the upper end of the density", false);
    }

    @Override
    HiddenAt at(double[] settings) {
        double lo = low.apply(settings);
        double hi = high.apply(settings);
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw refusal("pdf(f, " + number(lo) + ", " + number(hi) + ") needs finite ends with low < high", settings);
        }
        double[] context = settings.clone();
        DensityTable table;
        try {
            table = DensityTable.of(x -> {
                context[slot] = x;
                return checked(context);
            }, lo, hi, "the density of hidden variable " + name + (layout.settings() == 0 ? "" : " (at " + layout.describe(settings, 0) + ")"));
        } catch (PartFailure e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw PartFailure.hidden(name, e.getMessage());
        }
        return new At(lo, hi, table);
    }

    /** f at the point in the context, refused when negative or not a number. */
    private double checked(double[] context) {
        double f = density.apply(context);
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw PartFailure.hidden(name, "the density of hidden variable " + name + " is " + number(f) + " at " + name + " = "
                    + number(context[slot]) + "; a density must be finite and non-negative"
                    + (layout.settings() == 0 ? "" : " (at " + layout.describe(context, 0) + ")"));
        }
        return f;
    }

    private final class At extends HiddenAt {
        private final double lo;
        private final double hi;
        private final double z;
        private final DensityTable table;

        At(double lo, double hi, DensityTable table) {
            super(DensityVariable.this);
            this.lo = lo;
            this.hi = hi;
            this.z = table.normalisation;
            this.table = table;
        }

        @Override void draw(double[] context, Trial t) {
            context[slot] = table.sample(t.rng);
        }

        @Override void drawBlock(double[] column, int n, Trial t) {
            for (int i = 0; i < n; i++) column[i] = table.sample(t.rng);
        }

        @Override boolean drawsInBlocks() {
            return true;
        }

        @Override double density(double[] context) {
            double x = context[slot];
            return x >= lo && x <= hi ? checked(context) / z : 0;
        }

        @Override long average(Averager averager, double[] context, double[] out) {
            return averager.integrate(0, 1, (t, value) -> {
                context[slot] = Stretch.x(t, lo, hi);
                double f = checked(context);
                double w = f / z * Stretch.dxdt(t, lo, hi);
                long s = averager.from(next, context, value);
                for (int k = 0; k < value.length; k++) value[k] *= w;
                return Signatures.mix(s, f > 0 ? 1 : 0);
            }, out);
        }

        @Override void anyValue(double[] context) {
            context[slot] = 0.5 * (lo + hi);
        }
    }
}
