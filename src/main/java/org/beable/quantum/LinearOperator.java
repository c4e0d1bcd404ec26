package org.beable.quantum;

/**
 * A square complex matrix known only through its action on vectors, for methods that need
 * nothing else ({@link KrylovEvolution}): a dense {@link CMatrix}, or a sparse operator.
 */
public interface LinearOperator {

    int dimension();

    /** {@code y = A x}, split into real and imaginary parts; y must not alias x. */
    void apply(double[] xr, double[] xi, double[] yr, double[] yi);
}
