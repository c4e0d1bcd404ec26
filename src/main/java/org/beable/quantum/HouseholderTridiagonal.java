package org.beable.quantum;

import java.util.Arrays;

import org.beable.concurrent.Cancellation;

/**
 * Reduction of a complex Hermitian matrix to real symmetric tridiagonal form by Householder
 * similarities, {@code A = Q T Q†} (LAPACK's {@code zhetrd}: panels as in {@code zlatrd}, the
 * last columns as in {@code zhetd2}).
 *
 * <p>Step k reflects column k below the diagonal onto a real multiple of the first unit
 * vector with {@code H_k = I − τ_k v_k v_k†} ({@code H_k† x = β e₁}, β real as in
 * {@code zlarfg}), so T comes out real without a separate phase scaling. The trailing block
 * then becomes {@code A − v w† − w v†}. Unblocked, that rank-2 update rewrites the trailing
 * block at every step; in a panel of {@link #PANEL} steps the pairs (v, w) are collected
 * instead, each step's column and product {@code A v} corrected for the pairs so far, and the
 * trailing block is rewritten once per panel by the rank-2·PANEL update
 * {@code A − V W† − W V†}: half the memory traffic, and the update a level-3 product.
 *
 * <p>Rows are separate arrays, split real and imaginary, and every inner loop is a
 * {@link ComplexRows} kernel along a row. The product {@code A v} is accumulated row by row in
 * conjugated form, {@code conj(A v) = Σ_j conj(v_j) A_j·} (A is Hermitian), so it too is a
 * plain multiply-add of rows.
 */
final class HouseholderTridiagonal {

    /** Steps per panel of the blocked reduction. */
    static final int PANEL = 32;
    /** Trailing size from which on the remaining steps run unblocked. */
    static final int CROSSOVER = 128;

    private final int n;
    /** Diagonal of T. */
    final double[] diagonal;
    /** Off-diagonal of T: {@code offDiagonal[k]} couples k and k+1; the last entry is 0. */
    final double[] offDiagonal;
    // Reflector k lives in reflectorRe[k], reflectorIm[k] over indices k+1..n-1 (v[k+1] = 1).
    private final double[][] reflectorRe;
    private final double[][] reflectorIm;
    private final double[] tauRe;
    private final double[] tauIm;

    /**
     * Reduces the Hermitian matrix given by its row-major parts (not modified). Only
     * Hermitian input is meaningful (the caller checks and symmetrises).
     */
    HouseholderTridiagonal(int n, double[] ar, double[] ai, Cancellation cancellation) {
        this(n, ar, ai, PANEL, CROSSOVER, cancellation);
    }

    /**
     * The reduction with panels of {@code panel} steps while more than {@code crossover} (and
     * more than {@code panel}) rows remain, the rest unblocked; {@code panel} 0 is unblocked
     * throughout. Tests compare the two and use small panels.
     */
    HouseholderTridiagonal(int n, double[] ar, double[] ai, int panel, int crossover, Cancellation cancellation) {
        this.n = n;
        diagonal = new double[n];
        offDiagonal = new double[n];
        reflectorRe = new double[n][];
        reflectorIm = new double[n][];
        tauRe = new double[n];
        tauIm = new double[n];
        double[][] re = new double[n][];
        double[][] im = new double[n][];
        for (int r = 0; r < n; r++) {
            re[r] = Arrays.copyOfRange(ar, r * n, (r + 1) * n);
            im[r] = Arrays.copyOfRange(ai, r * n, (r + 1) * n);
        }
        int k = 0;
        if (panel > 0) {
            Panel work = new Panel(panel);
            for (; n - k > Math.max(crossover, panel); k += panel) {
                work.reduce(re, im, k, cancellation);
            }
        }
        reduceUnblocked(re, im, k, cancellation);
        offDiagonal[n - 1] = 0.0;
    }

