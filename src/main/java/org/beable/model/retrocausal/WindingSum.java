package org.beable.model.retrocausal;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.beable.model.RealFunction;

/**
 * Winding sums W₂π(x) = Σₙ W(x + 2πn) of a user's weight, numerically.
 *
 * <h2>Method and accuracy</h2>
 * With x reduced to [−π, π), the windings |n| ≤ {@value #WINDINGS} (|α| up to about 405) are
 * summed term by term. Each tail n > N is a midpoint sum over cells of width h = 2π starting at
 * R = x + 2π(N + ½); by Euler–Maclaurin
 * <pre>  Σ_{n>N} W(x + 2πn) = (1/h) ∫_R^∞ W(v) dv + (h/24) W′(R) − (7h³/5760) W‴(R) + O(h⁵ W⁽⁵⁾(R))</pre>
 * (and the mirror image for n < −N). The integral is taken after the substitution v = R / t⁴,
 * which maps the tail to t ∈ (0, 1] with an integrand 4R t⁻⁵ W(R t⁻⁴) that is a polynomial of
 * degree 4p − 5 for W ~ 1/|v|^p: 32-point Gauss–Legendre is exact for p = 2 (the Lorentzian)
 * and smooth for any p ≥ 1.25. W′(R) and W‴(R) are central differences with step R/1000.
 *
 * <p>For W falling off like 1/α² the neglected terms are about 1e-16 absolute (against a sum of
 * at least W₂π(π) ≈ ¼ for the Lorentzian with small γ); the unit tests find a relative error
 * below 1e-13 for the Lorentzian with γ from 1e-3 to 10 at every x. The method assumes that W is smooth beyond |α| ≈ 400 and falls off at least like
 * 1/|α|^1.25 there; {@link #requireIntegrable} refuses weights that visibly do not.
 */
final class WindingSum {
    /** Windings summed term by term on each side. */
    static final int WINDINGS = 64;
    /** Slowest fall-off 1/|α|^p the tail integral is accurate for. */
    static final double SLOWEST_FALL_OFF = 1.25;

    static final double TWO_PI = 2 * Math.PI;
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(32, 0, 1);
        NODES = new double[rule.getNumberOfPoints()];
        WEIGHTS = new double[NODES.length];
        for (int k = 0; k < NODES.length; k++) {
            NODES[k] = rule.getPoint(k);
            WEIGHTS[k] = rule.getWeight(k);
        }
    }

    private WindingSum() {}

    /** W(α), refusing a value that is negative, infinite or not a number. */
    static double checked(RealFunction weight, double alpha) {
        double w = weight.apply(alpha);
        if (!(w >= 0) || w == Double.POSITIVE_INFINITY) throw invalid(alpha, w);
        return w;
    }

    static IllegalArgumentException invalid(double alpha, double w) {
        String what = Double.isNaN(w) ? "is not a number" : w < 0 ? "is negative" : "is infinite";
        return new IllegalArgumentException("the weight W " + what + " at α = " + alpha + " (W = " + w + "); W(α) is an"
                + " unnormalised probability of a rotation by α and must be finite and ≥ 0 everywhere, e.g. a => 1/(a^2 + 0.01)");
    }

    /** x reduced to [−π, π). */
    static double reduce(double x) {
        double r = x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
        return r >= Math.PI ? r - TWO_PI : r;
    }

    /** Σₙ W(x + 2πn), to the accuracy stated in the class comment. */
    static double periodic(RealFunction weight, double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("a winding sum needs a finite angle, got " + x);
        double r = reduce(x);
        double sum = checked(weight, r);
        for (int n = 1; n <= WINDINGS; n++) sum += checked(weight, r + TWO_PI * n) + checked(weight, r - TWO_PI * n);
        double start = TWO_PI * (WINDINGS + 0.5);
        return sum + tail(weight, start + r, 1) + tail(weight, start - r, -1);
    }

    /** Σ over the cells [R, ∞) of W(sign · v) at the cell midpoints, by Euler–Maclaurin. */
    private static double tail(RealFunction weight, double start, double sign) {
        double integral = 0;
        for (int k = 0; k < NODES.length; k++) {
            double t = NODES[k];
            double t4 = t * t * t * t;
            integral += WEIGHTS[k] * checked(weight, sign * start / t4) * 4 * start / (t4 * t);
        }
        // W′(R) and W‴(R) by central differences on R ± δ, R ± 2δ.
        double d = 1e-3 * start;
        double p1 = checked(weight, sign * (start + d));
        double m1 = checked(weight, sign * (start - d));
        double p2 = checked(weight, sign * (start + 2 * d));
        double m2 = checked(weight, sign * (start - 2 * d));
        double first = (8 * (p1 - m1) - (p2 - m2)) / (12 * d);
        double third = (p2 - 2 * p1 + 2 * m1 - m2) / (2 * d * d * d);
        double h = TWO_PI;
        return integral / h + h / 24 * first - 7 * h * h * h / 5760 * third;
    }

    /**
     * Refuses a weight whose tails visibly fall off too slowly to sum: with g(v) = |v| W(v),
     * W ~ 1/|v|^p means g(10¹²)/g(10⁶) = 10^(6(1 − p)).
     */
    static void requireIntegrable(RealFunction weight) {
        for (double sign : new double[] {1, -1}) {
            double near = 1e6 * checked(weight, sign * 1e6);
            double far = 1e12 * checked(weight, sign * 1e12);
            if (far == 0) continue;
            double p = near == 0 ? 0 : 1 + Math.log10(near / far) / 6;
            if (p < SLOWEST_FALL_OFF) {
                throw new IllegalArgumentException("the weight W is not integrable, or falls off too slowly to sum over windings:"
                        + " |α|·W(α) is " + near + " at α = " + (sign * 1e6) + " and " + far + " at α = " + (sign * 1e12)
                        + " (W ~ 1/|α|^" + String.format(java.util.Locale.ROOT, "%.2f", p) + "); W must fall off at least like 1/|α|^"
                        + SLOWEST_FALL_OFF + ", as the Lorentzian 1/(α² + γ²) does");
            }
        }
    }
}
