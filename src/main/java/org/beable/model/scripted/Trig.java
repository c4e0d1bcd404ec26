package org.beable.model.scripted;

/**
 * Cosine and sine for the rules of script models, one number at a time and over whole blocks
 * of trials, giving the same bits both ways and on every machine.
 *
 * <p>Why not {@code Math.cos}: it is an intrinsic whose last bit may differ between JVMs and
 * processors, and a loop calling it cannot be vectorised. Here the argument is reduced by
 * three-part Cody–Waite (k = nearest integer to x·2/π, r = x − k·π/2 with π/2 split so that
 * every product is exact) and fdlibm's polynomials are evaluated by Horner's rule in fused
 * multiply-adds. Only +, −, × and {@code Math.fma} are used, all exactly specified by Java, so
 * the result is reproducible; the block versions are short loops of that arithmetic, which C2
 * turns into vector instructions (a fused multiply-add is one node where a product and a sum are
 * two, so the loops stay small enough to vectorise). The quadrant is chosen by multiplying with
 * 0 and ±1 (exact), not by branching, for the same reason. Error: within two ulps of
 * StrictMath (TrigTest), ample for rules, whose answers are outcomes; the tail of the reduced
 * argument that would win the last ulp costs a third of the time. Arguments beyond
 * {@link #REDUCED} (|x| > 8·10⁵) and non-finite ones go to {@code StrictMath}.
 */
public final class Trig {
    /** Largest |x| reduced here: k < 2¹⁹ keeps k·PIO2_1 and k·PIO2_2 exact. */
    static final double REDUCED = 0x1p19 * (Math.PI / 2);
    private static final long REDUCED_BITS = Double.doubleToRawLongBits(REDUCED);

    /** Adding and subtracting 1.5·2⁵² rounds a double of magnitude below 2⁵¹ to the nearest integer. */
    private static final double ROUND = 0x1.8p52;
    private static final double TWO_OVER_PI = 6.36619772367581382433e-01;
    private static final double PIO2_1 = 1.57079632673412561417e+00;   // first 33 bits of π/2
    private static final double PIO2_2 = 6.07710050630396597660e-11;   // next 33 bits
    private static final double PIO2_2T = 2.02226624879595063154e-21;  // π/2 − PIO2_1 − PIO2_2

    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;

    private Trig() {}

    public static double cos(double x) {
        return Math.abs(x) <= REDUCED ? reduced(x, 0) : StrictMath.cos(x);
    }

    public static double sin(double x) {
        return Math.abs(x) <= REDUCED ? reduced(x, 1) : StrictMath.sin(x);
    }

    /** out[i] = cos(x[i]) for i < n, bit for bit as {@link #cos(double)}; out may be x. Needs three scratch arrays of length ≥ n. */
    public static void cos(double[] x, double[] out, int n, double[] k, double[] r, double[] s) {
        block(x, out, n, 0, k, r, s);
    }

    /** out[i] = sin(x[i]), as {@link #cos(double[], double[], int, double[], double[], double[])}. */
    public static void sin(double[] x, double[] out, int n, double[] k, double[] r, double[] s) {
        block(x, out, n, 1, k, r, s);
    }

    /**
     * cos(x − shift·π/2), which is cos for shift 0 and sin for shift 1: with x = k·π/2 + r and
     * q = (k − shift) mod 4 the value is cos r, −sin r, −cos r, sin r for q = 0, 1, 2, 3.
     */
    private static double reduced(double x, int shift) {
        double k = nearestQuarterTurn(x);
        double r = remainder(x, k);
        return quadrant(k - shift, cosKernel(r), sinKernel(r));
    }

    /** The integer nearest x·2/π: adding and subtracting 1.5·2⁵² rounds. */
    private static double nearestQuarterTurn(double x) {
        return (x * TWO_OVER_PI + ROUND) - ROUND;
    }

    /** r = x − k·π/2: x − k·PIO2_1 is exact (Sterbenz), k·PIO2_2 too, then the last part of π/2. */
    private static double remainder(double x, double k) {
        return ((x - k * PIO2_1) - k * PIO2_2) - k * PIO2_2T;
    }

    private static void block(double[] x, double[] out, int n, int shift, double[] kk, double[] rr, double[] ss) {
        if (!allReducible(x, n)) {                 // rare: a huge or non-finite argument somewhere in the block
            for (int i = 0; i < n; i++) out[i] = shift == 0 ? cos(x[i]) : sin(x[i]);
            return;
        }
        // Short loops rather than one: C2 vectorises a loop only while its body is small. out may
        // be x itself: x is last read by the remainder pass, before anything is written to out.
        for (int i = 0; i < n; i++) kk[i] = nearestQuarterTurn(x[i]);
        for (int i = 0; i < n; i++) rr[i] = remainder(x[i], kk[i]);
        for (int i = 0; i < n; i++) ss[i] = sinKernel(rr[i]);
        for (int i = 0; i < n; i++) out[i] = cosKernel(rr[i]);
        for (int i = 0; i < n; i++) out[i] = quadrant(kk[i] - shift, out[i], ss[i]);
    }

    /**
     * |x[i]| ≤ REDUCED for every i < n, by the bits: for a non-negative double (NaN and infinity
     * included) the order of the bit patterns is the order of the numbers, so REDUCED's pattern
     * minus |x|'s is negative exactly when x is out of range, and one OR of them all keeps the
     * sign. A boolean reduction of comparisons would keep C2 from vectorising the loop it sits in,
     * and cost more on its own than this.
     */
    private static boolean allReducible(double[] x, int n) {
        long outside = 0;
        for (int i = 0; i < n; i++) outside |= REDUCED_BITS - (Double.doubleToRawLongBits(x[i]) & Long.MAX_VALUE);
        return outside >= 0;
    }

    /** fdlibm's __kernel_cos for |r| ≤ π/4: 1 − r²/2 split so that its rounding error is kept, plus r⁴·C(r²). */
    private static double cosKernel(double r) {
        double z = r * r;
        double p = z * Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, C6, C5), C4), C3), C2), C1);
        double hz = 0.5 * z;
        double w = 1.0 - hz;
        return w + Math.fma(z, p, (1.0 - w) - hz);
    }

    /** fdlibm's __kernel_sin for |r| ≤ π/4: r + r³·(S1 + r²·S(r²)). */
    private static double sinKernel(double r) {
        double z = r * r;
        double p = Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, S6, S5), S4), S3), S2);
        return Math.fma(z * r, Math.fma(z, p, S1), r);
    }

    /**
     * cos r, −sin r, −cos r or sin r for q = k mod 4 = 0, 1, 2, 3, by arithmetic: h = ⌊q/2⌋ and
     * o = q mod 2 (each by the rounding trick, offset so no tie can occur), the odd quadrants take
     * the sine, and the sign is negative where h ≠ o. Multiplying by 0, 1 and ±1 is exact.
     */
    private static double quadrant(double k, double c, double s) {
        double q = k - 4.0 * ((k * 0.25 - 0.375 + ROUND) - ROUND);
        double h = (q * 0.5 - 0.25 + ROUND) - ROUND;
        double o = q - 2.0 * h;
        double d = h - o;
        return ((1.0 - o) * c + o * s) * (1.0 - 2.0 * d * d);
    }
}
