package org.beable.quantum;

/**
 * An operator on one system of a layout, applied to kets of the whole space without being lifted
 * to it: {@code (1 ⊗ op ⊗ 1) ψ} costs n·d multiply-adds for a system of dimension d in a space
 * of dimension n, where the lifted matrix would hold n² entries.
 *
 * <p>A composite index splits as (left, level, right) ({@link SystemLayout}): the operator mixes
 * the d entries {@code ψ[(l·d + b)·right + r]}, b = 0 … d−1, of each (l, r) among themselves.
 */
public final class LocalOperator {
    private final int d;
    private final int left;
    private final int right;
    private final double[] opRe;
    private final double[] opIm;

    public LocalOperator(SystemLayout layout, int system, CMatrix op) {
        this.d = layout.dim(system);
        if (op.rows != d || op.cols != d) {
            throw new DimensionMismatch("an operator on system '" + layout.name(system) + "'", op.rows, op.cols, d, d);
        }
        int r = 1;
        for (int k = system + 1; k < layout.size(); k++) r *= layout.dim(k);
        this.right = r;
        this.left = layout.dimension() / (d * r);
        this.opRe = op.reals();
        this.opIm = op.imags();
    }

    /** The ket {@code (1 ⊗ op ⊗ 1) ψ}; ψ is not changed. */
    public CMatrix apply(CMatrix ket) {
        int n = left * d * right;
        if (!ket.isColumn() || ket.rows != n) throw new DimensionMismatch("apply a local operator", n, 1, ket.rows, ket.cols);
        double[] xr = ket.reals();
        double[] xi = ket.imags();
        double[] yr = new double[n];
        double[] yi = new double[n];
        for (int l = 0; l < left; l++) {
            int block = l * d * right;
            for (int a = 0; a < d; a++) {
                int out = block + a * right;
                for (int b = 0; b < d; b++) {
                    double mr = opRe[a * d + b];
                    double mi = opIm[a * d + b];
                    if (mr == 0.0 && mi == 0.0) continue;     // projectors onto basis states are mostly zeros
                    int in = block + b * right;
                    for (int r = 0; r < right; r++) {
                        yr[out + r] += mr * xr[in + r] - mi * xi[in + r];
                        yi[out + r] += mr * xi[in + r] + mi * xr[in + r];
                    }
                }
            }
        }
        return CMatrix.wrap(n, 1, yr, yi);
    }
}
