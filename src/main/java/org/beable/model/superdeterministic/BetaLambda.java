package org.beable.model.superdeterministic;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.beable.format.Numbers;

/**
 * |λ|² ~ Beta(a, b). P(|λ|² > c) is the regularised incomplete beta function I_{1−c}(b, a)
 * (closed form to double precision); draws use Cheng's algorithm (Commons RNG).
 */
public final class BetaLambda implements LambdaDistribution {
    private final double a;
    private final double b;
    private final BetaDistribution inverse;

    public BetaLambda(double a, double b) {
        if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Beta(a, b) needs a > 0 and b > 0, got a = " + Numbers.format(a) + ", b = " + Numbers.format(b));
        }
        this.a = a;
        this.b = b;
        this.inverse = new BetaDistribution(null, a, b, 1e-14);
    }

    public double a() { return a; }
    public double b() { return b; }

    @Override
    public double sample(UniformRandomProvider rng) {
        return ChengBetaSampler.of(rng, a, b).sample();
    }

    @Override
    public double quantile(double u) {
        if (u <= 0) return 0;
        if (u >= 1) return 1;
        return inverse.inverseCumulativeProbability(u);
    }

    @Override
    public double probabilityAbove(double c) {
        if (c <= 0) return 1;
        if (c >= 1) return 0;
        return Beta.regularizedBeta(1 - c, b, a);    // 1 − I_c(a, b), without cancellation near c = 1
    }

    @Override
    public double probabilityAtMost(double c) {
        if (c <= 0) return 0;
        if (c >= 1) return 1;
        return Beta.regularizedBeta(c, a, b);
    }

    @Override
    public String describe() {
        return "|λ|² ~ Beta(" + Numbers.format(a) + ", " + Numbers.format(b) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BetaLambda other && other.a == a && other.b == b;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(a) * 31 + Double.hashCode(b);
    }

    @Override
    public String toString() {
        return describe();
    }
}
