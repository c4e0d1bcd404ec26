package org.beable.model.retrocausal;

import java.util.stream.IntStream;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.beable.model.RealFunction;
import org.beable.model.sampling.AliasTable;

/**
 * The winding sum W₂π and the density ρ of the initial direction, sampled on the periodic grid
 * s_j = 2πj/M, j = 0 … M−1: the quadrature behind `predict` when the weight is a user's
 * function or ρ is not uniform, and the discrete measure `run` samples s from in that case,
 * so that sampled and predicted probabilities agree exactly in expectation.
 *
 * <h2>Resolution</h2>
 * M starts at {@value #MIN_SIZE} and doubles (reusing the points already computed) until the
 * Fourier coefficients c_k of W₂π and of ρ are resolved: max |c_k| / c_0 over M/4 ≤ |k| ≤ M/2
 * at most {@value #SPECTRAL_TOLERANCE}. The trapezoidal rule on a periodic integrand errs by the
 * coefficients beyond the grid, so for a smooth weight the quadrature is then accurate to
 * round-off (for the Lorentzian, M ≈ 90/γ). A weight with corners or jumps has slowly
 * decaying coefficients; M then stops at {@value #MAX_SIZE} and {@link #resolution()} reports
 * how far the spectrum had fallen, which bounds the relative error of the quadrature.
 *
 * <p>W₂π at the shifted points t − s_j (every outcome's target) is the trigonometric
 * interpolant Σ_k c_k e^{ik(t − s_j)}, one FFT per shift; for the Lorentzian it is the closed form.
 */
final class PeriodicGrid {
    static final int MIN_SIZE = 256;
    static final int MAX_SIZE = 1 << 17;
    static final double SPECTRAL_TOLERANCE = 1e-10;

    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    private final Weight weight;
    private final int size;
    private final double[] periodic;
    private final double[] density;
    private final double[] coefficientRe;
    private final double[] coefficientIm;
    private final double resolution;
    private volatile AliasTable rotationTable;

    private PeriodicGrid(Weight weight, int size, double[] periodic, double[] density, Complex[] coefficients, double resolution) {
        this.weight = weight;
        this.size = size;
        this.periodic = periodic;
        this.density = density;
        this.coefficientRe = new double[size];
        this.coefficientIm = new double[size];
        for (int k = 0; k < size; k++) {
            coefficientRe[k] = coefficients[k].getReal() / size;
            coefficientIm[k] = coefficients[k].getImaginary() / size;
        }
        this.resolution = resolution;
    }

    /** The grid for a weight and a density of s (null for uniform). */
    static PeriodicGrid of(Weight weight, RealFunction density) {
        return of(weight, density, MIN_SIZE);
    }

    /**
     * The grid with at least {@code atLeast} points (a power of two): two weights that meet on one
     * grid (one per particle) are both made at the larger of their own sizes.
     */
    static PeriodicGrid of(Weight weight, RealFunction density, int atLeast) {
        int m = Math.max(MIN_SIZE, atLeast);
        double[] w = evaluate(weight::periodic, m, null, weight instanceof Weight.Numeric);
        double[] rho = density == null ? null : evaluate(s -> checkedDensity(density, s), m, null, true);
        while (true) {
            Complex[] coefficients = FFT.transform(w, TransformType.FORWARD);
            double tail = tail(coefficients, "W");
            if (rho != null) tail = Math.max(tail, tail(FFT.transform(rho, TransformType.FORWARD), "the density of s"));
            if (tail <= SPECTRAL_TOLERANCE || m == MAX_SIZE) {
                if (rho != null && sum(rho) <= 0) {
                    throw new IllegalArgumentException("the density of the initial direction s is zero everywhere; it must be"
                            + " positive somewhere in [0, 2π)");
                }
                PeriodicGrid grid = new PeriodicGrid(weight, m, w, rho, coefficients, tail);
                if (weight instanceof Weight.Numeric numeric) numeric.total(grid.weightIntegral());
                return grid;
            }
            m *= 2;
            w = evaluate(weight::periodic, m, w, weight instanceof Weight.Numeric);
            if (rho != null) rho = evaluate(s -> checkedDensity(density, s), m, rho, true);
        }
    }

    /** f at 2πj/m; the even points are taken from the previous grid of m/2 points when given. */
    private static double[] evaluate(RealFunction f, int m, double[] half, boolean parallel) {
        double[] out = new double[m];
        int step = half == null ? 1 : 2;
        int first = half == null ? 0 : 1;
        if (half != null) for (int j = 0; j < half.length; j++) out[2 * j] = half[j];
        IntStream points = IntStream.range(0, (m - first + step - 1) / step).map(i -> first + i * step);
        (parallel ? points.parallel() : points).forEach(j -> out[j] = f.apply(2 * Math.PI * j / m));
        return out;
    }

