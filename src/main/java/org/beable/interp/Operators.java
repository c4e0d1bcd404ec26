package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/**
 * Arithmetic on script values. Reals take a fast path first; complex numbers, strings and lists
 * follow; anything else is asked as an {@link Operand}. Every type mismatch is one plain
 * sentence naming both types.
 */
final class Operators {
    private Operators() {}

    static Object binary(BinaryOp op, Object a, Object b, Span span) {
        if (a instanceof Double x && b instanceof Double y) return reals(op, x, y, span);
        Object result = general(op, a, b, span);
        if (isArithmetic(op) && !Values.isFinite(result)) {
            BeableError error = NotFinite.ofOperator(op, Values.scalarOf(a), Values.scalarOf(b), result, span);
            if (error != null) throw error;
        }
        return result;
    }

    private static boolean isArithmetic(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, POW, TENSOR -> true;
            default -> false;
        };
    }

    private static Object general(BinaryOp op, Object a, Object b, Span span) {
        a = Values.scalarOf(a);
        b = Values.scalarOf(b);
        if (a instanceof Double x && b instanceof Double y) return reals(op, x, y, span);
        switch (op) {
            case EQ: return Values.equal(a, b);
            case NE: return !Values.equal(a, b);
            case MOD: case LT: case LE: case GT: case GE:
                return reals(op, Values.real(a, span, "left operand of " + op.symbol), Values.real(b, span, "right operand of " + op.symbol), span);
            default: break;
        }
        if (isNumber(a) && isNumber(b) && op != BinaryOp.TENSOR) return complexes(op, Values.complex(a, span, ""), Values.complex(b, span, ""));
        if (op == BinaryOp.ADD && (a instanceof String || b instanceof String)) return Values.show(a) + Values.show(b);
        if (op == BinaryOp.ADD && a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return List.copyOf(joined);
        }
        Object result = a instanceof Operand p ? p.binary(op, b, true, span) : null;
        if (result == null && b instanceof Operand q) result = q.binary(op, a, false, span);
        if (result != null) return result;
        throw mismatch(op.symbol, a, b, span);
    }

    private static Object reals(BinaryOp op, double x, double y, Span span) {
        return switch (op) {
            case ADD -> finite(x + y, op, x, y, span);
            case SUB -> finite(x - y, op, x, y, span);
            case MUL -> finite(x * y, op, x, y, span);
            case DIV -> finite(x / y, op, x, y, span);
            case MOD -> finite(x - Math.floor(x / y) * y, op, x, y, span);
            case POW -> x < 0 && y != Math.rint(y) ? checked(Values.number(new Complex(x).pow(y)), op, x, y, span) : (Object) finite(Math.pow(x, y), op, x, y, span);
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            case TENSOR -> throw mismatch("⊗", x, y, span);
        };
    }

    /** A real result, unless finite operands gave a non-finite one (1/0, an overflow): that is an error here. */
    private static double finite(double result, BinaryOp op, double x, double y, Span span) {
        if (Double.isFinite(result) || !Double.isFinite(x) || !Double.isFinite(y)) return result;
        throw NotFinite.ofOperator(op, x, y, result, span);
    }

    private static Object checked(Object result, BinaryOp op, double x, double y, Span span) {
        if (Values.isFinite(result) || !Double.isFinite(x) || !Double.isFinite(y)) return result;
        throw NotFinite.ofOperator(op, x, y, result, span);
    }

    /** The arithmetic operators on two numbers of which at least one is complex. */
    private static Object complexes(BinaryOp op, Complex x, Complex y) {
        return switch (op) {
            case ADD -> Values.number(x.add(y));
            case SUB -> Values.number(x.subtract(y));
            case MUL -> Values.number(x.multiply(y));
            case DIV -> Values.number(x.divide(y));
            case POW -> Values.number(x.pow(y));
            default -> throw new IllegalArgumentException("not an arithmetic operator: " + op);
        };
    }

    static Object negate(Object a, Span span) {
        if (a instanceof Double x) return -x;
        if (a instanceof Complex c) return c.negate();
        Object result = a instanceof Operand o ? o.negate(span) : null;
        if (result == null) throw new BeableError(span, "cannot negate a " + Values.typeName(a));
        return result;
    }

    private static boolean isNumber(Object v) {
        return v instanceof Double || v instanceof Complex;
    }

    private static BeableError mismatch(String op, Object a, Object b, Span span) {
        return new BeableError(span, "cannot apply " + op + " to a " + Values.typeName(a) + " and a " + Values.typeName(b));
    }
}