    /**
     * Steps {@code from} … n−1 one at a time ({@code zhetd2}). The matrix is read once per
     * step: the rank-2 update of step k−1 is applied to each row just before that row enters
     * the product {@code A v} of step k, while it is in cache.
     */
    private void reduceUnblocked(double[][] re, double[][] im, int from, Cancellation cancellation) {
        // pending update A ← A − v w† − w v† from the previous step: v, w and their conjugates,
        // the rows the update adds (with coefficients −v_j, −w_j)
        double[] cwr = new double[n];
        double[] cwi = new double[n];
        double[] cvr = new double[n];
        double[] cvi = new double[n];
        double[] pr = new double[n]; // the product A v, accumulated conjugated
        double[] pi = new double[n];
        double[] pendingVr = null;
        double[] pendingVi = null;
        double[] pendingWr = new double[n];
        double[] pendingWi = new double[n];
        for (int k = from; k < n; k++) {
            cancellation.throwIfCancelled();
            if (pendingVr != null) {
                ComplexRows.addTwo(re[k], im[k], cwr, cwi, cvr, cvi,
                        -pendingVr[k], -pendingVi[k], -pendingWr[k], -pendingWi[k], k, n);
            }
            diagonal[k] = re[k][k];
            if (k == n - 1) {
                break;
            }
            boolean reflects = reflect(re[k], im[k], k);
            double[] vr = reflectorRe[k];
            double[] vi = reflectorIm[k];
            if (reflects) {
                Arrays.fill(pr, k + 1, n, 0.0);
                Arrays.fill(pi, k + 1, n, 0.0);
            }
            for (int j = k + 1; j < n; j++) {
                if (pendingVr != null) {
                    ComplexRows.addTwo(re[j], im[j], cwr, cwi, cvr, cvi,
                            -pendingVr[j], -pendingVi[j], -pendingWr[j], -pendingWi[j], k + 1, n);
                }
                if (reflects) {
                    ComplexRows.addOne(pr, pi, re[j], im[j], vr[j], -vi[j], k + 1, n);
                }
            }
            if (reflects) {
                conjugate(pi, k + 1);
                completeUpdate(k, vr, vi, pr, pi);
                double[] swap = pendingWr;
                pendingWr = pr;
                pr = swap;
                swap = pendingWi;
                pendingWi = pi;
                pi = swap;
                pendingVr = vr;
                pendingVi = vi;
                for (int i = k + 1; i < n; i++) {
                    cwr[i] = pendingWr[i];
                    cwi[i] = -pendingWi[i];
                    cvr[i] = vr[i];
                    cvi[i] = -vi[i];
                }
            } else {
                pendingVr = null;
                pendingVi = null;
            }
        }
    }

    /**
     * One panel of steps p … p+b−1 ({@code zlatrd}), then the update of the trailing block
     * from row and column p+b. Inside the panel the matrix rows from p+1 are those at its
     * start; A_cur = A − Σ (v_m w_m† + w_m v_m†) over the panel's earlier steps m is never
     * formed: row k is corrected when its step comes, and {@code A_cur v = A v − Σ (v_m x_m +
     * w_m y_m)} with {@code x_m = w_m† v}, {@code y_m = v_m† v}.
     */
    private final class Panel {
        private final int size;
        /** Step m's v_m and w_m conjugated, as rows over the whole index range. */
        private final double[][] cvRe;
        private final double[][] cvIm;
        private final double[][] cwRe;
        private final double[][] cwIm;
        /** The same transposed: {@code vRows[j][m] = v_m[j]}, for x and y as row kernels too. */
        private final double[][] vRowsRe;
        private final double[][] vRowsIm;
        private final double[][] wRowsRe;
        private final double[][] wRowsIm;

        Panel(int size) {
            this.size = size;
            cvRe = new double[size][n];
            cvIm = new double[size][n];
            cwRe = new double[size][n];
            cwIm = new double[size][n];
            vRowsRe = new double[n][size];
            vRowsIm = new double[n][size];
            wRowsRe = new double[n][size];
            wRowsIm = new double[n][size];
        }

