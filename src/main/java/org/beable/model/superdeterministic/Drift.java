package org.beable.model.superdeterministic;

import org.beable.format.Numbers;

/**
 * A slowly drifting sequence of hidden variables, the papers' proposed test: λ is fixed by
 * degrees of freedom of the detector that change little from one trial to the next. Each
 * |λ_J|² follows its own reflecting random walk on the quantiles of {@code base}: the quantile
 * moves by a uniform step in [−step, step] per trial and reflects at 0 and 1, so every trial on
 * its own is distributed as {@code base} (the walk starts in, and keeps, its stationary uniform
 * distribution) while consecutive trials are correlated.
 */
public record Drift(double step, LambdaDistribution base) {
    public Drift {
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("a drift step must lie in (0, 1], got " + Numbers.format(step));
        }
        if (base == null) base = UniformLambda.DISK;
    }

    public String describe() {
        return "drifting by up to " + Numbers.format(step) + " per trial, each trial " + base.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
