package org.beable.quantum;

import java.util.Arrays;

/**
 * Immutable sparse complex matrix in compressed sparse row (CSR) form: row r holds the entries
 * {@code rowStart[r] … rowStart[r+1]−1}, their columns ascending in {@code column}, their values
 * split in {@code re} and {@code im}.
 *
 * <p>Operators on many subsystems built from local terms — {@code on(X, q)} is
 * {@code I ⊗ X ⊗ I}, a Pauli string a product of such, a chain Hamiltonian their sum — have a
 * handful of entries per row, so sums, products, Kronecker products and products with kets stay
 * O(entries) instead of O(n²) or O(n³), and a 2^14-dimensional chain Hamiltonian takes a few MB.
 * Structural zeros are never stored; an entry that cancels to exactly zero is dropped.
 */
public final class SparseMatrix implements LinearOperator {

    /**
     * Spaces up to this dimension keep dense operators (and the exact arithmetic every existing
     * small result was computed with); above it the quantum bindings build sparse ones.
     */
    public static final int DENSE_UP_TO = RealEmbeddingEigen.LARGEST;

    public final int rows;
    public final int cols;
    private final int[] rowStart;
    private final int[] column;
    private final double[] re;
    private final double[] im;

    private SparseMatrix(int rows, int cols, int[] rowStart, int[] column, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.column = column;
        this.re = re;
        this.im = im;
    }

    // ---------------------------------------------------------------- factories

    /** The nonzero entries of a dense matrix. */
    public static SparseMatrix of(CMatrix m) {
        double[] mr = m.reals();
        double[] mi = m.imags();
        Builder b = new Builder(m.rows, m.cols, 4 * Math.max(m.rows, m.cols));
        for (int r = 0; r < m.rows; r++) {
            for (int c = 0; c < m.cols; c++) {
                b.add(c, mr[r * m.cols + c], mi[r * m.cols + c]);
            }
            b.endRow();
        }
        return b.build();
    }

    public static SparseMatrix identity(int n) {
        Builder b = new Builder(n, n, n);
        for (int r = 0; r < n; r++) {
            b.add(r, 1.0, 0.0);
            b.endRow();
        }
        return b.build();
    }

    /** {@code I_left ⊗ op ⊗ I_right}: an operator on one factor of a tensor product. */
    public static SparseMatrix embed(CMatrix op, int left, int right) {
        return identity(left).kron(of(op)).kron(identity(right));
    }

    // ---------------------------------------------------------------- access

    public int entries() { return rowStart[rows]; }

