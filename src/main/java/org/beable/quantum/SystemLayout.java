package org.beable.quantum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The declared subsystems of an experiment, in declaration order, and the index arithmetic
 * of their tensor product.
 *
 * <p>The first system is the most significant factor in Kronecker order, so the composite
 * basis index of levels {@code (l_0, …, l_{n−1})} is the mixed-radix number
 * {@code ((l_0 · d_1 + l_1) · d_2 + l_2) …}; for two qubits {@code |01> = |0>_first ⊗ |1>_second}
 * has index 1. Operators on one system and partial traces are computed directly from this
 * index map rather than by building Kronecker chains with identities.
 */
public final class SystemLayout {

    private final List<String> names;
    private final int[] dims;
    /** stride[k] = product of the dimensions of the systems after k (weight of its digit). */
    private final int[] stride;
    private final int dimension;

    public SystemLayout(List<String> names, int[] dims) {
        if (names.size() != dims.length) {
            throw new IllegalArgumentException(names.size() + " names but " + dims.length + " dimensions");
        }
        for (int k = 0; k < dims.length; k++) {
            String name = names.get(k);
            if (name == null) {
                throw new IllegalArgumentException("system " + k + " has no name");
            }
            if (names.indexOf(name) != k) {
                throw new IllegalArgumentException("system name '" + name + "' declared twice");
            }
            if (dims[k] < 1) {
                throw new IllegalArgumentException("system '" + name + "' has dimension " + dims[k]);
            }
        }
        this.names = List.copyOf(names);
        this.dims = dims.clone();
        this.stride = new int[dims.length];
        int d = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            stride[k] = d;
            d = Math.multiplyExact(d, dims[k]);
        }
        this.dimension = d;
    }

    /** Number of systems. */
    public int size() { return dims.length; }

    /** Dimension of the whole Hilbert space (product of the system dimensions; 1 if none). */
    public int dimension() { return dimension; }

    public int dim(int system) { return dims[system]; }

    public String name(int system) { return names.get(system); }

    /** Position of the system called {@code name}, or −1 if absent. */
    public int indexOf(String name) { return names.indexOf(name); }

    public List<String> names() { return names; }

    public int[] dims() { return dims.clone(); }

    /** {@link #embed(CMatrix, int)} as a sparse matrix: {@code I ⊗ op ⊗ I} with a few entries per row. */
    public SparseMatrix embedSparse(CMatrix op, int system) {
        checkSystem(system);
        int d = dims[system];
        if (op.rows != d || op.cols != d) {
            throw new DimensionMismatch("embed into system '" + names.get(system) + "'", op.rows, op.cols, d, d);
        }
        int right = stride[system];
        return SparseMatrix.embed(op, dimension / (d * right), right);
    }

    /**
     * {@code 1 ⊗ … ⊗ op ⊗ … ⊗ 1} with {@code op} acting on {@code system}.
     *
     * <p>Writing a composite index as (left, level, right), the result is
     * {@code op[a][b] δ(left, left') δ(right, right')}, so it is filled in place with
     * {@code dimension · dim(system)} writes.
     */
    public CMatrix embed(CMatrix op, int system) {
        checkSystem(system);
        int d = dims[system];
        if (op.rows != d || op.cols != d) {
            throw new DimensionMismatch("embed into system '" + names.get(system) + "'", op.rows, op.cols, d, d);
        }
        int right = stride[system];
        int left = dimension / (d * right);
        double[] opRe = op.reals();
        double[] opIm = op.imags();
        int n = dimension;
        double[] re = new double[Math.multiplyExact(n, n)];
        double[] im = new double[re.length];
        for (int l = 0; l < left; l++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double xr = opRe[a * d + b];
                    double xi = opIm[a * d + b];
                    if (xr == 0.0 && xi == 0.0) {
                        continue;
                    }
                    int row0 = (l * d + a) * right;
                    int col0 = (l * d + b) * right;
                    for (int r = 0; r < right; r++) {
                        int at = (row0 + r) * n + col0 + r;
                        re[at] = xr;
                        im[at] = xi;
                    }
                }
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    /**
     * Traces out every system not listed in {@code keep}. The kept systems may be listed in
     * any order; the result is ordered by system index ascending (matching {@link #keep(int[])}).
     * An empty {@code keep} gives the 1x1 matrix holding the full trace.
     */
    public CMatrix partialTrace(CMatrix rho, int[] keep) {
        if (rho.rows != dimension || rho.cols != dimension) {
            throw new DimensionMismatch("partialTrace", rho.rows, rho.cols, dimension, dimension);
        }
        int[] kept = normalisedKeep(keep);
        boolean[] isKept = new boolean[dims.length];
        for (int k : kept) {
            isKept[k] = true;
        }
        // Every composite index splits as keptOffset[i] + tracedOffset[t]; enumerate both parts.
        int[] keptOffset = offsets(isKept, true);
        int[] tracedOffset = offsets(isKept, false);
        double[] rr = rho.reals();
        double[] ri = rho.imags();
        int n = dimension;
        int m = keptOffset.length;
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double sr = 0.0;
                double si = 0.0;
                int base = keptOffset[i] * n + keptOffset[j];
                for (int t : tracedOffset) {
                    int at = base + t * n + t;
                    sr += rr[at];
                    si += ri[at];
                }
                re[i * m + j] = sr;
                im[i * m + j] = si;
            }
        }
        return CMatrix.wrap(m, m, re, im);
    }

    /** The layout of the kept systems, in ascending system order. */
    public SystemLayout keep(int[] keep) {
        int[] kept = normalisedKeep(keep);
        List<String> keptNames = new ArrayList<>(kept.length);
        int[] keptDims = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            keptNames.add(names.get(kept[k]));
            keptDims[k] = dims[kept[k]];
        }
        return new SystemLayout(keptNames, keptDims);
    }

    /**
     * Composite-index contributions of every assignment of levels to the selected systems
     * (kept or traced), enumerated in mixed-radix order so that the most significant selected
     * system varies slowest — which is exactly the index order of the reduced matrix.
     */
    private int[] offsets(boolean[] isKept, boolean select) {
        int count = 1;
        for (int k = 0; k < dims.length; k++) {
            if (isKept[k] == select) {
                count *= dims[k];
            }
        }
        int[] out = new int[count];
        int filled = 1; // out[0] = 0: all selected systems at level 0
        for (int k = dims.length - 1; k >= 0; k--) { // least significant first
            if (isKept[k] != select) {
                continue;
            }
            // Each existing entry (lower systems) is repeated for each level of system k, with
            // system k becoming the new most significant digit.
            for (int level = dims[k] - 1; level >= 1; level--) {
                for (int e = 0; e < filled; e++) {
                    out[level * filled + e] = out[e] + level * stride[k];
                }
            }
            filled *= dims[k];
        }
        return out;
    }

    private int[] normalisedKeep(int[] keep) {
        int[] kept = keep.clone();
        Arrays.sort(kept);
        for (int k = 0; k < kept.length; k++) {
            checkSystem(kept[k]);
            if (k > 0 && kept[k] == kept[k - 1]) {
                throw new IllegalArgumentException("system " + kept[k] + " listed twice");
            }
        }
        return kept;
    }

    private void checkSystem(int system) {
        if (system < 0 || system >= dims.length) {
            throw new IndexOutOfBoundsException("no system " + system + " in a layout of " + dims.length);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SystemLayout s && s.names.equals(names) && Arrays.equals(s.dims, dims);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SystemLayout[");
        for (int k = 0; k < dims.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(names.get(k)).append(':').append(dims[k]);
        }
        return sb.append(']').toString();
    }
}