    private static double checkedDensity(RealFunction density, double s) {
        double v = density.apply(s);
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the density of the initial direction s is " + (Double.isNaN(v) ? "not a number"
                    : v < 0 ? "negative" : "infinite") + " at s = " + s + " (" + v + "); it must be finite and ≥ 0 on [0, 2π),"
                    + " e.g. s => 1 + 0.5*cos(s)");
        }
        return v;
    }

    /** max |c_k| / |c_0| over the upper half of the resolved frequencies, M/4 ≤ |k| ≤ M/2. */
    private static double tail(Complex[] c, String what) {
        double c0 = c[0].abs();
        if (!(c0 > 0)) {
            throw new IllegalArgumentException(what.equals("W") ? "the weight W is zero everywhere; it must be positive"
                    + " somewhere, e.g. a => 1/(a^2 + 0.01)" : "the density of the initial direction s is zero everywhere");
        }
        int m = c.length;
        double largest = 0;
        for (int k = m / 4; k <= m / 2; k++) largest = Math.max(largest, Math.max(c[k].abs(), c[(m - k) % m].abs()));
        return largest / c0;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s;
    }

    int size() {
        return size;
    }

    /** max |c_k| / c_0 over the upper half of the frequencies: the relative accuracy the grid resolves. */
    double resolution() {
        return resolution;
    }

    double point(int j) {
        return 2 * Math.PI * j / size;
    }

    /** ρ(s_j), or null when s is uniform. */
    double[] density() {
        return density;
    }

    /** ∫W = ∫₀^2π W₂π by the trapezoidal rule. */
    double weightIntegral() {
        return 2 * Math.PI / size * sum(periodic);
    }

    /** W₂π(2πj/M). */
    double periodicAt(int j) {
        return periodic[j];
    }

    /**
     * W₂π(t − s_j) for every j: the closed form for the Lorentzian, else the trigonometric
     * interpolant of the grid (negative round-off of a poorly resolved weight clipped to 0).
     */
    double[] shifted(double t) {
        double[] out = new double[size];
        if (weight instanceof Weight.Lorentzian lorentzian) {
            for (int j = 0; j < size; j++) out[j] = lorentzian.periodic(t - point(j));
            return out;
        }
        // W₂π(t − s_j) = Σ_k c_k e^{ikt} e^{−2πijk/M}: a forward DFT of c_k e^{ikt} over signed k.
        Complex[] d = new Complex[size];
        for (int k = 0; k < size; k++) {
            int signed = k < size / 2 ? k : k - size;
            double angle = signed * t;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            if (k == size / 2) {
                d[k] = new Complex(coefficientRe[k] * cos, 0);    // Nyquist: the real, symmetric share
            } else {
                d[k] = new Complex(coefficientRe[k] * cos - coefficientIm[k] * sin, coefficientRe[k] * sin + coefficientIm[k] * cos);
            }
        }
        Complex[] values = FFT.transform(d, TransformType.FORWARD);
        for (int j = 0; j < size; j++) out[j] = Math.max(0, values[j].getReal());
        return out;
    }

    /**
     * p_k = |c_k|² for k = 0 … K, cut where the rest is below 1e-18 of p_0: the spectrum of
     * the singlet's correlation for a uniform s (see {@link RetrocausalModel#singletCorrelation}).
     */
    double[] powerSpectrum() {
        int half = size / 2;
        double[] p = new double[half + 1];
        for (int k = 0; k <= half; k++) p[k] = coefficientRe[k] * coefficientRe[k] + coefficientIm[k] * coefficientIm[k];
        int last = half;
        double rest = 0;
        while (last > 1 && rest + p[last] <= 1e-18 * p[0]) rest += p[last--];
        return java.util.Arrays.copyOf(p, last + 1);
    }

    /** The Fourier coefficient c_k of W₂π(x) = Σ_k c_k e^{ikx}, for 0 ≤ k < M/2, as {re, im}. */
    double[] coefficient(int k) {
        return new double[] {coefficientRe[k], coefficientIm[k]};
    }

    /** Draws a grid point j with probability W₂π(s_j) / Σ W₂π: the direction part of a free rotation. */
    AliasTable rotationTable() {
        AliasTable table = rotationTable;
        if (table == null) {
            double total = sum(periodic);
            double[] p = new double[size];
            for (int j = 0; j < size; j++) p[j] = periodic[j] / total;
            table = new AliasTable(p);
            rotationTable = table;
        }
        return table;
    }
}
