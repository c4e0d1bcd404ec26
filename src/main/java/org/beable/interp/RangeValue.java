package org.beable.interp;

/**
 * `a .. b step h`: inclusive of b (up to a rounding tolerance), so `0 .. 1 step 0.1` has 11
 * values. Values are computed as a + k·h rather than accumulated, so the last one is exact.
 */
public record RangeValue(double from, double to, double step) {
    public long count() {
        double n = (to - from) / step;
        if (n < -1e-9) return 0;
        return (long) Math.floor(n + 1e-9) + 1;
    }

    public double get(long k) {
        return from + k * step;
    }

    public boolean isIntegral() {
        return from == Math.rint(from) && step == Math.rint(step);
    }
}
