package org.beable.model.superdeterministic;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.format.Numbers;
import org.beable.model.RealFunction;

/**
 * |λ|² drawn by a sampler the user wrote: a function q of a uniform number u ∈ [0, 1), so that
 * |λ|² = q(u) (inverse-transform sampling; any sampler of one uniform number has this form, and
 * the draws stay seeded and reproducible). P(|λ|² > c) is the length of {u : q(u) > c}, found on
 * a grid of {@value #CELLS} cells with each crossing of c located by bisection; q is assumed to
 * cross any level at most once per cell.
 */
public final class QuantileLambda implements LambdaDistribution {
    static final int CELLS = 4096;
    private static final int BISECTIONS = 60;

    private final RealFunction q;
    private final String text;
    private final double[] grid = new double[CELLS + 1];

    /** @throws IllegalArgumentException if q leaves [0, 1] (or is not finite) on the grid */
    public QuantileLambda(RealFunction q, String text) {
        this.q = q;
        this.text = text;
        for (int k = 0; k <= CELLS; k++) {
            double u = Math.min(k / (double) CELLS, Math.nextDown(1.0));
            grid[k] = checked(u, q.apply(u));
        }
    }

    private double checked(double u, double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("the sampler of |λ|² gives " + Numbers.format(x) + " at u = " + Numbers.format(u)
                    + "; |λ|² must lie in [0, 1]");
        }
        return x;
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        return checked(u, q.apply(u));
    }

    @Override
    public double quantile(double u) {
        double clamped = Math.min(Math.max(u, 0), Math.nextDown(1.0));
        return checked(clamped, q.apply(clamped));
    }

    @Override
    public double probabilityAbove(double c) {
        double length = 0;
        for (int k = 0; k < CELLS; k++) {
            boolean left = grid[k] > c;
            boolean right = grid[k + 1] > c;
            double u0 = k / (double) CELLS;
            double u1 = (k + 1) / (double) CELLS;
            if (left && right) {
                length += u1 - u0;
            } else if (left != right) {
                double a = u0;
                double b = u1;                    // q(a) > c on the `left` side, the other side at b
                for (int i = 0; i < BISECTIONS && b - a > 1e-17; i++) {
                    double m = (a + b) / 2;
                    if ((q.apply(m) > c) == left) a = m;
                    else b = m;
                }
                double crossing = (a + b) / 2;
                length += left ? crossing - u0 : u1 - crossing;
            }
        }
        return Math.min(1, Math.max(0, length));
    }

    @Override
    public String describe() {
        return "|λ|² = q(u) with q = " + text;
    }

    @Override
    public String toString() {
        return describe();
    }
}
