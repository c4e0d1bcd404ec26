package org.beable.interp;

/**
 * `a .. b step h`: inclusive of b (up to a rounding tolerance), so `0 .. 1 step 0.1` has 11
 * values. Values are computed as a + k·h rather than accumulated, so the last one is exact.
 */
public record RangeValue(double from, double to, double step) {
    /** How many values, as a double: exact up to 2^53, and never overflowing. */
    public double size() {
        double n = (to - from) / step;
        if (n < -1e-9 || Double.isNaN(n)) return 0;
        return Math.floor(n + 1e-9) + 1;
    }

    /** How many values a loop visits (saturating at Long.MAX_VALUE, which no loop reaches). */
    public long count() {
        double n = size();
        return n >= 9.2e18 ? Long.MAX_VALUE : (long) n;
    }

    public double get(long k) {
        return from + k * step;
    }

    public boolean isIntegral() {
        return from == Math.rint(from) && step == Math.rint(step);
    }
}
