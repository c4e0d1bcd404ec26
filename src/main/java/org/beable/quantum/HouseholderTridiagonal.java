package org.beable.quantum;

import org.beable.concurrent.Cancellation;

/**
 * Reduction of a complex Hermitian matrix to real symmetric tridiagonal form by Householder
 * similarities, {@code A = Q T Q†} (the unblocked algorithm of LAPACK's {@code zhetd2}).
 *
 * <p>Step k reflects column k below the diagonal onto a real multiple of the first unit
 * vector with {@code H_k = I − τ_k v_k v_k†} ({@code H_k† x = β e₁}, β real as in
 * {@code zlarfg}), so T comes out real without a separate phase scaling. The trailing block is
 * updated with the Hermitian rank-2 form {@code A ← A − v w† − w v†}. Storage is split real
 * and imaginary, row-major, and every inner loop runs along a row so the JIT can vectorise it:
 * the product {@code A v} is accumulated row by row as {@code Σ_j conj(A_j·) v_j}, which is
 * {@code A v} because A is Hermitian.
 */
final class HouseholderTridiagonal {

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
     * Reduces the Hermitian matrix given by its row-major parts; {@code ar} and {@code ai} are
     * overwritten. Only Hermitian input is meaningful (the caller checks and symmetrises).
     *
     * <p>The matrix is read once per step: the rank-2 update of step k−1 is applied to each
     * row just before that row enters the product {@code A v} of step k, while it is in cache.
     */
    HouseholderTridiagonal(int n, double[] ar, double[] ai, Cancellation cancellation) {
        this.n = n;
        diagonal = new double[n];
        offDiagonal = new double[n];
        reflectorRe = new double[n][];
        reflectorIm = new double[n][];
        tauRe = new double[n];
        tauIm = new double[n];
        double[] wr = new double[n]; // pending update A ← A − v w† − w v† from the previous step
        double[] wi = new double[n];
        double[] nextWr = new double[n];
        double[] nextWi = new double[n];
        double[] pendingVr = null;
        double[] pendingVi = null;
        for (int k = 0; k < n; k++) {
            cancellation.throwIfCancelled();
            int row = k * n;
            if (pendingVr != null) {
                updateRow(ar, ai, row, k, pendingVr, pendingVi, wr, wi, k);
            }
            diagonal[k] = ar[row + k];
            if (k == n - 1) {
                break;
            }
            boolean reflects = reflect(ar, ai, k);
            double[] vr = reflectorRe[k];
            double[] vi = reflectorIm[k];
            if (reflects) {
                java.util.Arrays.fill(nextWr, k + 1, n, 0.0);
                java.util.Arrays.fill(nextWi, k + 1, n, 0.0);
            }
            for (int j = k + 1; j < n; j++) {
                if (pendingVr != null && reflects) {
                    updateRowAndAccumulate(ar, ai, j, k + 1, pendingVr, pendingVi, wr, wi, vr[j], vi[j], nextWr, nextWi);
                    continue;
                }
                if (pendingVr != null) {
                    updateRow(ar, ai, j * n, j, pendingVr, pendingVi, wr, wi, k + 1);
                }
                if (reflects) {
                    // A v = Σ_j conj(row j of A) v_j over the trailing block
                    double sr = vr[j];
                    double si = vi[j];
                    int rj = j * n;
                    for (int i = k + 1; i < n; i++) {
                        double a = ar[rj + i];
                        double b = -ai[rj + i];
                        nextWr[i] += a * sr - b * si;
                        nextWi[i] += a * si + b * sr;
                    }
                }
            }
            if (reflects) {
                completeUpdate(k, vr, vi, nextWr, nextWi);
                double[] swap = wr;
                wr = nextWr;
                nextWr = swap;
                swap = wi;
                wi = nextWi;
                nextWi = swap;
                pendingVr = vr;
                pendingVi = vi;
            } else {
                pendingVr = null;
                pendingVi = null;
            }
        }
        offDiagonal[n - 1] = 0.0;
    }

    /**
     * Builds reflector k from row k right of the diagonal (the conjugate of column k below
     * it), as {@code zlarfg} does; records β as the off-diagonal. Returns false when the
     * column is already reduced (H_k = I).
     */
    private boolean reflect(double[] ar, double[] ai, int k) {
        int row = k * n;
        double alphaR = ar[row + k + 1];
        double alphaI = -ai[row + k + 1];
        double tail = 0.0;
        for (int i = k + 2; i < n; i++) {
            tail += ar[row + i] * ar[row + i] + ai[row + i] * ai[row + i];
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
            double xr = ar[row + i];
            double xi = -ai[row + i];
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
     * {@link #updateRow} and the row's term of the next product in one pass:
     * {@code acc += conj(A_j·) s} over the columns from {@code from}.
     */
    private void updateRowAndAccumulate(double[] ar, double[] ai, int j, int from, double[] vr, double[] vi,
                                        double[] wr, double[] wi, double sr, double si,
                                        double[] accR, double[] accI) {
        int row = j * n;
        double vjr = vr[j];
        double vji = vi[j];
        double wjr = wr[j];
        double wji = wi[j];
        for (int i = from; i < n; i++) {
            double a = ar[row + i] - (vjr * wr[i] + vji * wi[i] + wjr * vr[i] + wji * vi[i]);
            double b = ai[row + i] - (vji * wr[i] - vjr * wi[i] + wji * vr[i] - wjr * vi[i]);
            ar[row + i] = a;
            ai[row + i] = b;
            accR[i] += a * sr + b * si;
            accI[i] += a * si - b * sr;
        }
    }

    /** Row j, columns from {@code from}: {@code A_ji −= v_j conj(w_i) + w_j conj(v_i)}. */
    private void updateRow(double[] ar, double[] ai, int row, int j, double[] vr, double[] vi,
                           double[] wr, double[] wi, int from) {
        double vjr = vr[j];
        double vji = vi[j];
        double wjr = wr[j];
        double wji = wi[j];
        for (int i = from; i < n; i++) {
            ar[row + i] -= vjr * wr[i] + vji * wi[i] + wjr * vr[i] + wji * vi[i];
            ai[row + i] -= vji * wr[i] - vjr * wi[i] + wji * vr[i] - wjr * vi[i];
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
        double[][] sr = new double[n][STRIP]; // the strip: row i holds entries i of its eigenvectors
        double[][] si = new double[n][STRIP];
        double[][] wr = new double[BLOCK][STRIP];
        double[][] wi = new double[BLOCK][STRIP];
        for (int first = 0; first < n; first += STRIP) {
            cancellation.throwIfCancelled();
            int width = Math.min(STRIP, n - first);
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(si[i], 0.0);
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
                        java.util.Arrays.copyOfRange(reflectorRe, from, from + size),
                        java.util.Arrays.copyOfRange(reflectorIm, from, from + size),
                        java.util.Arrays.copyOfRange(tauRe, from, from + size),
                        java.util.Arrays.copyOfRange(tauIm, from, from + size));
            }
        }
        return blocks;
    }
}
