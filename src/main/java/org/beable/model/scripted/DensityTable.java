package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.sampling.AliasTable;

/**
 * A user's density f on [low, high] under one setting combination: its normalisation Z, and a
 * table to draw from f/Z. The normalisation is an adaptive integral, in the variable of
 * {@link Stretch} (its panels follow the density's own features, support edges located by
 * bisection); each accepted panel is cut
 * into {@link #PARTS} parts whose masses are integrated exactly, and a draw picks a part by
 * its mass (alias table) and a point inside it from the linear interpolation of f between
 * the part's ends — exact part masses, shape correct to second order in the part width.
 */
final class DensityTable {
    static final int PARTS = 16;
    private static final double RELATIVE_ACCURACY = 1e-13;
    /** More unresolved error than this share of the integral means the integral does not converge. */
    private static final double DIVERGENCE = 1e-6;
    private static final double[] G7X = {0.949107912342758524526189684047851, 0.741531185599394439863864773280788,
        0.405845151377397166906606412076961, 0.0};
    private static final double[] G7W = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** Evaluates f at x, refusing negative and non-finite values. */
    @FunctionalInterface
    interface Density {
        double at(double x);
    }

    final double normalisation;
    private final double[] start;
    private final double[] width;
    private final double[] left;
    private final double[] right;
    private final AliasTable parts;

    private DensityTable(double normalisation, double[] start, double[] width, double[] left, double[] right, double[] mass) {
        this.normalisation = normalisation;
        this.start = start;
        this.width = width;
        this.left = left;
        this.right = right;
        this.parts = new AliasTable(mass);
    }

    /**
     * Tabulates f; {@code describe} names the density in refusals ("the density of x").
     *
     * @throws IllegalArgumentException when f is negative or not a number somewhere, integrates to 0, or does not converge
     */
    static DensityTable of(Density f, double low, double high, String describe) {
        double rough = 0;
        for (int k = 0; k < 64; k++) rough += f.at(low + (high - low) * (k + 0.5) / 64);
        rough *= (high - low) / 64;
        double tolerance = rough > 0 ? RELATIVE_ACCURACY * rough : 1e-15 * (high - low);
        List<double[]> panels = new ArrayList<>();
        Quadrature quadrature = new Quadrature(1, () -> { });
        quadrature.onAccept((a, b) -> panels.add(new double[] {Stretch.x(a, low, high), Stretch.x(b, low, high)}));
        double[] z = new double[1];
        quadrature.integrate((t, value) -> {
            double fx = f.at(Stretch.x(t, low, high));
            value[0] = fx * Stretch.dxdt(t, low, high);
            return fx > 0 ? 1 : 0;
        }, 0, 1, tolerance, z);
        double total = z[0];
        if (!Double.isFinite(total) || quadrature.unresolved() > DIVERGENCE * Math.abs(total)) {
            throw new IllegalArgumentException(describe + " is not integrable on [" + BoundHidden.number(low) + ", "
                    + BoundHidden.number(high) + "]: its integral does not converge");
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(describe + " integrates to 0 on [" + BoundHidden.number(low) + ", "
                    + BoundHidden.number(high) + "], so it cannot be normalised");
        }
        int n = panels.size() * PARTS;
        double[] start = new double[n];
        double[] width = new double[n];
        double[] left = new double[n];
        double[] right = new double[n];
        double[] mass = new double[n];
        double sum = 0;
        int k = 0;
        for (double[] panel : panels) {
            double step = (panel[1] - panel[0]) / PARTS;
            for (int j = 0; j < PARTS; j++, k++) {
                double a = panel[0] + j * step;
                double b = j == PARTS - 1 ? panel[1] : a + step;
                start[k] = a;
                width[k] = b - a;
                left[k] = endpoint(f, a);
                right[k] = endpoint(f, b);
                mass[k] = gauss7(f, a, b);
                sum += mass[k];
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(describe + " integrates to 0 on [" + BoundHidden.number(low) + ", "
                    + BoundHidden.number(high) + "], so it cannot be normalised");
        }
        for (int j = 0; j < n; j++) mass[j] /= sum;
        return new DensityTable(total, start, width, left, right, mass);
    }

    /** f at a panel's end, which may be an isolated point the quadrature cut out (a rounding below zero): 0 there. */
    private static double endpoint(Density f, double x) {
        try {
            return f.at(x);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static double gauss7(Density f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double s = G7W[3] * f.at(c);
        for (int j = 0; j < 3; j++) s += G7W[j] * (f.at(c - h * G7X[j]) + f.at(c + h * G7X[j]));
        return s * h;
    }

    /** A draw from f/Z: a part by its mass, then the inverse of the linear density's distribution inside it. */
    double sample(UniformRandomProvider rng) {
        int k = parts.sample(rng);
        double u = rng.nextDouble();
        double f0 = left[k];
        double f1 = right[k];
        double t = u;
        double mean = 0.5 * (f0 + f1);
        if (mean > 0 && f0 != f1) {
            // f0·t + (f1 − f0)·t²/2 = u·mean, solved in the form that does not cancel.
            double a = 0.5 * (f1 - f0);
            double c = u * mean;
            double root = Math.sqrt(Math.max(0, f0 * f0 + 4 * a * c));
            double denominator = f0 + root;
            t = denominator > 0 ? 2 * c / denominator : u;
            t = Math.min(1, Math.max(0, t));
        }
        return start[k] + t * width[k];
    }
}
