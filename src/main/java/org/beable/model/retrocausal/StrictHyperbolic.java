package org.beable.model.retrocausal;

/**
 * {@code StrictMath.expm1} and {@code StrictMath.sinh} in Java: fdlibm's s_expm1.c and e_sinh.c
 * (Sun Microsystems, 1993: "Permission to use, copy, modify, and distribute this software is
 * freely granted, provided that this notice is preserved"), line for line, so the bits are
 * StrictMath's on every machine (StrictMathParityTest checks it).
 *
 * <p>Why: on Java 17 both are native methods, and {@code Math}'s versions call them, so every use
 * is a JNI call. The Lorentzian's periodic sum and the sampling of an initial direction use them
 * once or more per history, which made them most of the time of a retrocausal `run`.
 */
final class StrictHyperbolic {
    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;
    private static final double SHUGE = 1.0e307;

    private StrictHyperbolic() {}

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }

    private static int low(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    /** x with its high word replaced. */
    private static double withHigh(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xFFFF_FFFFL));
    }

    /** x·2^k by adding k to the exponent field (fdlibm's {@code __HI(y) += k << 20}). */
    private static double addExponent(double y, int k) {
        return withHigh(y, high(y) + (k << 20));
    }

    /** e^x − 1, as StrictMath.expm1. */
    static double expm1(double x) {
        double y;
        double hi;
        double lo;
        double c = 0;
        double t;
        double e;
        int k;
        int hx = high(x);
        int xsb = hx & 0x8000_0000;            // the sign of x
        hx &= 0x7fff_ffff;                     // high word of |x|

        // Huge and non-finite arguments.
        if (hx >= 0x4043687A) {                // |x| ≥ 56·ln 2
            if (hx >= 0x40862E42) {            // |x| ≥ 709.78…
                if (hx >= 0x7ff0_0000) {
                    if (((hx & 0xfffff) | low(x)) != 0) return x + x;   // NaN
                    return xsb == 0 ? x : -1.0;                          // exp(±∞) − 1 = ∞, −1
                }
                if (x > O_THRESHOLD) return HUGE * HUGE;                 // overflow
            }
            if (xsb != 0 && x + TINY < 0.0) return TINY - 1.0;           // x < −56·ln 2: −1
        }

        // Argument reduction.
        if (hx > 0x3fd62e42) {                 // |x| > ½ ln 2
            if (hx < 0x3FF0A2B2) {             // and |x| < 3/2 ln 2
                if (xsb == 0) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                t = k;
                hi = x - t * LN2_HI;           // exact here
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c90_0000) {         // |x| < 2⁻⁵⁴: x
            t = HUGE + x;
            return x - (t - (HUGE + x));
        } else {
            k = 0;
        }

        // x is now in the primary range.
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        t = 3.0 - r1 * hfx;
        e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) return x - (x * e - hxs);  // c is 0
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1) {
            if (x < -0.25) return -2.0 * (e - (x + 0.5));
            return 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) {               // exp(x) − 1 suffices
            y = 1.0 - (e - x);
            y = addExponent(y, k);
            return y - 1.0;
        }
        if (k < 20) {
            t = withHigh(0.0, 0x3ff0_0000 - (0x20_0000 >> k));   // 1 − 2⁻ᵏ
            y = t - (e - x);
            y = addExponent(y, k);
        } else {
            t = withHigh(0.0, (0x3ff - k) << 20);                // 2⁻ᵏ
            y = x - (e + t);
            y += 1.0;
            y = addExponent(y, k);
        }
        return y;
    }

    /** sinh x, as StrictMath.sinh. */
    static double sinh(double x) {
        int jx = high(x);
        int ix = jx & 0x7fff_ffff;
        if (ix >= 0x7ff0_0000) return x + x;   // ∞ or NaN
        double h = jx < 0 ? -0.5 : 0.5;
        if (ix < 0x40360000) {                 // |x| < 22: sign(x)·½(E + E/(E + 1)), E = e^|x| − 1
            if (ix < 0x3e30_0000 && SHUGE + x > 1.0) return x;   // |x| < 2⁻²⁸
            double t = expm1(Math.abs(x));
            if (ix < 0x3ff0_0000) return h * (2.0 * t - t * t / (t + 1.0));
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862E42) return h * StrictMath.exp(Math.abs(x));   // |x| in [22, log(MAX_VALUE)]
        long lx = Integer.toUnsignedLong(low(x));
        if (ix < 0x408633CE || ix == 0x408633ce && lx <= 0x8fb9f87dL) {   // up to the overflow threshold
            double w = StrictMath.exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x * SHUGE;                      // overflow
    }
}
