package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.quantum.CMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/**
 * Arithmetic on script values. Reals take a fast path first; complex numbers, lists, strings
 * and quantum objects follow. Every type mismatch is one plain sentence naming both types.
 */
final class Operators {
    private Operators() {}

    static Object binary(BinaryOp op, Object a, Object b, Span span) {
        if (a instanceof Double x && b instanceof Double y) return reals(op, x, y, span);
        a = Conversions.scalar(a);
        b = Conversions.scalar(b);
        if (a instanceof Double x && b instanceof Double y) return reals(op, x, y, span);
        return switch (op) {
            case ADD -> add(a, b, span);
            case SUB -> subtract(a, b, span);
            case MUL -> multiply(a, b, span);
            case DIV -> divide(a, b, span);
            case TENSOR -> tensor(a, b, span);
            case POW -> power(a, b, span);
            case EQ -> Values.equal(a, b);
            case NE -> !Values.equal(a, b);
            case MOD, LT, LE, GT, GE -> reals(op, Values.real(a, span, "left operand of " + op.symbol),
                    Values.real(b, span, "right operand of " + op.symbol), span);
        };
    }

    private static Object reals(BinaryOp op, double x, double y, Span span) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> x - Math.floor(x / y) * y;
            case POW -> x < 0 && y != Math.rint(y) ? Values.number(new Complex(x).pow(y)) : (Object) Math.pow(x, y);
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            case TENSOR -> throw mismatch("⊗", x, y, span);
        };
    }

    static Object negate(Object a, Span span) {
        if (a instanceof Double x) return -x;
        if (a instanceof Complex c) return c.negate();
        if (a instanceof QValue q) return q.with(q.matrix().scale(-1));
        throw new BeableError(span, "cannot negate a " + Values.typeName(a));
    }

    private static boolean isNumber(Object v) {
        return v instanceof Double || v instanceof Complex;
    }

    private static Object add(Object a, Object b, Span span) {
        if (isNumber(a) && isNumber(b)) return Values.number(Values.complex(a, span, "").add(Values.complex(b, span, "")));
        if (a instanceof String || b instanceof String) return Values.show(a) + Values.show(b);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return List.copyOf(joined);
        }
        if (a instanceof QValue p && b instanceof QValue q) return p.with(sameShape(p, q, "+", span).plus(q.matrix()));
        throw mismatch("+", a, b, span);
    }

    private static Object subtract(Object a, Object b, Span span) {
        if (isNumber(a) && isNumber(b)) return Values.number(Values.complex(a, span, "").subtract(Values.complex(b, span, "")));
        if (a instanceof QValue p && b instanceof QValue q) return p.with(sameShape(p, q, "-", span).minus(q.matrix()));
        throw mismatch("-", a, b, span);
    }

    private static CMatrix sameShape(QValue p, QValue q, String op, Span span) {
        CMatrix m = p.matrix();
        if (m.rows != q.matrix().rows || m.cols != q.matrix().cols) {
            throw new BeableError(span, "cannot " + (op.equals("+") ? "add" : "subtract") + " " + Values.article(p.kind()) + " of dimension "
                    + p.dimension() + " and " + Values.article(q.kind()) + " of dimension " + q.dimension());
        }
        return m;
    }

    private static Object multiply(Object a, Object b, Span span) {
        if (isNumber(a) && isNumber(b)) return Values.number(Values.complex(a, span, "").multiply(Values.complex(b, span, "")));
        if (isNumber(a) && b instanceof QValue q) return q.with(q.matrix().scale(Values.complex(a, span, "")));
        if (a instanceof QValue q && isNumber(b)) return q.with(q.matrix().scale(Values.complex(b, span, "")));
        if (a instanceof QValue p && b instanceof QValue q) return product(p, q, span);
        throw mismatch("*", a, b, span);
    }

    /** Matrix product; a bra times a ket is a number, a ket times a bra an operator. */
    static Object product(QValue p, QValue q, Span span) {
        CMatrix x = p.matrix();
        CMatrix y = q.matrix();
        if (x.cols != y.rows) {
            throw new BeableError(span, "cannot multiply " + Values.article(p.kind()) + " of dimension " + p.dimension() + " by "
                    + Values.article(q.kind()) + " of dimension " + q.dimension(),
                    p.isKet() && q.isKet() ? "for an inner product write dag(a) * b or inner(a, b); for a tensor product a ⊗ b" : null);
        }
        CMatrix m = x.times(y);
        if (m.rows == 1 && m.cols == 1) return Values.number(m.get(0, 0));
        int[] dims = p.isKet() && q.isBra() ? p.dims() : p.isOperator() ? p.dims() : q.dims();
        int product = 1;
        for (int d : dims) product *= d;
        // A non-square matrix changes the space: the result is one factor of its own dimension.
        return new QValue(m, product == Math.max(m.rows, m.cols) ? dims : new int[] {Math.max(m.rows, m.cols)});
    }

    private static Object divide(Object a, Object b, Span span) {
        if (isNumber(a) && isNumber(b)) return Values.number(Values.complex(a, span, "").divide(Values.complex(b, span, "")));
        if (a instanceof QValue q && isNumber(b)) return q.with(q.matrix().scale(Complex.ONE.divide(Values.complex(b, span, ""))));
        throw mismatch("/", a, b, span);
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
            return new QValue(p.matrix().kron(q.matrix()), dims);
        }
        throw mismatch("⊗", a, b, span);
    }

    private static Object power(Object a, Object b, Span span) {
        if (isNumber(a) && isNumber(b)) return Values.number(Values.complex(a, span, "").pow(Values.complex(b, span, "")));
        if (a instanceof QValue q && q.isOperator()) {
            long n = Values.integer(b, span, "the power of an operator");
            if (n < 0) throw new BeableError(span, "negative powers of operators are not supported", "use inv(A)^n");
            CMatrix result = CMatrix.identity(q.dimension());
            CMatrix base = q.matrix();
            for (long k = n; k > 0; k >>= 1) {
                if ((k & 1) == 1) result = result.times(base);
                if (k > 1) base = base.times(base);
            }
            return q.with(result);
        }
        throw mismatch("^", a, b, span);
    }

    private static BeableError mismatch(String op, Object a, Object b, Span span) {
        return new BeableError(span, "cannot apply " + op + " to a " + Values.typeName(a) + " and a " + Values.typeName(b));
    }
}
