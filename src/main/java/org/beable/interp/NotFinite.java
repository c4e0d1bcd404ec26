package org.beable.interp;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr.BinaryOp;
import org.beable.syntax.Span;

/**
 * The rule for numbers that are not numbers (README, "Numbers"). Arithmetic and builtins on finite
 * numbers must give finite results: 1/0, an overflow (exp(1e10*X), a matrix to the 1000th) or a
 * value outside a function's real domain (asin(2), log(0)) is an error where it happens, never a
 * NaN that surfaces later as a probability. The constants `inf` and `nan` still follow IEEE
 * arithmetic, but a ket, bra or operator never holds them.
 */
final class NotFinite {
    private NotFinite() {}

    static final String HINT = "Beable's numbers stay finite: a result beyond ±1.8e308, or not a number, is an error";

    /** A result of `a op b` that is not finite, when that is an error; null when IEEE arithmetic on inf or nan is fine. */
    static BeableError ofOperator(BinaryOp op, Object a, Object b, Object result, Span span) {
        if (Values.isFinite(a) && Values.isFinite(b)) {
            if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && isZero(b)) {
                return new BeableError(span, "division by zero", "1/0 is an error in Beable, not ∞ (README, \"Numbers\")");
            }
            return new BeableError(span, "the result of " + op.symbol + " overflowed", HINT);
        }
        return holdsNonFinite(result) ? new BeableError(span, "the result of " + op.symbol + " would be "
                + Values.aTypeName(result) + " holding nan or inf", "a ket, bra or operator holds finite numbers only") : null;
    }

    /** A builtin's result that is not finite, when that is an error; null otherwise. */
    static BeableError ofBuiltin(String name, List<Object> args, Map<String, Object> named, Object result, Span span) {
        boolean finiteArgs = true;
        for (Object arg : args) finiteArgs &= Values.isFinite(arg);
        for (Object arg : named.values()) finiteArgs &= Values.isFinite(arg);
        if (finiteArgs) {
            boolean notANumber = (result instanceof Double || result instanceof Complex) && Double.isNaN(firstNumber(result));
            return new BeableError(span, name + "(): the result " + kind(result),
                    notANumber ? "the function has no real value for these arguments" : HINT);
        }
        return holdsNonFinite(result) ? new BeableError(span, name + "() would give " + Values.aTypeName(result)
                + " holding nan or inf", "a ket, bra or operator holds finite numbers only") : null;
    }

    /**
     * A builtin that makes something other than a number (a model, a distribution, a detector…)
     * from an argument that is inf or nan: a parameter is refused where it is given.
     */
    static BeableError ofParameters(String name, List<Object> args, Map<String, Object> named, Object result, Span span) {
        if (result instanceof Double || result instanceof Complex || result instanceof List<?> || result instanceof String
                || result instanceof Boolean || result == NoneValue.NONE) return null;
        for (int k = 0; k < args.size(); k++) {
            if (!Values.isFinite(args.get(k))) return parameter(name, "argument " + (k + 1), args.get(k), span);
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (!Values.isFinite(e.getValue())) return parameter(name, e.getKey(), e.getValue(), span);
        }
        return null;
    }

    private static BeableError parameter(String name, String which, Object value, Span span) {
        return new BeableError(span, name + "(): " + which + " is " + Values.show(value) + ", not a finite number",
                "parameters of models, distributions and detectors must be finite");
    }

    private static String kind(Object result) {
        if (!(result instanceof Double || result instanceof Complex)) return "overflowed";
        double x = firstNumber(result);
        return Double.isNaN(x) ? "is not a number" : "is " + (x > 0 ? "inf" : "-inf");
    }

    /** The first non-finite number in a number or complex (NaN when it cannot say). */
    private static double firstNumber(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Complex c) return Double.isFinite(c.getReal()) ? c.getImaginary() : c.getReal();
        return Double.NaN;
    }

    private static boolean holdsNonFinite(Object result) {
        return !(result instanceof Double || result instanceof Complex || result instanceof java.util.List<?>) && !Values.isFinite(result);
    }

    private static boolean isZero(Object v) {
        if (v instanceof Double d) return d == 0;
        if (v instanceof Complex c) return c.getReal() == 0 && c.getImaginary() == 0;
        return false;
    }
}
