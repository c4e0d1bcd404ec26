package org.beable.bindings;

import org.apache.commons.math3.complex.Complex;
import org.beable.interp.Values;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SparseMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/** Arithmetic of kets, bras and operators, with numbers and with each other; null where an operation is not defined. */
final class QuantumArithmetic {
    private QuantumArithmetic() {}

    static Object binary(BinaryOp op, Object a, Object b, Span span) {
        return switch (op) {
            case ADD -> a instanceof QValue p && b instanceof QValue q ? sum(p, q, 1, span) : null;
            case SUB -> a instanceof QValue p && b instanceof QValue q ? sum(p, q, -1, span) : null;
            case MUL -> multiply(a, b, span);
            case DIV -> a instanceof QValue q && isNumber(b) ? scale(q, Complex.ONE.divide(Values.complex(b, span, ""))) : null;
            case TENSOR -> tensor(a, b, span);
            case POW -> power(a, b, span);
            default -> null;
        };
    }

    private static boolean isNumber(Object v) {
        return v instanceof Double || v instanceof Complex;
    }

    /** p + sign·q: sparse when both are, dense otherwise. */
    private static QValue sum(QValue p, QValue q, int sign, Span span) {
        if (p.rows() != q.rows() || p.cols() != q.cols()) {
            throw new BeableError(span, "cannot " + (sign > 0 ? "add" : "subtract") + " " + Values.article(p.kind()) + " of dimension "
                    + p.dimension() + " and " + Values.article(q.kind()) + " of dimension " + q.dimension());
        }
        if (p.isSparse() && q.isSparse()) return p.with(sign > 0 ? p.sparse().plus(q.sparse()) : p.sparse().minus(q.sparse()));
        return p.with(sign > 0 ? p.matrix().plus(q.matrix()) : p.matrix().minus(q.matrix()));
    }

    private static QValue scale(QValue q, Complex c) {
        return q.isSparse() ? q.with(q.sparse().scale(c.getReal(), c.getImaginary())) : q.with(q.matrix().scale(c));
    }

    private static Object multiply(Object a, Object b, Span span) {
        if (isNumber(a) && b instanceof QValue q) return scale(q, Values.complex(a, span, ""));
        if (a instanceof QValue q && isNumber(b)) return scale(q, Values.complex(b, span, ""));
        if (a instanceof QValue p && b instanceof QValue q) return product(p, q, span);
        return null;
    }

    /** Matrix product; a bra times a ket is a number, a ket times a bra an operator. */
    static Object product(QValue p, QValue q, Span span) {
        if (p.cols() != q.rows()) {
            throw new BeableError(span, "cannot multiply " + Values.article(p.kind()) + " of dimension " + p.dimension() + " by "
                    + Values.article(q.kind()) + " of dimension " + q.dimension(),
                    p.isKet() && q.isKet() ? "for an inner product write dag(a) * b or inner(a, b); for a tensor product a ⊗ b" : null);
        }
        if (p.isSparse() && q.isSparse()) return p.with(p.sparse().times(q.sparse())); // two operators of one space
        if (p.rows() > 1 && q.cols() > 1) org.beable.interp.Interpreter.checkDenseHere(Math.max(p.rows(), q.cols()), "this product");
        CMatrix m = p.isSparse() ? p.sparse().times(q.matrix()) : p.matrix().times(q.matrix());
        if (m.rows == 1 && m.cols == 1) return Values.number(m.get(0, 0));
        int[] dims = p.isKet() && q.isBra() ? p.dims() : p.isOperator() ? p.dims() : q.dims();
        int product = 1;
        for (int d : dims) product *= d;
        // A non-square matrix changes the space: the result is one factor of its own dimension.
        return new QValue(m, product == Math.max(m.rows, m.cols) ? dims : new int[] {Math.max(m.rows, m.cols)});
    }

    static Object tensor(Object a, Object b, Span span) {
        if (a instanceof QValue p && b instanceof QValue q) {
            if (!p.kind().equals(q.kind())) {
                throw new BeableError(span, "a tensor product needs two kets, two bras or two operators, got a "
                        + p.kind() + " and " + Values.article(q.kind()));
            }
            int[] dims = new int[p.dims().length + q.dims().length];
            System.arraycopy(p.dims(), 0, dims, 0, p.dims().length);
            System.arraycopy(q.dims(), 0, dims, p.dims().length, q.dims().length);
            if (p.isOperator() && (p.isSparse() || q.isSparse() || (long) p.dimension() * q.dimension() > SparseMatrix.DENSE_UP_TO)) {
                return new QValue(sparse(p).kron(sparse(q)), dims);
            }
            return new QValue(p.matrix().kron(q.matrix()), dims);
        }
        return null;
    }

    private static SparseMatrix sparse(QValue q) {
        return q.isSparse() ? q.sparse() : SparseMatrix.of(q.matrix());
    }

    private static Object power(Object a, Object b, Span span) {
        if (a instanceof QValue q && q.isOperator()) {
            long n = Values.integer(b, span, "the power of an operator");
            if (n < 0) throw new BeableError(span, "negative powers of operators are not supported", "use inv(A)^n");
            if (q.isSparse()) {
                SparseMatrix result = SparseMatrix.identity(q.dimension());
                SparseMatrix base = q.sparse();
                for (long k = n; k > 0; k >>= 1) {
                    if ((k & 1) == 1) result = result.times(base);
                    if (k > 1) base = base.times(base);
                }
                return q.with(result);
            }
            CMatrix result = CMatrix.identity(q.dimension());
            CMatrix base = q.matrix();
            for (long k = n; k > 0; k >>= 1) {
                if ((k & 1) == 1) result = result.times(base);
                if (k > 1) base = base.times(base);
            }
            return q.with(result);
        }
        return null;
    }
}
