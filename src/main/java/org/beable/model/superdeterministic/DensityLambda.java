package org.beable.model.superdeterministic;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.format.Numbers;
import org.beable.model.RealFunction;

/**
 * |λ|² with a density the user wrote, f(x) on [0, 1], normalised here. The integrals are
 * numerical: [0, 1] is cut into {@value #CELLS} cells and each is integrated with 8-point
 * Gauss–Legendre, exact for polynomials of degree 15 on every cell, so a smooth density is
 * integrated to rounding error. P(|λ|² > c) adds the cells above c and integrates the part-cell
 * [c, cell end] the same way. Draws invert the tabulated distribution function, uniformly within
 * a cell: a deviation of order (cell width)² · f′ from the exact distribution, far below the
 * sampling noise of any run Beable allows. A density with an integrable singularity at an end
 * point (√x, 1/√x) is integrated less well in its end cell: about 1e-9 for √x.
 */
public final class DensityLambda implements LambdaDistribution {
    static final int CELLS = 4096;

    // 8-point Gauss–Legendre nodes and weights on [-1, 1].
    private static final double[] NODES = {
        -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {
        0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    private final RealFunction density;
    private final String text;
    private final double total;
    /** cumulative[k] = mass of cells 0 … k−1, normalised; cumulative[CELLS] = 1. */
    private final double[] cumulative = new double[CELLS + 1];

    /**
     * @param text how the user wrote it, for messages
     * @throws IllegalArgumentException if f is negative, not finite, or integrates to 0 on [0, 1]
     */
    public DensityLambda(RealFunction density, String text) {
        this.density = density;
        this.text = text;
        double h = 1.0 / CELLS;
        double[] mass = new double[CELLS];
        double sum = 0;
        for (int k = 0; k < CELLS; k++) {
            mass[k] = integrate(k * h, (k + 1) * h, true);
            sum += mass[k];
        }
        checkValue(0);
        checkValue(1);
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("the density of |λ|² integrates to " + Numbers.format(sum)
                    + " on [0, 1]; a distribution needs a positive, finite total");
        }
        this.total = sum;
        double running = 0;
        for (int k = 0; k < CELLS; k++) {
            cumulative[k] = running / sum;
            running += mass[k];
        }
        cumulative[CELLS] = 1;
    }

    /** ∫ f over [x0, x1] by 8-point Gauss–Legendre, checking every value when asked. */
    private double integrate(double x0, double x1, boolean check) {
        double mid = (x0 + x1) / 2;
        double half = (x1 - x0) / 2;
        double s = 0;
        for (int q = 0; q < NODES.length; q++) {
            double x = mid + half * NODES[q];
            double f = density.apply(x);
            if (check) checkValue(x, f);
            s += WEIGHTS[q] * f;
        }
        return s * half;
    }

    private void checkValue(double x) {
        double f = density.apply(x);
        if (!Double.isInfinite(f)) checkValue(x, f);   // an integrable singularity at an end point is allowed
    }

    private static void checkValue(double x, double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("the density of |λ|² is " + Numbers.format(f) + " at " + Numbers.format(x)
                    + "; it must be finite on (0, 1)");
        }
        if (f < 0) {
            throw new IllegalArgumentException("the density of |λ|² is negative at " + Numbers.format(x) + " ("
                    + Numbers.format(f) + "); a probability density is never negative");
        }
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return quantile(rng.nextDouble());
    }

    @Override
    public double quantile(double u) {
        if (u <= 0) return 0;
        if (u >= 1) return 1;
        int lo = 0;
        int hi = CELLS;                      // cumulative[lo] <= u < cumulative[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= u) lo = mid;
            else hi = mid;
        }
        double width = cumulative[lo + 1] - cumulative[lo];
        double within = width > 0 ? (u - cumulative[lo]) / width : 0;
        return (lo + within) / CELLS;
    }

    @Override
    public double probabilityAbove(double c) {
        if (c <= 0) return 1;
        if (c >= 1) return 0;
        int k = (int) Math.min(CELLS - 1, Math.floor(c * CELLS));
        double cellEnd = (k + 1) / (double) CELLS;
        double partial = integrate(c, cellEnd, false) / total;
        return Math.min(1, Math.max(0, (1 - cumulative[k + 1]) + partial));
    }

    @Override
    public String describe() {
        return "|λ|² with density " + text;
    }

    @Override
    public String toString() {
        return describe();
    }
}
