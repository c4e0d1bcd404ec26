package org.beable.quantum;

/**
 * The multiply-add kernels of the Hermitian eigensolver ({@link BlockReflector},
 * {@link HouseholderTridiagonal}): a complex row, split real/imaginary, plus complex multiples
 * of one or two other rows, over an index range.
 *
 * <p>They are written for what HotSpot C2 (Java 17) vectorises, measured rather than assumed:
 * <ul>
 * <li>every array is indexed by the loop variable itself: C2 does not vectorise a loop whose
 *     arrays are read at different offsets ({@code t[a + c]} beside {@code s[b + c]}), so
 *     matrices are handed over as separate row arrays, never as offsets into one array;</li>
 * <li>{@link Math#fma}: a loop body with more than about sixty nodes is not unrolled, and so not
 *     vectorised, and two terms written as multiplications and additions exceed that while
 *     two terms of fused multiply-adds do not. Fusing also rounds once instead of twice, and
 *     {@code fma} is exactly specified, so results are the same bits on every machine (on
 *     one without the instruction it is emulated, correctly but slowly).</li>
 * </ul>
 * With both, a two-term update runs at several times the speed of the scalar loop.
 */
final class ComplexRows {

    private ComplexRows() {}

    /** {@code t[c] += x · s[c]} for c in [from, to). */
    static void addOne(double[] tRe, double[] tIm, double[] sRe, double[] sIm, double xr, double xi,
                       int from, int to) {
        double nxi = -xi;
        for (int c = from; c < to; c++) {
            double a = sRe[c];
            double b = sIm[c];
            tRe[c] = Math.fma(xr, a, Math.fma(nxi, b, tRe[c]));
            tIm[c] = Math.fma(xr, b, Math.fma(xi, a, tIm[c]));
        }
    }

    /**
     * {@code t[c] += x0 · s0[c] + x1 · s1[c]} for c in [from, to), the terms added in that
     * order to a register copy of {@code t[c]}, so t is loaded and stored once per two terms.
     */
    static void addTwo(double[] tRe, double[] tIm, double[] s0Re, double[] s0Im, double[] s1Re, double[] s1Im,
                       double x0r, double x0i, double x1r, double x1i, int from, int to) {
        double nx0i = -x0i;
        double nx1i = -x1i;
        for (int c = from; c < to; c++) {
            double a0 = s0Re[c];
            double b0 = s0Im[c];
            double a1 = s1Re[c];
            double b1 = s1Im[c];
            double r = tRe[c];
            double i = tIm[c];
            r = Math.fma(x0r, a0, Math.fma(nx0i, b0, r));
            i = Math.fma(x0r, b0, Math.fma(x0i, a0, i));
            r = Math.fma(x1r, a1, Math.fma(nx1i, b1, r));
            i = Math.fma(x1r, b1, Math.fma(x1i, a1, i));
            tRe[c] = r;
            tIm[c] = i;
        }
    }
}
