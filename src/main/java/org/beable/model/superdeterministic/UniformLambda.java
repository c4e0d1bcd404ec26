package org.beable.model.superdeterministic;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.format.Numbers;

/**
 * |λ|² uniform on [lo, hi] ⊆ [0, 1]. With [0, 1] this is the papers' choice, λ uniform on the
 * complex unit disk (the area inside radius r grows as r², so |λ|² is uniform).
 */
public record UniformLambda(double lo, double hi) implements LambdaDistribution {

    public static final UniformLambda DISK = new UniformLambda(0, 1);

    public UniformLambda {
        if (!(lo >= 0 && hi <= 1 && lo < hi)) {
            throw new IllegalArgumentException("a range of |λ|² must satisfy 0 ≤ lo < hi ≤ 1, got [" + Numbers.format(lo)
                    + ", " + Numbers.format(hi) + "]");
        }
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    @Override
    public double quantile(double u) {
        return lo + (hi - lo) * u;
    }

    @Override
    public double probabilityAbove(double c) {
        if (c < lo) return 1;
        if (c >= hi) return 0;
        return (hi - c) / (hi - lo);
    }

    @Override
    public double probabilityAtMost(double c) {
        if (c < lo) return 0;
        if (c >= hi) return 1;
        return (c - lo) / (hi - lo);
    }

    @Override
    public boolean isUniformDisk() {
        return lo == 0 && hi == 1;
    }

    @Override
    public String describe() {
        return isUniformDisk() ? "uniform disk (|λ|² ~ U(0, 1))" : "|λ|² ~ U(" + Numbers.format(lo) + ", " + Numbers.format(hi) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