        void reduce(double[][] re, double[][] im, int p, Cancellation cancellation) {
            double[] pr = new double[n];
            double[] pi = new double[n];
            double[] xr = new double[size]; // conj(x_m) and conj(y_m)
            double[] xi = new double[size];
            double[] yr = new double[size];
            double[] yi = new double[size];
            for (int m = 0; m < size; m++) {
                Arrays.fill(cvRe[m], 0.0);
                Arrays.fill(cvIm[m], 0.0);
                Arrays.fill(cwRe[m], 0.0);
                Arrays.fill(cwIm[m], 0.0);
            }
            for (int j = p; j < n; j++) {
                Arrays.fill(vRowsRe[j], 0.0);
                Arrays.fill(vRowsIm[j], 0.0);
                Arrays.fill(wRowsRe[j], 0.0);
                Arrays.fill(wRowsIm[j], 0.0);
            }
            for (int l = 0; l < size; l++) {
                cancellation.throwIfCancelled();
                int k = p + l;
                correctRow(re[k], im[k], k, l, k);
                diagonal[k] = re[k][k];
                if (!reflect(re[k], im[k], k)) {
                    continue; // v_l = w_l = 0: nothing to carry
                }
                double[] vr = reflectorRe[k];
                double[] vi = reflectorIm[k];
                // conj(A v) over the trailing block, two rows at a time
                Arrays.fill(pr, 0.0);
                Arrays.fill(pi, 0.0);
                int j = k + 1;
                for (; j + 1 < n; j += 2) {
                    ComplexRows.addTwo(pr, pi, re[j], im[j], re[j + 1], im[j + 1],
                            vr[j], -vi[j], vr[j + 1], -vi[j + 1], k + 1, n);
                }
                if (j < n) {
                    ComplexRows.addOne(pr, pi, re[j], im[j], vr[j], -vi[j], k + 1, n);
                }
                // conj(x) = Σ_j conj(v_j) w_·[j], conj(y) likewise with the v's
                Arrays.fill(xr, 0.0);
                Arrays.fill(xi, 0.0);
                Arrays.fill(yr, 0.0);
                Arrays.fill(yi, 0.0);
                if (l > 0) {
                    for (j = k + 1; j < n; j++) {
                        ComplexRows.addOne(xr, xi, wRowsRe[j], wRowsIm[j], vr[j], -vi[j], 0, l);
                        ComplexRows.addOne(yr, yi, vRowsRe[j], vRowsIm[j], vr[j], -vi[j], 0, l);
                    }
                }
                // conj(A_cur v) = conj(A v) − Σ (conj(x_m) conj(v_m) + conj(y_m) conj(w_m))
                for (int m = 0; m < l; m++) {
                    ComplexRows.addTwo(pr, pi, cvRe[m], cvIm[m], cwRe[m], cwIm[m],
                            -xr[m], -xi[m], -yr[m], -yi[m], k + 1, n);
                }
                conjugate(pi, k + 1);
                completeUpdate(k, vr, vi, pr, pi);
                for (j = k + 1; j < n; j++) {
                    cvRe[l][j] = vr[j];
                    cvIm[l][j] = -vi[j];
                    cwRe[l][j] = pr[j];
                    cwIm[l][j] = -pi[j];
                    vRowsRe[j][l] = vr[j];
                    vRowsIm[j][l] = vi[j];
                    wRowsRe[j][l] = pr[j];
                    wRowsIm[j][l] = pi[j];
                }
            }
            // A ← A − V W† − W V† on the trailing block
            int end = p + size;
            for (int r = end; r < n; r++) {
                correctRow(re[r], im[r], r, size, end);
                if ((r & 63) == 0) {
                    cancellation.throwIfCancelled();
                }
            }
        }

        /**
         * Row r, columns from {@code from}: {@code A_r· −= Σ_{m<steps} (v_m[r] conj(w_m) +
         * w_m[r] conj(v_m))}.
         */
        private void correctRow(double[] rowRe, double[] rowIm, int r, int steps, int from) {
            for (int m = 0; m < steps; m++) {
                double ar = vRowsRe[r][m];
                double ai = vRowsIm[r][m];
                double br = wRowsRe[r][m];
                double bi = wRowsIm[r][m];
                if (ar == 0.0 && ai == 0.0 && br == 0.0 && bi == 0.0) {
                    continue;
                }
                ComplexRows.addTwo(rowRe, rowIm, cwRe[m], cwIm[m], cvRe[m], cvIm[m], -ar, -ai, -br, -bi, from, n);
            }
        }
    }

    /** Negates {@code a[from …]}: turns the imaginary part of a conjugated vector back. */
    private void conjugate(double[] a, int from) {
        for (int i = from; i < n; i++) {
            a[i] = -a[i];
        }
    }

    /**
     * Builds reflector k from row k right of the diagonal (the conjugate of column k below
     * it), as {@code zlarfg} does; records β as the off-diagonal. Returns false when the
     * column is already reduced (H_k = I).
     */
    private boolean reflect(double[] rowRe, double[] rowIm, int k) {
        double alphaR = rowRe[k + 1];
        double alphaI = -rowIm[k + 1];
        double tail = 0.0;
        for (int i = k + 2; i < n; i++) {
            tail += rowRe[i] * rowRe[i] + rowIm[i] * rowIm[i];
        }
        if (tail == 0.0 && alphaI == 0.0) {
            offDiagonal[k] = alphaR;
            return false;
        }
        double beta = -Math.copySign(Math.sqrt(alphaR * alphaR + alphaI * alphaI + tail), alphaR);
        tauRe[k] = (beta - alphaR) / beta;
        tauIm[k] = -alphaI / beta;
        // v = x / (α − β) below its leading 1
        double dr = alphaR - beta;
        double di = alphaI;
        double dd = dr * dr + di * di;
        double qr = dr / dd;
        double qi = -di / dd;
        double[] vr = new double[n];
        double[] vi = new double[n];
        vr[k + 1] = 1.0;
        for (int i = k + 2; i < n; i++) {
            double xr = rowRe[i];
            double xi = -rowIm[i];
            vr[i] = xr * qr - xi * qi;
            vi[i] = xr * qi + xi * qr;
        }
        offDiagonal[k] = beta;
        reflectorRe[k] = vr;
        reflectorIm[k] = vi;
        return true;
    }

