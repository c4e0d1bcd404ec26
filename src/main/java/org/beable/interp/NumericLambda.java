package org.beable.interp;

import java.util.function.DoubleUnaryOperator;
import org.beable.syntax.Expr;

/**
 * A second compilation of a one-parameter function whose body is plain real arithmetic
 * (numbers, the parameter, + − × ÷ ^, pi and e, and the elementary functions): a tree over
 * primitive doubles, with no frames and no boxing, for models that call a user's weight or
 * density millions of times. Anything else is left to the general closure (null).
 */
final class NumericLambda {
    /** A name that no longer holds the builtin it held at compile time: use the general path. */
    static final class Fallback extends RuntimeException {
        Fallback() {
            super(null, null, false, false);
        }
    }

    private final String parameter;
    private final Globals globals;

    private NumericLambda(String parameter, Globals globals) {
        this.parameter = parameter;
        this.globals = globals;
    }

    static DoubleUnaryOperator compile(Expr body, String parameter, Globals globals) {
        return new NumericLambda(parameter, globals).node(body);
    }

    private DoubleUnaryOperator node(Expr e) {
        if (e instanceof Expr.Number n) {
            double v = n.value();
            return x -> v;
        }
        if (e instanceof Expr.Variable v) return variable(v.name());
        if (e instanceof Expr.Negate n) {
            DoubleUnaryOperator a = node(n.operand());
            return a == null ? null : x -> -a.applyAsDouble(x);
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c && c.callee() instanceof Expr.Variable f && c.arguments().size() == 1
                && c.arguments().get(0).name() == null) {
            return function(f.name(), node(c.arguments().get(0).value()));
        }
        return null;
    }

    private DoubleUnaryOperator variable(String name) {
        if (name.equals(parameter)) return x -> x;
        if (name.equals("pi") || name.equals("e")) {
            Cell cell = globals.cell(name);
            double constant = name.equals("pi") ? Math.PI : Math.E;
            return x -> {
                if (!(cell.value instanceof Double d) || d != constant) throw new Fallback();
                return constant;
            };
        }
        return null;
    }

    private DoubleUnaryOperator binary(Expr.Binary b) {
        DoubleUnaryOperator l = node(b.left());
        DoubleUnaryOperator r = node(b.right());
        if (l == null || r == null) return null;
        switch (b.op()) {
            case ADD: return x -> l.applyAsDouble(x) + r.applyAsDouble(x);
            case SUB: return x -> l.applyAsDouble(x) - r.applyAsDouble(x);
            case MUL: return x -> l.applyAsDouble(x) * r.applyAsDouble(x);
            case DIV: return x -> l.applyAsDouble(x) / r.applyAsDouble(x);
            case POW:
                if (b.right() instanceof Expr.Number n && n.value() == 2) return x -> { double a = l.applyAsDouble(x); return a * a; };
                return x -> Math.pow(l.applyAsDouble(x), r.applyAsDouble(x));
            default: return null;
        }
    }

    private DoubleUnaryOperator function(String name, DoubleUnaryOperator a) {
        if (a == null) return null;
        DoubleUnaryOperator f = switch (name) {
            case "sqrt" -> Math::sqrt;
            case "exp" -> Math::exp;
            case "log" -> Math::log;
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "atan" -> Math::atan;
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "sech" -> x -> 1 / Math.cosh(x);
            case "abs" -> Math::abs;
            default -> null;
        };
        if (f == null) return null;
        Cell cell = globals.cell(name);
        Object builtin = cell.value;
        if (!(builtin instanceof Builtin)) return null;
        return x -> {
            if (cell.value != builtin) throw new Fallback();     // the script redefined the name
            return f.applyAsDouble(a.applyAsDouble(x));
        };
    }
}
