package org.beable.model.ensemble;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Poisson numbers for any mean without per-mean set-up, so a tau-leap can draw with a new mean
 * every step: multiplication of uniforms below mean 10, and above it Hörmann's transformed
 * rejection with squeeze, PTRS (W. Hörmann, "The transformed rejection method for generating
 * Poisson random variables", Insurance: Mathematics and Economics 12 (1993) 39–45), which needs
 * about 1.1 pairs of uniforms per draw at any mean.
 */
final class Poisson {
    private Poisson() {}

    static long draw(double mean, UniformRandomProvider rng) {
        if (!(mean > 0)) return 0;
        return mean < 10 ? small(mean, rng) : ptrs(mean, rng);
    }

    private static long small(double mean, UniformRandomProvider rng) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        long k = 0;
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }

    private static long ptrs(double mean, UniformRandomProvider rng) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - Gamma.logGamma(k + 1)) {
                return k;
            }
        }
    }
}
