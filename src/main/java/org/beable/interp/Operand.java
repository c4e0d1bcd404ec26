package org.beable.interp;

import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/**
 * A value from a binding that brings its own arithmetic (a ket, an operator). The core's
 * operators handle numbers, strings and lists themselves and ask an operand for the rest; each
 * method answers null (or NaN) when the operation is not defined for these operands, and the
 * core then reports the type mismatch.
 */
public interface Operand {
    /** {@code this op other} when {@code thisOnLeft}, otherwise {@code other op this}. */
    Object binary(BinaryOp op, Object other, boolean thisOnLeft, Span span);

    default Object negate(Span span) { return null; }

    default Object adjoint(Span span) { return null; }

    default Object index(Object index, Span span) { return null; }

    /** An elementary function applied to the operand (`exp`, `sqrt`, `conj`, …). */
    default Object function(String name, Span span) { return null; }

    /** The distance `assert a ≈ b within tol` compares; NaN when the two cannot be compared. */
    default double distance(Object other, Span span) { return Double.NaN; }

    boolean equalTo(Object other);

    /** The dimension of the space it lives in, so a product that would exceed --max-dim is refused before it is made. */
    long spaceDimension();

    /**
     * Whether it (and its tensor products) take memory in proportion to the dimension, not its
     * square: then --max-sparse-dim bounds a tensor product instead of --max-dim.
     */
    default boolean linearInDimension() { return false; }
}
