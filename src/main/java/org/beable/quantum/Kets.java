package org.beable.quantum;

/** Frequently used kets. */
public final class Kets {

    private static final double HALF_SQRT2 = Math.sqrt(0.5);

    private Kets() {}

    /**
     * The computational basis ket {@code |levels[0]> ⊗ |levels[1]> ⊗ …} over systems of the
     * given dimensions, first system most significant.
     */
    public static CMatrix basis(int[] dims, int[] levels) {
        if (dims.length != levels.length) {
            throw new IllegalArgumentException(dims.length + " dimensions but " + levels.length + " levels");
        }
        int index = 0;
        int dimension = 1;
        for (int k = 0; k < dims.length; k++) {
            if (dims[k] < 1 || levels[k] < 0 || levels[k] >= dims[k]) {
                throw new IllegalArgumentException("level " + levels[k] + " outside a system of dimension " + dims[k]);
            }
            index = index * dims[k] + levels[k];
            dimension = Math.multiplyExact(dimension, dims[k]);
        }
        double[] re = new double[dimension];
        re[index] = 1.0;
        return CMatrix.wrap(dimension, 1, re, null);
    }

    /** (|0> + |1>)/√2, the +1 eigenvector of σx. */
    public static CMatrix plus() {
        return CMatrix.wrap(2, 1, new double[] {HALF_SQRT2, HALF_SQRT2}, null);
    }

    /** (|0> − |1>)/√2, the −1 eigenvector of σx. */
    public static CMatrix minus() {
        return CMatrix.wrap(2, 1, new double[] {HALF_SQRT2, -HALF_SQRT2}, null);
    }
}
