package org.beable.model.scripted;

/**
 * The change of variable x = low + (high − low)·t²(3 − 2t) used to integrate a user's density
 * over [low, high]: dx/dt = 6t(1 − t)(high − low) vanishes at both ends, which turns an
 * integrable singularity there such as 1/√x into a bounded integrand (and leaves smooth
 * densities smooth), while a non-integrable one such as 1/x still diverges and is caught.
 */
final class Stretch {
    private Stretch() {}

    static double x(double t, double low, double high) {
        return low + (high - low) * (t * t * (3 - 2 * t));
    }

    static double dxdt(double t, double low, double high) {
        return 6 * t * (1 - t) * (high - low);
    }
}
