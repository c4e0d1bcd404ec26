package org.beable.quantum;

import java.util.Arrays;

/**
 * A block of consecutive Householder reflectors {@code H_0 H_1 … H_{b−1}} ({@code H_j = I − τ_j
 * v_j v_j†}) in the compact WY form {@code I − V T V†} of LAPACK's {@code zlarft} (forward,
 * columnwise): V has the b vectors as columns, T is b × b upper triangular. Applying the block
 * to a matrix Y is then two level-3 products, {@code W = V† Y} and {@code Y ← Y − (V T) W},
 * instead of b passes over Y that each do a matrix-vector product: Y is read twice per block
 * rather than twice per reflector, and the inner loops are the two-term kernels of
 * {@link ComplexRows} along rows of Y and W.
 *
 * <p>Vector j has its leading 1 at row {@code top + j} and zeros above it (a reflector of a
 * Householder reduction); those zeros are multiplied along, since adding zero changes nothing
 * and rectangular loops are the ones that vectorise. A null vector stands for {@code H_j = I}.
 */
final class BlockReflector {

    private final int top;
    private final int count;
    private final double[][] vRe;
    private final double[][] vIm;
    /** The indices j of the vectors that are not null. */
    private final int[] active;
    /** V T, row-major over the rows from {@code top}: entry (r, j) at {@code (r − top) · count + j}. */
    private final double[] vtRe;
    private final double[] vtIm;

    /**
     * @param top first row touched: vector j is 1 at {@code top + j}, 0 above
     * @param vRe real parts of the b vectors, all of one length (kept, not copied; null for
     *            an identity reflector)
     * @param vIm imaginary parts, null where {@code vRe} is
     * @param tauRe real parts of the b scalars τ_j
     * @param tauIm imaginary parts of τ_j
     */
    BlockReflector(int top, double[][] vRe, double[][] vIm, double[] tauRe, double[] tauIm) {
        this.top = top;
        this.count = vRe.length;
        this.vRe = vRe;
        this.vIm = vIm;
        int[] nonNull = new int[count];
        int found = 0;
        int rows = 0;
        for (int j = 0; j < count; j++) {
            if (vRe[j] != null) {
                nonNull[found++] = j;
                rows = vRe[j].length;
            }
        }
        active = Arrays.copyOf(nonNull, found);
        double[] tRe = new double[count * count];
        double[] tIm = new double[count * count];
        buildT(rows, tauRe, tauIm, tRe, tIm);
        int height = Math.max(0, rows - top);
        vtRe = new double[height * count];
        vtIm = new double[height * count];
        for (int r = top; r < rows; r++) {
            int row = (r - top) * count;
            for (int m : active) {
                double ar = vRe[m][r];
                double ai = vIm[m][r];
                if (ar == 0.0 && ai == 0.0) {
                    continue;
                }
                for (int j = m; j < count; j++) {
                    double br = tRe[m * count + j];
                    double bi = tIm[m * count + j];
                    vtRe[row + j] += ar * br - ai * bi;
                    vtIm[row + j] += ar * bi + ai * br;
                }
            }
        }
    }

    /**
     * {@code zlarft}: column i of T is {@code T[i][i] = τ_i} below {@code T[0:i, i] =
     * −τ_i T[0:i, 0:i] (V[:, 0:i]† v_i)}, so that {@code (I − V T V†)(I − τ_i v_i v_i†)} keeps
     * the form with one more column. Columns of null vectors stay zero (τ = 0).
     */
    private void buildT(int rows, double[] tauRe, double[] tauIm, double[] tRe, double[] tIm) {
        double[] zRe = new double[count];
        double[] zIm = new double[count];
        for (int i : active) {
            double[] ar = vRe[i];
            double[] ai = vIm[i];
            Arrays.fill(zRe, 0.0);
            Arrays.fill(zIm, 0.0);
            for (int l : active) {
                if (l >= i) {
                    break;
                }
                // z_l = v_l† v_i over the rows where v_i is nonzero
                double[] br = vRe[l];
                double[] bi = vIm[l];
                double sr = 0.0;
                double si = 0.0;
                for (int r = top + i; r < rows; r++) {
                    sr += br[r] * ar[r] + bi[r] * ai[r];
                    si += br[r] * ai[r] - bi[r] * ar[r];
                }
                zRe[l] = sr;
                zIm[l] = si;
            }
            double taur = tauRe[i];
            double taui = tauIm[i];
            for (int m = 0; m < i; m++) {
                double sr = 0.0;
                double si = 0.0;
                for (int l = m; l < i; l++) {
                    double xr = tRe[m * count + l];
                    double xi = tIm[m * count + l];
                    sr += xr * zRe[l] - xi * zIm[l];
                    si += xr * zIm[l] + xi * zRe[l];
                }
                tRe[m * count + i] = -(taur * sr - taui * si);
                tIm[m * count + i] = -(taur * si + taui * sr);
            }
            tRe[i * count + i] = taur;
            tIm[i * count + i] = taui;
        }
    }

    /** Number of reflectors in the block. */
    int size() {
        return count;
    }

    /**
     * {@code Y ← (I − V T V†) Y} on columns {@code [0, width)} of the matrix whose rows are
     * {@code yRe[r], yIm[r]} (as many rows as the vectors are long); only rows from
     * {@code top} change. {@code wRe, wIm} are scratch: at least {@link #size()} rows of at
     * least {@code width}.
     */
    void apply(double[][] yRe, double[][] yIm, int width, double[][] wRe, double[][] wIm) {
        int rows = yRe.length;
        // W = V† Y: row j of W gathers conj(v_j[r]) · (row r of Y), two rows r at a time
        for (int j : active) {
            Arrays.fill(wRe[j], 0, width, 0.0);
            Arrays.fill(wIm[j], 0, width, 0.0);
        }
        int r = top;
        for (; r + 1 < rows; r += 2) {
            for (int j : active) {
                double[] br = vRe[j];
                double[] bi = vIm[j];
                ComplexRows.addTwo(wRe[j], wIm[j], yRe[r], yIm[r], yRe[r + 1], yIm[r + 1],
                        br[r], -bi[r], br[r + 1], -bi[r + 1], 0, width);
            }
        }
        if (r < rows) {
            for (int j : active) {
                ComplexRows.addOne(wRe[j], wIm[j], yRe[r], yIm[r], vRe[j][r], -vIm[j][r], 0, width);
            }
        }
        // Y −= (V T) W: row r of Y takes −(V T)[r][j] · (row j of W), two j at a time
        for (r = top; r < rows; r++) {
            int row = (r - top) * count;
            double[] tr = yRe[r];
            double[] ti = yIm[r];
            int a = 0;
            for (; a + 1 < active.length; a += 2) {
                int j = active[a];
                int k = active[a + 1];
                ComplexRows.addTwo(tr, ti, wRe[j], wIm[j], wRe[k], wIm[k],
                        -vtRe[row + j], -vtIm[row + j], -vtRe[row + k], -vtIm[row + k], 0, width);
            }
            if (a < active.length) {
                int j = active[a];
                ComplexRows.addOne(tr, ti, wRe[j], wIm[j], -vtRe[row + j], -vtIm[row + j], 0, width);
            }
        }
    }
}
