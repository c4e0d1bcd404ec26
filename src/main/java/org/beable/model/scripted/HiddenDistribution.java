package org.beable.model.scripted;

import java.util.Arrays;
import java.util.List;

/**
 * How a hidden variable of a script model is distributed: {@code hidden NAME ~ DIST}. Every
 * parameter is an expression, so it may read the current combination's settings and the
 * hidden variables declared before (a `given` distribution: superdeterministic and
 * retrocausal toys); a constant is {@link SlotExpression#constant}. A {@link Density}'s own
 * density may read settings only, because sampling it tabulates the density once per
 * setting combination.
 */
public sealed interface HiddenDistribution {

    /** Context slots the variable takes: 1 for a number, 2 for a point of the disk, 3 for a unit vector. */
    int components();

    /** Continuous dimensions it adds to the integral `predict` computes (0 for a discrete variable). */
    int dimensions();

    /** The distribution in words, for messages: "uniform", "sphere", … */
    String kind();

    /** One method per kind of distribution, so that code handling them all fails to compile when a kind is added. */
    interface Cases<R> {
        R uniform(Uniform d);
        R normal(Normal d);
        R discrete(Discrete d);
        R sphere(Sphere d);
        R disk(Disk d);
        R pdf(Density d);
    }

    <R> R accept(Cases<R> cases);

    /** Uniform on [low, high). */
    record Uniform(SlotExpression low, SlotExpression high) implements HiddenDistribution {
        public int components() { return 1; }
        public int dimensions() { return 1; }
        public String kind() { return "uniform"; }
        public <R> R accept(Cases<R> cases) { return cases.uniform(this); }
    }

    /** Normal with mean and standard deviation. */
    record Normal(SlotExpression mean, SlotExpression sd) implements HiddenDistribution {
        public int components() { return 1; }
        public int dimensions() { return 1; }
        public String kind() { return "normal"; }
        public <R> R accept(Cases<R> cases) { return cases.normal(this); }
    }

    /** One of finitely many numbers, with non-negative weights (normalised by the model). */
    record Discrete(double[] values, List<SlotExpression> weights) implements HiddenDistribution {
        public Discrete {
            values = values.clone();
            weights = List.copyOf(weights);
            if (values.length == 0) throw new IllegalArgumentException("discrete needs at least one value");
            if (values.length != weights.size()) {
                throw new IllegalArgumentException("discrete has " + values.length + " values but " + weights.size() + " weights");
            }
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) throw new IllegalArgumentException("discrete value " + values[k] + " is not a finite number");
                for (int j = 0; j < k; j++) {
                    if (values[j] == values[k]) {
                        throw new IllegalArgumentException("discrete lists the value " + org.beable.format.Numbers.format(values[k]) + " twice");
                    }
                }
            }
        }
        public int components() { return 1; }
        public int dimensions() { return 0; }
        public String kind() { return "discrete"; }
        public <R> R accept(Cases<R> cases) { return cases.discrete(this); }
        @Override public double[] values() { return values.clone(); }
        @Override public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(values, d.values) && weights.equals(d.weights);
        }
        @Override public int hashCode() { return 31 * Arrays.hashCode(values) + weights.hashCode(); }
        @Override public String toString() { return "Discrete" + Arrays.toString(values); }
    }

    /** Uniform on the unit sphere S²: a unit vector (x, y, z). */
    record Sphere() implements HiddenDistribution {
        public int components() { return 3; }
        public int dimensions() { return 2; }
        public String kind() { return "sphere"; }
        public <R> R accept(Cases<R> cases) { return cases.sphere(this); }
    }

    /** Uniform on the unit disk: a point (x, y). */
    record Disk() implements HiddenDistribution {
        public int components() { return 2; }
        public int dimensions() { return 2; }
        public String kind() { return "disk"; }
        public <R> R accept(Cases<R> cases) { return cases.disk(this); }
    }

    /**
     * Density f on [low, high], normalised by the model. f reads the point where it is
     * evaluated as the variable's own slot, and may read settings; it must be non-negative
     * with a finite, positive integral.
     */
    record Density(SlotExpression density, SlotExpression low, SlotExpression high) implements HiddenDistribution {
        public int components() { return 1; }
        public int dimensions() { return 1; }
        public String kind() { return "pdf"; }
        public <R> R accept(Cases<R> cases) { return cases.pdf(this); }
    }

    // ------------------------------------------------------------------ the calls an interpreter makes

    static HiddenDistribution uniform(SlotExpression low, SlotExpression high) { return new Uniform(low, high); }

    static HiddenDistribution uniform(double low, double high) {
        return new Uniform(SlotExpression.constant(low), SlotExpression.constant(high));
    }

    static HiddenDistribution normal(SlotExpression mean, SlotExpression sd) { return new Normal(mean, sd); }

    static HiddenDistribution normal(double mean, double sd) {
        return new Normal(SlotExpression.constant(mean), SlotExpression.constant(sd));
    }

    static HiddenDistribution discrete(double[] values, List<SlotExpression> weights) { return new Discrete(values, weights); }

    static HiddenDistribution discrete(double[] values, double[] weights) {
        return new Discrete(values, Arrays.stream(weights).mapToObj(SlotExpression::constant).toList());
    }

    static HiddenDistribution sphere() { return new Sphere(); }

    static HiddenDistribution disk() { return new Disk(); }

    static HiddenDistribution pdf(SlotExpression density, SlotExpression low, SlotExpression high) {
        return new Density(density, low, high);
    }

    static HiddenDistribution pdf(SlotExpression density, double low, double high) {
        return new Density(density, SlotExpression.constant(low), SlotExpression.constant(high));
    }
}
