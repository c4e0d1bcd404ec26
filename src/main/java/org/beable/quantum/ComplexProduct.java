package org.beable.quantum;

/**
 * The dense complex product C = A · B on split real/imaginary row-major arrays, the kernel under
 * every dense operation ({@link CMatrix#times}).
 *
 * <p>Each element keeps the summation of the textbook i-k-j loop exactly: c_ab starts at +0 and
 * receives (x_r y_r − x_i y_i) and (x_r y_i + x_i y_r) for k = 0, 1, … in order, skipping the
 * zero entries of A (embedded operators and projectors are mostly zeros). So results are
 * bit-for-bit those of the plain loop — the goldens depend on it — and all the speed comes from
 * the memory traffic:
 * <ul>
 * <li>the columns of B are cut into panels of {@link #COLUMN_PANEL} and k into blocks of
 *     {@link #DEPTH_BLOCK}, so the piece of B a row sweeps over stays in L2 while every row of A
 *     passes through it (blocks over k are taken in ascending order, each element still adds its
 *     terms in k order);</li>
 * <li>the nonzero k of a row are gathered first and taken four at a time: the four terms are added
 *     to a register copy of c_ab one after the other (the same roundings as four separate passes)
 *     so C is loaded and stored once per four terms, and the j loop is a plain stride-1 loop over
 *     split arrays that C2 turns into vector instructions.</li>
 * </ul>
 * Fused multiply-adds would be faster still but round differently, which would change printed
 * results; that is the trade this class does not make.
 */
final class ComplexProduct {
    /** Columns of B (and C) per panel: 4 KiB of each of C's real and imaginary row pieces. */
    static final int COLUMN_PANEL = 512;
    /** Rows of B per block: with a full panel 2 × 128 × 512 doubles = 1 MiB, inside L2. */
    static final int DEPTH_BLOCK = 128;

    private ComplexProduct() {}

    /** C (rows × n, zero on entry) += A (rows × depth) · B (depth × n). */
    static void multiply(int rows, int depth, int n, double[] aRe, double[] aIm, double[] bRe, double[] bIm,
                         double[] cRe, double[] cIm) {
        int[] nonzero = new int[Math.min(depth, DEPTH_BLOCK)];
        for (int k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
            int k1 = Math.min(depth, k0 + DEPTH_BLOCK);
            for (int j0 = 0; j0 < n; j0 += COLUMN_PANEL) {
                int j1 = Math.min(n, j0 + COLUMN_PANEL);
                for (int a = 0; a < rows; a++) {
                    int rowA = a * depth;
                    int count = 0;
                    for (int k = k0; k < k1; k++) {
                        if (aRe[rowA + k] != 0.0 || aIm[rowA + k] != 0.0) nonzero[count++] = k;
                    }
                    if (count > 0) row(a * n, rowA, nonzero, count, n, j0, j1, aRe, aIm, bRe, bIm, cRe, cIm);
                }
            }
        }
    }

    /** One row piece of C, columns j0 … j1−1, from the listed (ascending) nonzero k of A's row. */
    private static void row(int rowC, int rowA, int[] nonzero, int count, int n, int j0, int j1,
                            double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] cRe, double[] cIm) {
        int t = 0;
        for (; t + 3 < count; t += 4) {
            int k0 = nonzero[t];
            int k1 = nonzero[t + 1];
            int k2 = nonzero[t + 2];
            int k3 = nonzero[t + 3];
            double xr0 = aRe[rowA + k0];
            double xi0 = aIm[rowA + k0];
            double xr1 = aRe[rowA + k1];
            double xi1 = aIm[rowA + k1];
            double xr2 = aRe[rowA + k2];
            double xi2 = aIm[rowA + k2];
            double xr3 = aRe[rowA + k3];
            double xi3 = aIm[rowA + k3];
            int b0 = k0 * n;
            int b1 = k1 * n;
            int b2 = k2 * n;
            int b3 = k3 * n;
            for (int j = j0; j < j1; j++) {
                double yr0 = bRe[b0 + j];
                double yi0 = bIm[b0 + j];
                double yr1 = bRe[b1 + j];
                double yi1 = bIm[b1 + j];
                double yr2 = bRe[b2 + j];
                double yi2 = bIm[b2 + j];
                double yr3 = bRe[b3 + j];
                double yi3 = bIm[b3 + j];
                double r = cRe[rowC + j];
                double i = cIm[rowC + j];
                r += xr0 * yr0 - xi0 * yi0;
                i += xr0 * yi0 + xi0 * yr0;
                r += xr1 * yr1 - xi1 * yi1;
                i += xr1 * yi1 + xi1 * yr1;
                r += xr2 * yr2 - xi2 * yi2;
                i += xr2 * yi2 + xi2 * yr2;
                r += xr3 * yr3 - xi3 * yi3;
                i += xr3 * yi3 + xi3 * yr3;
                cRe[rowC + j] = r;
                cIm[rowC + j] = i;
            }
        }
        for (; t < count; t++) {
            int k = nonzero[t];
            double xr = aRe[rowA + k];
            double xi = aIm[rowA + k];
            int b = k * n;
            for (int j = j0; j < j1; j++) {
                double yr = bRe[b + j];
                double yi = bIm[b + j];
                cRe[rowC + j] += xr * yr - xi * yi;
                cIm[rowC + j] += xr * yi + xi * yr;
            }
        }
    }
}