    /** Whether every stored entry is a finite number (the entries not stored are zeros). */
    public boolean isFinite() {
        for (int k = 0; k < entries(); k++) if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) return false;
        return true;
    }

    public boolean isSquare() { return rows == cols; }

    @Override
    public int dimension() {
        if (!isSquare()) {
            throw new IllegalStateException("a " + rows + "x" + cols + " matrix is not an operator");
        }
        return rows;
    }

    /** The dense matrix (n² memory: the caller checks the size). */
    public CMatrix toDense() {
        double[] dr = new double[Math.multiplyExact(rows, cols)];
        double[] di = new double[dr.length];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                dr[r * cols + column[k]] = re[k];
                di[r * cols + column[k]] = im[k];
            }
        }
        return CMatrix.wrap(rows, cols, dr, di);
    }

    // ---------------------------------------------------------------- arithmetic

    public SparseMatrix plus(SparseMatrix o) {
        return combine(o, 1.0);
    }

    public SparseMatrix minus(SparseMatrix o) {
        return combine(o, -1.0);
    }

    /** this + sign · o, row by row merging the sorted columns. */
    private SparseMatrix combine(SparseMatrix o, double sign) {
        if (rows != o.rows || cols != o.cols) {
            throw new DimensionMismatch(sign > 0 ? "plus" : "minus", rows, cols, o.rows, o.cols);
        }
        Builder b = new Builder(rows, cols, entries() + o.entries());
        for (int r = 0; r < rows; r++) {
            int p = rowStart[r];
            int q = o.rowStart[r];
            int pEnd = rowStart[r + 1];
            int qEnd = o.rowStart[r + 1];
            while (p < pEnd || q < qEnd) {
                int cp = p < pEnd ? column[p] : Integer.MAX_VALUE;
                int cq = q < qEnd ? o.column[q] : Integer.MAX_VALUE;
                if (cp < cq) {
                    b.add(cp, re[p], im[p]);
                    p++;
                } else if (cq < cp) {
                    b.add(cq, sign * o.re[q], sign * o.im[q]);
                    q++;
                } else {
                    b.add(cp, re[p] + sign * o.re[q], im[p] + sign * o.im[q]);
                    p++;
                    q++;
                }
            }
            b.endRow();
        }
        return b.build();
    }

    public SparseMatrix scale(double sr, double si) {
        double[] r = new double[entries()];
        double[] i = new double[entries()];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k] * sr - im[k] * si;
            i[k] = re[k] * si + im[k] * sr;
        }
        return new SparseMatrix(rows, cols, rowStart, column, r, i);
    }

    /** Conjugate transpose (a counting sort of the entries by column keeps rows sorted). */
    public SparseMatrix adjoint() {
        int[] start = new int[cols + 1];
        for (int k = 0; k < entries(); k++) {
            start[column[k] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, cols);
        int[] col = new int[entries()];
        double[] r = new double[entries()];
        double[] i = new double[entries()];
        for (int row = 0; row < rows; row++) {
            for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                int at = next[column[k]]++;
                col[at] = row;
                r[at] = re[k];
                i[at] = -im[k];
            }
        }
        return new SparseMatrix(cols, rows, start, col, r, i);
    }

    /** Sparse product {@code this · o} (Gustavson: one dense accumulator row). */
    public SparseMatrix times(SparseMatrix o) {
        if (cols != o.rows) {
            throw new DimensionMismatch("times", rows, cols, o.rows, o.cols);
        }
        double[] accR = new double[o.cols];
        double[] accI = new double[o.cols];
        int[] seenInRow = new int[o.cols];
        Arrays.fill(seenInRow, -1);
        int[] touched = new int[o.cols];
        Builder b = new Builder(rows, o.cols, Math.max(entries(), o.entries()));
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                double xr = re[k];
                double xi = im[k];
                int mid = column[k];
                for (int m = o.rowStart[mid]; m < o.rowStart[mid + 1]; m++) {
                    int c = o.column[m];
                    if (seenInRow[c] != r) {
                        seenInRow[c] = r;
                        touched[count++] = c;
                        accR[c] = 0.0;
                        accI[c] = 0.0;
                    }
                    accR[c] += xr * o.re[m] - xi * o.im[m];
                    accI[c] += xr * o.im[m] + xi * o.re[m];
                }
            }
            Arrays.sort(touched, 0, count);
            for (int t = 0; t < count; t++) {
                b.add(touched[t], accR[touched[t]], accI[touched[t]]);
            }
            b.endRow();
        }
        return b.build();
    }

    /** {@code this · m} for a dense m (a ket, or any matrix). */
    public CMatrix times(CMatrix m) {
        if (cols != m.rows) {
            throw new DimensionMismatch("times", rows, cols, m.rows, m.cols);
        }
        int w = m.cols;
        double[] mr = m.reals();
        double[] mi = m.imags();
        double[] outR = new double[Math.multiplyExact(rows, w)];
        double[] outI = new double[outR.length];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                double xr = re[k];
                double xi = im[k];
                int from = column[k] * w;
                int to = r * w;
                for (int j = 0; j < w; j++) {
                    outR[to + j] += xr * mr[from + j] - xi * mi[from + j];
                    outI[to + j] += xr * mi[from + j] + xi * mr[from + j];
                }
            }
        }
        return CMatrix.wrap(rows, w, outR, outI);
    }

    /** Kronecker product {@code this ⊗ o} (this the more significant factor). */
    public SparseMatrix kron(SparseMatrix o) {
        int outRows = Math.multiplyExact(rows, o.rows);
        int outCols = Math.multiplyExact(cols, o.cols);
        Builder b = new Builder(outRows, outCols, Math.multiplyExact(entries(), o.entries()));
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < o.rows; s++) {
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                    double xr = re[k];
                    double xi = im[k];
                    int base = column[k] * o.cols;
                    for (int m = o.rowStart[s]; m < o.rowStart[s + 1]; m++) {
                        b.add(base + o.column[m], xr * o.re[m] - xi * o.im[m], xr * o.im[m] + xi * o.re[m]);
                    }
                }
                b.endRow();
            }
        }
        return b.build();
    }

    @Override
    public void apply(double[] xr, double[] xi, double[] yr, double[] yi) {
        for (int r = 0; r < rows; r++) {
            double sr = 0.0;
            double si = 0.0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int c = column[k];
                sr += re[k] * xr[c] - im[k] * xi[c];
                si += re[k] * xi[c] + im[k] * xr[c];
            }
            yr[r] = sr;
            yi[r] = si;
        }
    }

    /** {@code ⟨ψ|this|ψ⟩} for a ket ψ. */
    public double[] expectation(CMatrix ket) {
        if (!ket.isColumn() || ket.rows != cols || !isSquare()) {
            throw new DimensionMismatch("expectation", rows, cols, ket.rows, ket.cols);
        }
        double[] xr = ket.reals();
        double[] xi = ket.imags();
        double[] yr = new double[rows];
        double[] yi = new double[rows];
        apply(xr, xi, yr, yi);
        double sr = 0.0;
        double si = 0.0;
        for (int k = 0; k < rows; k++) {
            sr += xr[k] * yr[k] + xi[k] * yi[k];
            si += xr[k] * yi[k] - xi[k] * yr[k];
        }
        return new double[] {sr, si};
    }

    /** {@code Tr(this · ρ)} for a dense ρ, in O(entries). */
    public double[] traceOfProduct(CMatrix rho) {
        if (cols != rho.rows || rows != rho.cols) {
            throw new DimensionMismatch("traceOfProduct", rows, cols, rho.rows, rho.cols);
        }
        double sr = 0.0;
        double si = 0.0;
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                double yr = rho.re(column[k], r);
                double yi = rho.im(column[k], r);
                sr += re[k] * yr - im[k] * yi;
                si += re[k] * yi + im[k] * yr;
            }
        }
        return new double[] {sr, si};
    }

    /** True if square and every entry is within {@code tol} of its mirror's conjugate. */
    public boolean isHermitian(double tol) {
        if (!isSquare()) {
            return false;
        }
        SparseMatrix d = minus(adjoint());
        for (int k = 0; k < d.entries(); k++) {
            if (!(Math.hypot(d.re[k], d.im[k]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** Appends rows of sorted entries, dropping exact zeros. */
    private static final class Builder {
        private final int rows;
        private final int cols;
        private final int[] rowStart;
        private int[] column;
        private double[] re;
        private double[] im;
        private int size;
        private int row;

        Builder(int rows, int cols, int capacity) {
            this.rows = rows;
            this.cols = cols;
            rowStart = new int[rows + 1];
            int c = Math.max(capacity, 4);
            column = new int[c];
            re = new double[c];
            im = new double[c];
        }

        void add(int c, double r, double i) {
            if (r == 0.0 && i == 0.0) {
                return;
            }
            if (size == column.length) {
                int grown = Math.max(8, size + (size >> 1));
                column = Arrays.copyOf(column, grown);
                re = Arrays.copyOf(re, grown);
                im = Arrays.copyOf(im, grown);
            }
            column[size] = c;
            re[size] = r;
            im[size] = i;
            size++;
        }

        void endRow() {
            rowStart[++row] = size;
        }

        SparseMatrix build() {
            if (row != rows) {
                throw new IllegalStateException(row + " of " + rows + " rows built");
            }
            return new SparseMatrix(rows, cols, rowStart, Arrays.copyOf(column, size),
                    Arrays.copyOf(re, size), Arrays.copyOf(im, size));
        }
    }
}
