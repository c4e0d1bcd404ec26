package org.beable.bindings;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.beable.interp.Operand;
import org.beable.interp.Values;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.quantum.MatrixFunctions;
import org.beable.quantum.SparseMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/**
 * A quantum object in a script: a ket (column), a bra (row) or an operator / density matrix
 * (square), with the dimensions of the factors of its space so tensor products and partial
 * traces know where one system ends and the next begins.
 */
public final class QValue implements Operand {
    // Exactly one of matrix and sparse is given; a sparse operator's dense form is made on demand.
    private volatile CMatrix matrix;
    private final SparseMatrix sparse;
    private final int[] dims;

    public QValue(CMatrix matrix, int[] dims) {
        this.matrix = matrix;
        this.sparse = null;
        this.dims = dims.clone();
    }

    /**
     * An operator kept sparse: sums, products, tensor products, expectation values and evolution
     * work on it directly; anything else (printing, comparison, matrix functions) sees its dense
     * form, which is made once, on first use.
     */
    public QValue(SparseMatrix sparse, int[] dims) {
        this.matrix = null;
        this.sparse = sparse;
        this.dims = dims.clone();
    }

    /** A value on one factor of the given dimension (matrix literals, user bases). */
    public static QValue single(CMatrix matrix) {
        return new QValue(matrix, new int[] {Math.max(matrix.rows, matrix.cols)});
    }

    /** The dense matrix (made from the sparse form on first use). */
    public CMatrix matrix() {
        CMatrix m = matrix;
        if (m == null) {
            org.beable.interp.Interpreter.checkDenseHere(dimension(), "the dense form of this sparse " + kind());
            m = sparse.toDense();
            matrix = m;
        }
        return m;
    }

    /** The sparse form, or null for a dense value. */
    public SparseMatrix sparse() { return sparse; }
    public boolean isSparse() { return sparse != null; }

    /** Whether every entry is finite, read from the sparse form when there is one (no dense copy is made). */
    public boolean isFinite() {
        if (sparse != null) return sparse.isFinite();
        for (double v : matrix.reals()) if (!Double.isFinite(v)) return false;
        for (double v : matrix.imags()) if (!Double.isFinite(v)) return false;
        return true;
    }
    public int rows() { return sparse != null ? sparse.rows : matrix.rows; }
    public int cols() { return sparse != null ? sparse.cols : matrix.cols; }
    public int dimension() { return Math.max(rows(), cols()); }
    public int[] dims() { return dims.clone(); }
    public boolean isKet() { return cols() == 1 && rows() > 1; }
    public boolean isBra() { return rows() == 1 && cols() > 1; }
    public boolean isOperator() { return rows() == cols(); }

    public QValue with(CMatrix m) {
        return new QValue(m, dims);
    }

    public QValue with(SparseMatrix m) {
        return new QValue(m, dims);
    }

    /**
     * Kets, bras and operators (large operators are kept sparse, tensor products of them too) take
     * memory in proportion to the dimension: their tensor products are bounded by the sparse
     * limit. A non-square matrix is tensored densely.
     */
    @Override
    public boolean linearInDimension() {
        return isKet() || isBra() || isOperator();
    }

    public String kind() {
        return isKet() ? "ket" : isBra() ? "bra" : isOperator() ? "operator" : "matrix";
    }

    boolean sameSpace(QValue o) {
        return Arrays.equals(dims, o.dims);
    }

    // ------------------------------------------------------------------ as an operand of the core's operators

    @Override
    public Object binary(BinaryOp op, Object other, boolean thisOnLeft, Span span) {
        return thisOnLeft ? QuantumArithmetic.binary(op, this, other, span) : QuantumArithmetic.binary(op, other, this, span);
    }

    @Override
    public Object negate(Span span) {
        return sparse != null ? with(sparse.scale(-1, 0)) : with(matrix.scale(-1));
    }

    @Override
    public Object adjoint(Span span) {
        return sparse != null ? with(sparse.adjoint()) : with(matrix.adjoint());
    }

    @Override
    public Object index(Object index, Span span) {
        if (isKet() || isBra()) {
            long k = Values.integer(index, span, "a ket index");
            if (k < 0 || k >= dimension()) throw new BeableError(span, "index " + k + " is outside a " + kind() + " of dimension " + dimension());
            return Values.number(matrix().get(isKet() ? (int) k : 0, isKet() ? 0 : (int) k));
        }
        if (index instanceof List<?> pair && pair.size() == 2) {
            long r = Values.integer(pair.get(0), span, "a row index");
            long c = Values.integer(pair.get(1), span, "a column index");
            if (r < 0 || c < 0 || r >= matrix().rows || c >= matrix().cols) throw new BeableError(span, "index outside the matrix");
            return Values.number(matrix().get((int) r, (int) c));
        }
        return null;
    }

    @Override
    public Object function(String name, Span span) {
        if (name.equals("conj")) {
            double[] im = matrix().imags();
            for (int k = 0; k < im.length; k++) im[k] = -im[k];
            return with(CMatrix.wrap(matrix().rows, matrix().cols, matrix().reals(), im));
        }
        return isOperator() ? operatorFunction(name, this, span) : null;
    }

    private static Object operatorFunction(String name, QValue q, Span span) {
        return switch (name) {
            case "exp" -> q.with(MatrixFunctions.exp(q.matrix()));
            case "sqrt" -> q.with(MatrixFunctions.sqrt(requirePositive(q, span, name)));
            case "log" -> q.with(MatrixFunctions.log(requirePositive(q, span, name)));
            default -> {
                if (!q.matrix().isHermitian(1e-9)) throw new BeableError(span, name + "() of an operator needs a Hermitian one");
                DoubleUnaryOperator f = switch (name) {
                    case "cos" -> Math::cos;
                    case "sin" -> Math::sin;
                    case "cosh" -> Math::cosh;
                    case "sinh" -> Math::sinh;
                    case "tanh" -> Math::tanh;
                    default -> throw new BeableError(span, name + "() is not defined for operators");
                };
                yield q.with(Hermitian.apply(q.matrix(), f));
            }
        };
    }

    private static CMatrix requirePositive(QValue q, Span span, String name) {
        if (!q.matrix().isHermitian(1e-9)) throw new BeableError(span, name + "() of an operator needs a Hermitian, positive one");
        return q.matrix();
    }

    /** The largest entry difference, for `assert a ≈ b within tol`. */
    @Override
    public double distance(Object other, Span span) {
        if (!(other instanceof QValue q)) return Double.NaN;
        CMatrix y = q.matrix();
        if (matrix().rows != y.rows || matrix().cols != y.cols) {
            throw new BeableError(span, "cannot compare " + Values.article(kind()) + " of dimension " + dimension() + " with "
                    + Values.article(q.kind()) + " of dimension " + q.dimension());
        }
        double worst = 0;
        for (int r = 0; r < matrix().rows; r++) {
            for (int c = 0; c < matrix().cols; c++) {
                worst = Math.max(worst, Math.hypot(matrix().re(r, c) - y.re(r, c), matrix().im(r, c) - y.im(r, c)));
            }
        }
        return worst;
    }

    @Override
    public boolean equalTo(Object other) {
        return other instanceof QValue q && matrix().approxEquals(q.matrix(), 0);
    }

    @Override
    public long spaceDimension() {
        return dimension();
    }
}
