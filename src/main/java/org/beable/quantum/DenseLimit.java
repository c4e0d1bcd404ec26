package org.beable.quantum;

/**
 * The largest dimension of a dense matrix a session allows (the command line's --max-dim),
 * carried by values that make dense matrices later, on demand — an experiment's evolution
 * operator, its prepared density matrix — so that a model asking for one too large is refused
 * with the same limit the script itself runs under, before anything that size is allocated.
 */
public record DenseLimit(int maxDimension) {

    /** No limit: for experiments built directly in Java (tests, benchmarks). */
    public static final DenseLimit NONE = new DenseLimit(Integer.MAX_VALUE);

    public DenseLimit {
        if (maxDimension < 1) throw new IllegalArgumentException("a dense limit must be at least 1, got " + maxDimension);
    }

    /** @throws Exceeded when a dense {@code what} of this dimension would be over the limit */
    public void check(long dimension, String what) {
        if (dimension > maxDimension) throw new Exceeded(dimension, maxDimension, what);
    }

    /**
     * A dense matrix over the limit was asked for. An IllegalArgumentException, so that a front end
     * that knows nothing of it still reports a plain sentence at the statement that asked; the
     * bindings catch it by name to give the limit's own message and hint.
     */
    public static final class Exceeded extends IllegalArgumentException {
        private final long dimension;
        private final int limit;
        private final String what;

        public Exceeded(long dimension, int limit, String what) {
            super(what + " has dimension " + dimension + ", over the limit of " + limit + " for dense matrices");
            this.dimension = dimension;
            this.limit = limit;
            this.what = what;
        }

        public long dimension() { return dimension; }
        public int limit() { return limit; }
        public String what() { return what; }
    }
}