    /**
     * Turns {@code w = A v} into the update vector of {@code A ← H† A H}: with {@code p = τ A v},
     * {@code w = p − ½ τ (p† v) v}, so that {@code H† A H = A − v w† − w v†}.
     */
    private void completeUpdate(int k, double[] vr, double[] vi, double[] wr, double[] wi) {
        double tr = tauRe[k];
        double ti = tauIm[k];
        double dotR = 0.0;
        double dotI = 0.0;
        for (int i = k + 1; i < n; i++) {
            double pr = tr * wr[i] - ti * wi[i];
            double pi = tr * wi[i] + ti * wr[i];
            wr[i] = pr;
            wi[i] = pi;
            dotR += pr * vr[i] + pi * vi[i];
            dotI += pr * vi[i] - pi * vr[i];
        }
        double alphaR = -0.5 * (tr * dotR - ti * dotI);
        double alphaI = -0.5 * (tr * dotI + ti * dotR);
        for (int i = k + 1; i < n; i++) {
            wr[i] += alphaR * vr[i] - alphaI * vi[i];
            wi[i] += alphaR * vi[i] + alphaI * vr[i];
        }
    }

    /**
     * Eigenvectors of A from those of T: {@code Q Z = H_0 H_1 … H_{n−2} Z}. {@code zRows[j]}
     * is the j-th eigenvector of T; returns the row-major parts of the n×n matrix whose
     * column j is the j-th eigenvector of A.
     *
     * <p>The reflectors are grouped {@link #BLOCK} at a time into {@link BlockReflector}s
     * (compact WY form), so the work is level-3 products rather than one matrix-vector
     * product per reflector; and the blocks are applied to a strip of {@link #STRIP} columns
     * at a time, so the strip stays in cache while all of them pass over it.
     */
    double[][] backTransform(double[][] zRows, Cancellation cancellation) {
        BlockReflector[] blocks = blocks();
        double[] yr = new double[n * n];
        double[] yi = new double[n * n];
        int strip = Math.min(STRIP, n);
        double[][] sr = new double[n][strip]; // the strip: row i holds entries i of its eigenvectors
        double[][] si = new double[n][strip];
        double[][] wr = new double[BLOCK][strip];
        double[][] wi = new double[BLOCK][strip];
        for (int first = 0; first < n; first += strip) {
            cancellation.throwIfCancelled();
            int width = Math.min(strip, n - first);
            for (int i = 0; i < n; i++) {
                Arrays.fill(si[i], 0.0);
                for (int j = 0; j < width; j++) {
                    sr[i][j] = zRows[first + j][i];
                }
            }
            for (int b = blocks.length - 1; b >= 0; b--) {
                if (blocks[b] != null) {
                    blocks[b].apply(sr, si, width, wr, wi);
                    cancellation.throwIfCancelled(); // a strip of a large matrix takes a while
                }
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(sr[i], 0, yr, i * n + first, width);
                System.arraycopy(si[i], 0, yi, i * n + first, width);
            }
        }
        return new double[][] {yr, yi};
    }

    /**
     * Reflectors per block of the back-transformation. Measured (n = 512, 1024): 8 to 16 are
     * equally fast, 32 and 64 slower, because the block's W (BLOCK × STRIP) must stay in L1.
     */
    static final int BLOCK = 16;
    /** Columns of the eigenvector matrix per strip: 128 measured best of 32 … 256. */
    static final int STRIP = 128;

    /** H_0 … H_{n−2} in blocks of {@link #BLOCK}; null for a block of identities. */
    private BlockReflector[] blocks() {
        int reflectors = n - 1;
        BlockReflector[] blocks = new BlockReflector[(reflectors + BLOCK - 1) / BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            int from = b * BLOCK;
            int size = Math.min(BLOCK, reflectors - from);
            boolean any = false;
            for (int k = from; k < from + size; k++) {
                any |= reflectorRe[k] != null;
            }
            if (any) {
                blocks[b] = new BlockReflector(from + 1,
                        Arrays.copyOfRange(reflectorRe, from, from + size),
                        Arrays.copyOfRange(reflectorIm, from, from + size),
                        Arrays.copyOfRange(tauRe, from, from + size),
                        Arrays.copyOfRange(tauIm, from, from + size));
            }
        }
        return blocks;
    }
}
