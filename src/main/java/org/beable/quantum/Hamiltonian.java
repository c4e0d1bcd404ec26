package org.beable.quantum;

/**
 * A Hermitian operator as a script gave it: dense, or sparse (a chain Hamiltonian built from
 * local terms keeps a few entries per row). Krylov evolution needs nothing but its products with
 * vectors ({@link #operator()}); the dense form, which models with dynamics of their own need,
 * is made once, on the first request, and only within the limit the caller passes.
 */
public final class Hamiltonian {
    private final SparseMatrix sparse;       // null when given dense
    private volatile CMatrix dense;          // given, or made from sparse on first request

    private Hamiltonian(CMatrix dense, SparseMatrix sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    public static Hamiltonian of(CMatrix h) {
        if (!h.isSquare()) throw new DimensionMismatch("Hamiltonian", h.rows, h.rows, h.rows, h.cols);
        return new Hamiltonian(h, null);
    }

    public static Hamiltonian of(SparseMatrix h) {
        if (!h.isSquare()) throw new DimensionMismatch("Hamiltonian", h.rows, h.rows, h.rows, h.cols);
        return new Hamiltonian(null, h);
    }

    public int dimension() { return sparse != null ? sparse.rows : dense.rows; }

    public boolean isSparse() { return sparse != null; }

    /** H as products with vectors, without a dense copy of a sparse H. */
    public LinearOperator operator() {
        return sparse != null ? sparse : dense.asLinearOperator();
    }

    /**
     * The dense matrix; a sparse H is densified once, after {@code limit} allows it.
     *
     * @throws DenseLimit.Exceeded when H is sparse and its dense form would be over the limit
     */
    public CMatrix dense(DenseLimit limit, String what) {
        CMatrix m = dense;
        if (m == null) {
            limit.check(dimension(), what);
            m = sparse.toDense();   // two threads racing make equal copies; either may stay
            dense = m;
        }
        return m;
    }
}
