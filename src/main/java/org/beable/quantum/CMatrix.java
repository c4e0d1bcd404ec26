package org.beable.quantum;

import java.util.Arrays;

import org.apache.commons.math3.complex.Complex;

/**
 * Immutable dense complex matrix.
 *
 * <p>Entries are stored row-major in two primitive arrays, {@code re} and {@code im}, so the
 * hot loops (products, Kronecker products, traces) never allocate a boxed {@link Complex}.
 * Every operation returns a new matrix; nothing mutates an existing one. A ket is a column
 * vector ({@code n x 1}); a bra is its {@link #adjoint()}.
 */
public final class CMatrix {

    public final int rows;
    public final int cols;
    // Row-major: entry (r, c) lives at index r * cols + c. Never exposed, never mutated after construction.
    private final double[] re;
    private final double[] im;

    private CMatrix(int rows, int cols, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    // ---------------------------------------------------------------- factories

    public static CMatrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        int n = Math.multiplyExact(rows, cols);
        return new CMatrix(rows, cols, new double[n], new double[n]);
    }

    public static CMatrix identity(int n) {
        CMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.re[i * n + i] = 1.0;
        }
        return m;
    }

    /** Copies rectangular arrays {@code re[row][col]}; {@code im} may be null for a real matrix. */
    public static CMatrix of(double[][] re, double[][] im) {
        int rows = re.length;
        int cols = rows == 0 ? 0 : re[0].length;
        checkShape(rows, cols);
        if (im != null && im.length != rows) {
            throw new IllegalArgumentException("imaginary part has " + im.length + " rows, real part " + rows);
        }
        CMatrix m = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            if (re[r].length != cols || (im != null && im[r].length != cols)) {
                throw new IllegalArgumentException("row " + r + " does not have " + cols + " columns");
            }
            System.arraycopy(re[r], 0, m.re, r * cols, cols);
            if (im != null) {
                System.arraycopy(im[r], 0, m.im, r * cols, cols);
            }
        }
        return m;
    }

    /**
     * Wraps row-major arrays without copying: the caller hands over ownership and must not
     * touch them afterwards. This is the cheap exit for code that fills arrays in a hot loop.
     * {@code im} may be null for a real matrix.
     */
    public static CMatrix wrap(int rows, int cols, double[] re, double[] im) {
        checkShape(rows, cols);
        int n = Math.multiplyExact(rows, cols);
        if (im == null) {
            im = new double[n];
        }
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs arrays of length "
                    + n + ", got " + re.length + " and " + im.length);
        }
        return new CMatrix(rows, cols, re, im);
    }

    /** A column vector (ket); {@code im} may be null. */
    public static CMatrix column(double[] re, double[] im) {
        if (im != null && im.length != re.length) {
            throw new IllegalArgumentException("real part has " + re.length + " entries, imaginary " + im.length);
        }
        return wrap(re.length, 1, re.clone(), im == null ? null : im.clone());
    }

    /** A real diagonal matrix. */
    public static CMatrix diagonal(double[] d) {
        CMatrix m = zeros(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.re[i * d.length + i] = d[i];
        }
        return m;
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, got "
                    + rows + "x" + cols);
        }
    }

    // ---------------------------------------------------------------- access

    public double re(int r, int c) { return re[index(r, c)]; }

    public double im(int r, int c) { return im[index(r, c)]; }

    public Complex get(int r, int c) {
        int i = index(r, c);
        return new Complex(re[i], im[i]);
    }

    /** Row-major real parts (a copy). */
    public double[] reals() { return re.clone(); }

    /** Row-major imaginary parts (a copy). */
    public double[] imags() { return im.clone(); }

    /** Column {@code c} as a ket. */
    public CMatrix columnAt(int c) {
        index(0, c);
        double[] r = new double[rows];
        double[] i = new double[rows];
        for (int k = 0; k < rows; k++) {
            r[k] = re[k * cols + c];
            i[k] = im[k * cols + c];
        }
        return new CMatrix(rows, 1, r, i);
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside a " + rows + "x" + cols + " matrix");
        }
        return r * cols + c;
    }

    // ---------------------------------------------------------------- arithmetic

    public CMatrix plus(CMatrix o) {
        requireSameShape("plus", o);
        int n = re.length;
        double[] r = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = re[k] + o.re[k];
            i[k] = im[k] + o.im[k];
        }
        return new CMatrix(rows, cols, r, i);
    }

    public CMatrix minus(CMatrix o) {
        requireSameShape("minus", o);
        int n = re.length;
        double[] r = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = re[k] - o.re[k];
            i[k] = im[k] - o.im[k];
        }
        return new CMatrix(rows, cols, r, i);
    }

    /** Matrix product {@code this · o}. */
    public CMatrix times(CMatrix o) {
        if (cols != o.rows) {
            throw new DimensionMismatch("times", rows, cols, o.rows, o.cols);
        }
        int n = o.cols;
        double[] r = new double[rows * n];
        double[] i = new double[rows * n];
        ComplexProduct.multiply(rows, cols, n, re, im, o.re, o.im, r, i);
        return new CMatrix(rows, n, r, i);
    }

    public CMatrix scale(double s) {
        return scale(s, 0.0);
    }

    public CMatrix scale(double sr, double si) {
        int n = re.length;
        double[] r = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = re[k] * sr - im[k] * si;
            i[k] = re[k] * si + im[k] * sr;
        }
        return new CMatrix(rows, cols, r, i);
    }

    public CMatrix scale(Complex c) {
        return scale(c.getReal(), c.getImaginary());
    }

    /** Tensor product {@code this ⊗ o}: this is the more significant factor. */
    public CMatrix kron(CMatrix o) {
        int outRows = Math.multiplyExact(rows, o.rows);
        int outCols = Math.multiplyExact(cols, o.cols);
        double[] r = new double[Math.multiplyExact(outRows, outCols)];
        double[] i = new double[r.length];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                double xr = re[a * cols + b];
                double xi = im[a * cols + b];
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                for (int c = 0; c < o.rows; c++) {
                    int out = (a * o.rows + c) * outCols + b * o.cols;
                    int in = c * o.cols;
                    for (int d = 0; d < o.cols; d++) {
                        double yr = o.re[in + d];
                        double yi = o.im[in + d];
                        r[out + d] = xr * yr - xi * yi;
                        i[out + d] = xr * yi + xi * yr;
                    }
                }
            }
        }
        return new CMatrix(outRows, outCols, r, i);
    }

    /** Conjugate transpose. */
    public CMatrix adjoint() {
        double[] r = new double[re.length];
        double[] i = new double[im.length];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                r[b * rows + a] = re[a * cols + b];
                i[b * rows + a] = -im[a * cols + b];
            }
        }
        return new CMatrix(cols, rows, r, i);
    }

    public CMatrix transpose() {
        double[] r = new double[re.length];
        double[] i = new double[im.length];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                r[b * rows + a] = re[a * cols + b];
                i[b * rows + a] = im[a * cols + b];
            }
        }
        return new CMatrix(cols, rows, r, i);
    }

    public CMatrix conjugate() {
        double[] i = new double[im.length];
        for (int k = 0; k < i.length; k++) {
            i[k] = -im[k];
        }
        return new CMatrix(rows, cols, re.clone(), i);
    }

    /** {@code u · this · u†}: the unitary evolution (or change of basis) of an operator. */
    public CMatrix conjugateBy(CMatrix u) {
        return u.times(this).times(u.adjoint());
    }

    public Complex trace() {
        requireSquare("trace");
        double r = 0.0;
        double i = 0.0;
        for (int k = 0; k < rows; k++) {
            r += re[k * cols + k];
            i += im[k * cols + k];
        }
        return new Complex(r, i);
    }

    /**
     * {@code Tr(this · o)} in O(n²) without forming the product; the Born rule needs only this.
     */
    public Complex traceOfProduct(CMatrix o) {
        if (cols != o.rows || rows != o.cols) {
            throw new DimensionMismatch("traceOfProduct", rows, cols, o.rows, o.cols);
        }
        double r = 0.0;
        double i = 0.0;
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                double xr = re[a * cols + b];
                double xi = im[a * cols + b];
                double yr = o.re[b * rows + a];
                double yi = o.im[b * rows + a];
                r += xr * yr - xi * yi;
                i += xr * yi + xi * yr;
            }
        }
        return new Complex(r, i);
    }

    /** Frobenius norm; for a vector this is its 2-norm. */
    public double norm() {
        // Summing squares directly is fine for physical states (entries are O(1)); hypot-style
        // rescaling would cost a division per entry for no benefit here.
        double s = 0.0;
        for (int k = 0; k < re.length; k++) {
            s += re[k] * re[k] + im[k] * im[k];
        }
        return Math.sqrt(s);
    }

    /** {@code <this|ket>} for two column vectors of equal length (this is conjugated). */
    public Complex inner(CMatrix ket) {
        if (!isColumn() || !ket.isColumn() || rows != ket.rows) {
            throw new DimensionMismatch("inner", rows, cols, ket.rows, ket.cols);
        }
        double r = 0.0;
        double i = 0.0;
        for (int k = 0; k < rows; k++) {
            r += re[k] * ket.re[k] + im[k] * ket.im[k];
            i += re[k] * ket.im[k] - im[k] * ket.re[k];
        }
        return new Complex(r, i);
    }

    /** {@code |this><this|} for a column vector (not normalised: the caller's ket is used as is). */
    public CMatrix projector() {
        if (!isColumn()) {
            throw new IllegalArgumentException("projector needs a column vector, got " + rows + "x" + cols);
        }
        int n = rows;
        double[] r = new double[n * n];
        double[] i = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                // v_a * conj(v_b)
                r[a * n + b] = re[a] * re[b] + im[a] * im[b];
                i[a * n + b] = im[a] * re[b] - re[a] * im[b];
            }
        }
        return new CMatrix(n, n, r, i);
    }

    /**
     * This square matrix as a {@link LinearOperator} for methods that only multiply vectors
     * ({@link KrylovEvolution}); the arrays are shared, which is safe because they never change.
     */
    public LinearOperator asLinearOperator() {
        requireSquare("asLinearOperator");
        return new LinearOperator() {
            @Override
            public int dimension() {
                return rows;
            }

            @Override
            public void apply(double[] xr, double[] xi, double[] yr, double[] yi) {
                for (int a = 0; a < rows; a++) {
                    int row = a * cols;
                    double sr = 0.0;
                    double si = 0.0;
                    for (int b = 0; b < cols; b++) {
                        double mr = re[row + b];
                        double mi = im[row + b];
                        sr += mr * xr[b] - mi * xi[b];
                        si += mr * xi[b] + mi * xr[b];
                    }
                    yr[a] = sr;
                    yi[a] = si;
                }
            }
        };
    }

    // ---------------------------------------------------------------- predicates

    public boolean isSquare() { return rows == cols; }

    public boolean isColumn() { return cols == 1; }

    public boolean isRow() { return rows == 1; }

    /** True if square and every {@code |a_rc − conj(a_cr)| <= tol} (absolute tolerance). */
    public boolean isHermitian(double tol) {
        if (!isSquare()) {
            return false;
        }
        for (int a = 0; a < rows; a++) {
            for (int b = a; b < cols; b++) {
                double dr = re[a * cols + b] - re[b * cols + a];
                double di = im[a * cols + b] + im[b * cols + a];
                if (!(Math.hypot(dr, di) <= tol)) { // negated so that NaN counts as not Hermitian
                    return false;
                }
            }
        }
        return true;
    }

    /** True if square and {@code this† · this} is within {@code tol} of the identity entrywise. */
    public boolean isUnitary(double tol) {
        return isSquare() && adjoint().times(this).approxEquals(identity(rows), tol);
    }

    /** Same shape and every entry within {@code tol} (complex modulus of the difference). */
    public boolean approxEquals(CMatrix o, double tol) {
        if (rows != o.rows || cols != o.cols) {
            return false;
        }
        return maxAbsDifference(o) <= tol;
    }

    /** Largest entrywise modulus of {@code this − o}; handy in test failure messages. */
    public double maxAbsDifference(CMatrix o) {
        requireSameShape("maxAbsDifference", o);
        double max = 0.0;
        for (int k = 0; k < re.length; k++) {
            double d = Math.hypot(re[k] - o.re[k], im[k] - o.im[k]);
            if (Double.isNaN(d)) {
                return d; // a NaN entry makes the matrices incomparable, so no tolerance accepts them
            }
            max = Math.max(max, d);
        }
        return max;
    }

    private void requireSameShape(String op, CMatrix o) {
        if (rows != o.rows || cols != o.cols) {
            throw new DimensionMismatch(op, rows, cols, o.rows, o.cols);
        }
    }

    private void requireSquare(String op) {
        if (!isSquare()) {
            throw new IllegalArgumentException(op + " needs a square matrix, got " + rows + "x" + cols);
        }
    }

    // ---------------------------------------------------------------- object

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CMatrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.re, re) && Arrays.equals(m.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + cols) + Arrays.hashCode(re)) + Arrays.hashCode(im);
    }

    /** E.g. {@code [[0.5, 0], [0, 0.5]]}; complex entries as {@code a+bi}. */
    @Override
    public String toString() {
        return MatrixText.format(this);
    }
}
