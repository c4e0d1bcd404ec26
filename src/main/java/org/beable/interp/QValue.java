package org.beable.interp;

import java.util.Arrays;
import org.beable.quantum.CMatrix;

/**
 * A quantum object in a script: a ket (column), a bra (row) or an operator / density matrix
 * (square), with the dimensions of the factors of its space so tensor products and partial
 * traces know where one system ends and the next begins.
 */
public final class QValue {
    private final CMatrix matrix;
    private final int[] dims;

    public QValue(CMatrix matrix, int[] dims) {
        this.matrix = matrix;
        this.dims = dims.clone();
    }

    /** A value on one factor of the given dimension (matrix literals, user bases). */
    public static QValue single(CMatrix matrix) {
        return new QValue(matrix, new int[] {Math.max(matrix.rows, matrix.cols)});
    }

    public CMatrix matrix() { return matrix; }
    public int[] dims() { return dims.clone(); }
    public int dimension() { return Math.max(matrix.rows, matrix.cols); }
    public boolean isKet() { return matrix.cols == 1 && matrix.rows > 1; }
    public boolean isBra() { return matrix.rows == 1 && matrix.cols > 1; }
    public boolean isOperator() { return matrix.isSquare(); }

    public QValue with(CMatrix m) {
        return new QValue(m, dims);
    }

    public String kind() {
        return isKet() ? "ket" : isBra() ? "bra" : isOperator() ? "operator" : "matrix";
    }

    boolean sameSpace(QValue o) {
        return Arrays.equals(dims, o.dims);
    }
}
