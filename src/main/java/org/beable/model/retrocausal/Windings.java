package org.beable.model.retrocausal;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws an anomalous rotation α once its end direction is fixed: α = x + 2πn with the winding n
 * drawn with probability W(x + 2πn) / W₂π(x).
 *
 * <p>The windings are walked from the most likely (n = 0, then the nearer of ±1, …), each
 * subtracting its weight from U·W₂π(x) until that is used up. For the Lorentzian the walk stops
 * after |n| = {@value #LORENTZIAN_WALK} and the rest is drawn exactly, by rejection from W itself
 * beyond the last cell ({@link #lorentzianTail}). For a user's
 * weight the walk goes to |n| = {@value #USER_WALK} (|α| ≈ 26 000); the little mass beyond,
 * about 10⁻⁶ for a weight falling like 1/α², is drawn as if W fell exactly like 1/α² there.
 */
final class Windings {
    static final int LORENTZIAN_WALK = 64;
    static final int USER_WALK = 4096;
    private static final double TWO_PI = 2 * Math.PI;

    private Windings() {}

    /**
     * α = x + 2πn for x in [−π, π) and total = W₂π(x).
     */
    static double rotation(Weight weight, double x, double total, UniformRandomProvider rng) {
        double u = rng.nextDouble() * total - weight.at(x);
        if (u < 0) return x;
        int walk = weight instanceof Weight.Lorentzian ? LORENTZIAN_WALK : USER_WALK;
        double nearer = x >= 0 ? -TWO_PI : TWO_PI;
        for (int n = 1; n <= walk; n++) {
            double near = x + nearer * n;
            u -= weight.at(near);
            if (u < 0) return near;
            double far = x - nearer * n;
            u -= weight.at(far);
            if (u < 0) return far;
        }
        return weight instanceof Weight.Lorentzian l ? lorentzianTail(x, l.gamma(), walk, rng) : powerLawTail(weight, x, walk, rng);
    }

    /** A rotation with no boundary at its end: α drawn from W itself. */
    static double free(Weight weight, PeriodicGrid grid, UniformRandomProvider rng) {
        if (weight instanceof Weight.Lorentzian l) return l.gamma() * Math.tan(Math.PI * (rng.nextDouble() - 0.5));
        int j = grid.rotationTable().sample(rng);
        return rotation(weight, WindingSum.reduce(grid.point(j)), grid.periodicAt(j), rng);
    }

    /**
     * Exact draw of a winding |n| > walk for the Lorentzian. Proposal: v from the density ∝ W(v)
     * on each side beyond the walk (a side with probability ∝ its mass atan(γ/R), then
     * v = γ / tan(U atan(γ/R))), and the winding n whose cell [c − π, c + π) holds v, so that n is
     * proposed ∝ ∫_cell W. Since W falls on the cell, 2π W(c) / ∫_cell W ≤ W(c)/W(c + π), which is
     * largest for the first cell: B = ((R + 2π)² + γ²)/((R + π)² + γ²). Accepting with probability
     * 2π W(c) / (B ∫_cell W) leaves n ∝ W(x + 2πn); the acceptance rate is above 0.98 for every γ.
     */
    private static double lorentzianTail(double x, double gamma, int walk, UniformRandomProvider rng) {
        double edge = TWO_PI * (walk + 0.5);
        double right = edge + x;
        double left = edge - x;
        double massRight = Math.atan(gamma / right);
        double massLeft = Math.atan(gamma / left);
        double first = Math.min(right, left);
        double bound = ((first + TWO_PI) * (first + TWO_PI) + gamma * gamma) / ((first + Math.PI) * (first + Math.PI) + gamma * gamma);
        while (true) {
            boolean plus = rng.nextDouble() * (massRight + massLeft) < massRight;
            double start = plus ? right : left;
            double v = gamma / Math.tan((1 - rng.nextDouble()) * (plus ? massRight : massLeft));
            long k = Math.max(0, (long) Math.floor((v - start) / TWO_PI));
            double c = start + Math.PI + TWO_PI * k;                                   // |α| at the cell's centre
            double cell = Math.atan(TWO_PI * gamma / (c * c - Math.PI * Math.PI + gamma * gamma));   // γ ∫_cell W
            if (rng.nextDouble() * bound * cell <= TWO_PI * gamma / (c * c + gamma * gamma)) {
                long n = walk + 1 + k;
                return plus ? x + TWO_PI * n : x - TWO_PI * n;
            }
        }
    }

    /** The far tail of a user's weight, taken to fall like 1/α² beyond the walk (amplitude W(±R)·R² on each side). */
    private static double powerLawTail(Weight weight, double x, int walk, UniformRandomProvider rng) {
        double edge = TWO_PI * (walk + 0.5);
        double right = edge + x;
        double left = edge - x;
        double massRight = weight.at(right) * right;
        double massLeft = weight.at(-left) * left;
        if (massRight + massLeft == 0) return x;   // a weight with bounded support: only round-off is left
        boolean plus = rng.nextDouble() * (massRight + massLeft) < massRight;
        double start = plus ? right : left;
        double v = start / (1 - rng.nextDouble());
        long n = walk + 1 + (long) Math.floor((v - start) / TWO_PI);
        return plus ? x + TWO_PI * n : x - TWO_PI * n;
    }
}
