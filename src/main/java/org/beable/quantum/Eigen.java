package org.beable.quantum;

import java.util.Arrays;

/**
 * Eigen-decomposition of a Hermitian matrix: {@code H = V diag(values) V†}.
 *
 * @param values  eigenvalues in ascending order
 * @param vectors unitary matrix whose column {@code k} is the eigenvector for {@code values[k]}
 */
public record Eigen(double[] values, CMatrix vectors) {

    public Eigen {
        if (values.length != vectors.rows || !vectors.isSquare()) {
            throw new IllegalArgumentException("need " + values.length + " eigenvectors of length "
                    + values.length + ", got a " + vectors.rows + "x" + vectors.cols + " matrix");
        }
        values = values.clone(); // a record cannot make an array immutable, so keep our own copy
    }

    /** Eigenvalues ascending (a copy). */
    @Override
    public double[] values() { return values.clone(); }

    public int size() { return values.length; }

    public double value(int k) { return values[k]; }

    /** The k-th eigenvector as a column ket. */
    public CMatrix vector(int k) { return vectors.columnAt(k); }

    /** The indices of {@code values} in ascending order of value, ties in index order (a stable sort). */
    static int[] ascendingOrder(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
