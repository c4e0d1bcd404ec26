package org.beable.model.scripted;

/**
 * Cosine and sine for the rules of script models, one number at a time and over whole blocks
 * of trials, giving the same bits both ways and on every machine.
 *
 * <p>Why not {@code Math.cos}: it is an intrinsic whose last bit may differ between JVMs and
 * processors, and a loop calling it cannot be vectorised. Here the argument is reduced by
 * three-part Cody–Waite (k = nearest integer to x·2/π, r + y = x − k·π/2 with π/2 split so that
 * every product is exact, and y the tail that r's rounding lost) and the kernels are fdlibm's
 * polynomials with their tail terms; only +, −, × are used, so
 * Java's strict arithmetic makes the result reproducible, and the block versions are written as
 * short loops of plain arithmetic that C2 turns into vector instructions. The quadrant is
 * chosen by multiplying with 0 and ±1 (exact), not by branching, so that the loop stays
 * vectorisable. Error: within one ulp of StrictMath's correctly reduced values (TrigTest).
 * Arguments beyond {@link #REDUCED} (|x| > 8·10⁵) and non-finite ones go to {@code StrictMath}.
 */
public final class Trig {
    /** Largest |x| reduced here: k < 2¹⁹ keeps k·PIO2_1 and k·PIO2_2 exact. */
    static final double REDUCED = 0x1p19 * (Math.PI / 2);

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
        double k = (x * TWO_OVER_PI + ROUND) - ROUND;
        double r = head(x, k);
        double y = tail(x, k, r);
        return quadrant(k - shift, cosKernel(r, y), sinKernel(r, y));
    }

    /** r = x − k·π/2 rounded: x − k·PIO2_1 is exact (Sterbenz), k·PIO2_2 is exact, one rounding in between. */
    private static double head(double x, double k) {
        return (x - k * PIO2_1) - k * PIO2_2;
    }

    /** What the head lost: the exact error of its subtraction (Knuth's TwoSum), less k·PIO2_2T. */
    private static double tail(double x, double k, double r) {
        double t = x - k * PIO2_1;
        double w = k * PIO2_2;
        double e = r - t;
        return ((t - (r - e)) - (w + e)) - k * PIO2_2T;
    }

    private static void block(double[] x, double[] out, int n, int shift, double[] kk, double[] rr, double[] ss) {
        double largest = 0;
        for (int i = 0; i < n; i++) largest = Math.max(largest, Math.abs(x[i]));
        if (!(largest <= REDUCED)) {               // rare: a huge or non-finite argument somewhere in the block
            for (int i = 0; i < n; i++) out[i] = shift == 0 ? cos(x[i]) : sin(x[i]);
            return;
        }
        // Short loops rather than one: C2 vectorises a loop only while its body is small. The
        // tail goes into out, which is x's place when they are one array: each x[i] is read first.
        for (int i = 0; i < n; i++) kk[i] = (x[i] * TWO_OVER_PI + ROUND) - ROUND;
        for (int i = 0; i < n; i++) rr[i] = head(x[i], kk[i]);
        for (int i = 0; i < n; i++) out[i] = tail(x[i], kk[i], rr[i]);
        for (int i = 0; i < n; i++) ss[i] = sinKernel(rr[i], out[i]);
        for (int i = 0; i < n; i++) out[i] = cosKernel(rr[i], out[i]);
        for (int i = 0; i < n; i++) out[i] = quadrant(kk[i] - shift, out[i], ss[i]);
    }

    /** fdlibm's __kernel_cos: cos(r + y) for |r| ≤ π/4 and a tail |y| ≤ ulp(r). */
    private static double cosKernel(double r, double y) {
        double z = r * r;
        double p = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        double hz = 0.5 * z;
        double w = 1.0 - hz;
        return w + (((1.0 - w) - hz) + (z * p - r * y));
    }

    /** fdlibm's __kernel_sin: sin(r + y). */
    private static double sinKernel(double r, double y) {
        double z = r * r;
        double v = z * r;
        double p = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return r - ((z * (0.5 * y - v * p) - y) - v * S1);
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
