package org.beable.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.beable.format.Numbers;

/**
 * An axis of a plot: its range and its ticks with their labels. Numbers get "nice" steps
 * (1, 2 or 5 times a power of ten); an angle axis — every value a multiple of π/64, as sweeps
 * over angles written with `pi` are — is ticked in fractions of π ("π/4", "3π/2").
 */
public record PlotAxis(double min, double max, List<Tick> ticks) {

    public record Tick(double value, String label) {}

    /** Values that are all multiples of π/64 and reach at least π/8 are angles. */
    public static boolean isAngle(double[] values) {
        double largest = 0;
        for (double v : values) {
            double k = v * 64 / Math.PI;
            if (Math.abs(k - Math.rint(k)) > 1e-6) return false;
            largest = Math.max(largest, Math.abs(v));
        }
        return largest >= Math.PI / 8 - 1e-12;
    }

    /** An axis over [low, high] of the data, ticked in fractions of π. */
    public static PlotAxis angle(double low, double high) {
        double span = Math.max(high - low, Math.PI / 8);
        int[] perPi = {32, 16, 8, 4, 2, 1};            // a tick every π/n, or every 2π, 4π, ... below
        int n = 1;
        int multiple = 1;
        for (int candidate : perPi) {
            if (span / (Math.PI / candidate) <= 6 + 1e-9) {
                n = candidate;
                break;
            }
        }
        while (span / (multiple * Math.PI / n) > 6 + 1e-9) multiple *= 2;
        double step = multiple * Math.PI / n;
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(low / step - 1e-9);
        long last = (long) Math.floor(high / step + 1e-9);
        for (long k = first; k <= last; k++) ticks.add(new Tick(k * step, piFraction(k * multiple, n)));
        return new PlotAxis(Math.min(low, first * step), Math.max(high, last * step), ticks);
    }

    /** "0", "π", "−π/2", "3π/4", "2π". */
    static String piFraction(long numerator, long denominator) {
        if (numerator == 0) return "0";
        long g = gcd(Math.abs(numerator), denominator);
        long p = numerator / g;
        long q = denominator / g;
        String sign = p < 0 ? "−" : "";
        long a = Math.abs(p);
        return sign + (a == 1 ? "" : Long.toString(a)) + "π" + (q == 1 ? "" : "/" + q);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** An axis over [low, high], widened to whole steps of 1, 2 or 5 × 10^k with about six ticks. */
    public static PlotAxis numeric(double low, double high) {
        if (!(high > low)) {
            double half = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= half;
            high += half;
        }
        double raw = (high - low) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * magnitude;
            if (step >= raw * (1 - 1e-9)) break;
        }
        BigDecimal exactStep = new BigDecimal(Double.toString(step));
        long first = (long) Math.floor(low / step + 1e-9);
        long last = (long) Math.ceil(high / step - 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double value = exactStep.multiply(BigDecimal.valueOf(k)).doubleValue();
            ticks.add(new Tick(value, Numbers.format(value).replace('-', '−')));
        }
        return new PlotAxis(ticks.get(0).value(), ticks.get(ticks.size() - 1).value(), ticks);
    }
}
