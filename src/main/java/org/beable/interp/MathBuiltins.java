package org.beable.interp;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.complex.Complex;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * Constants and elementary functions. Each works on reals, complex numbers where that makes
 * sense (sqrt(-1) is i, as a physicist expects), and the matrix functions exp, sqrt and log
 * also on operators.
 */
final class MathBuiltins {
    private MathBuiltins() {}

    static void install(Interpreter in) {
        in.define("pi", Math.PI);
        in.define("e", Math.E);
        in.define("i", Complex.I);
        in.define("inf", Double.POSITIVE_INFINITY);
        in.define("nan", Double.NaN);
        in.define("true", Boolean.TRUE);
        in.define("false", Boolean.FALSE);

        unary(in, "sqrt", "square root; of a negative number, an imaginary one; of a positive operator, its square root",
                Math::sqrt, Complex::sqrt, true);
        unary(in, "exp", "exponential; of an operator, the matrix exponential (exp(-i*H*t) is the evolution operator)",
                Math::exp, Complex::exp, false);
        unary(in, "log", "natural logarithm", Math::log, Complex::log, true);
        unary(in, "sin", "sine (radians)", Math::sin, Complex::sin, false);
        unary(in, "cos", "cosine (radians)", Math::cos, Complex::cos, false);
        unary(in, "tan", "tangent (radians)", Math::tan, Complex::tan, false);
        unary(in, "asin", "inverse sine", Math::asin, Complex::asin, false);
        unary(in, "acos", "inverse cosine", Math::acos, Complex::acos, false);
        unary(in, "atan", "inverse tangent", Math::atan, Complex::atan, false);
        unary(in, "sinh", "hyperbolic sine", Math::sinh, Complex::sinh, false);
        unary(in, "cosh", "hyperbolic cosine", Math::cosh, Complex::cosh, false);
        unary(in, "tanh", "hyperbolic tangent", Math::tanh, Complex::tanh, false);
        unary(in, "sech", "hyperbolic secant 1/cosh(x)", x -> 1 / Math.cosh(x), z -> Complex.ONE.divide(z.cosh()), false);
        unary(in, "csch", "hyperbolic cosecant 1/sinh(x)", x -> 1 / Math.sinh(x), z -> Complex.ONE.divide(z.sinh()), false);
        unary(in, "coth", "hyperbolic cotangent 1/tanh(x)", x -> 1 / Math.tanh(x), z -> Complex.ONE.divide(z.tanh()), false);
        real(in, "floor", "largest whole number ≤ x", Math::floor);
        real(in, "ceil", "smallest whole number ≥ x", Math::ceil);
        real(in, "round", "nearest whole number (halves round up)", x -> Double.isFinite(x) && Math.abs(x) < 4.5e15 ? Math.floor(x + 0.5) : x);
        real(in, "sign", "-1, 0 or +1", Math::signum);

        in.define("atan2", Builtins.fixed("atan2", "atan2(y, x)", "angle of the point (x, y), in (-pi, pi]", 2,
                (it, a, n, s) -> Math.atan2(Values.real(a.get(0), s, "y"), Values.real(a.get(1), s, "x"))));
        in.define("abs", Builtins.fixed("abs", "abs(z)", "absolute value or modulus", 1, (it, a, n, s) -> {
            Object z = a.get(0);
            if (z instanceof Double x) return Math.abs(x);
            return Values.complex(z, s, "abs's argument").abs();
        }));
        in.define("arg", Builtins.fixed("arg", "arg(z)", "the phase of a complex number, in (-pi, pi]", 1,
                (it, a, n, s) -> Values.complex(a.get(0), s, "arg's argument").getArgument()));
        in.define("conj", Builtins.fixed("conj", "conj(z)", "complex conjugate (of a number, ket or operator entries)", 1,
                (it, a, n, s) -> conjugate(a.get(0), s)));
        in.define("direction", Builtins.fixed("direction", "direction(theta)", "the unit vector [sin θ, 0, cos θ] that spin(θ) measures along", 1,
                (it, a, n, s) -> {
                    double theta = Values.real(a.get(0), s, "the angle");
                    return List.of(Math.sin(theta), 0.0, Math.cos(theta));
                }));
        in.define("dot", Builtins.fixed("dot", "dot(u, v)", "the dot product of two vectors of numbers", 2,
                (it, a, n, s) -> Vectors.dot(a.get(0), a.get(1), s)));
        in.define("cross", Builtins.fixed("cross", "cross(u, v)", "the cross product of two vectors of 3 numbers", 2,
                (it, a, n, s) -> Vectors.cross(a.get(0), a.get(1), s)));
        in.define("re", Builtins.fixed("re", "re(z)", "real part", 1, (it, a, n, s) -> Values.complex(a.get(0), s, "re's argument").getReal()));
        in.define("im", Builtins.fixed("im", "im(z)", "imaginary part", 1, (it, a, n, s) -> Values.complex(a.get(0), s, "im's argument").getImaginary()));
    }

    private static Object conjugate(Object z, Span span) {
        if (z instanceof Double) return z;
        Object conjugate = z instanceof Operand o ? o.function("conj", span) : null;
        if (conjugate != null) return conjugate;
        return Values.complex(z, span, "conj's argument").conjugate();
    }

    /**
     * A function of one number. Reals stay real where the real function is defined; outside
     * its domain (sqrt or log of a negative) the complex branch answers when complexOutside is set.
     */
    private static void unary(Interpreter in, String name, String help, DoubleUnaryOperator real,
                              UnaryOperator<Complex> complex, boolean complexOutside) {
        in.define(name, Builtins.fixed(name, name + "(x)", help, 1, (it, a, n, s) -> {
            Object x = a.get(0);
            if (x instanceof Double d) {
                if (complexOutside && d < 0) return Values.number(complex.apply(new Complex(d)));
                return real.applyAsDouble(d);
            }
            if (x instanceof Complex c) return Values.number(complex.apply(c));
            Object result = x instanceof Operand o ? o.function(name, s) : null;
            if (result != null) return result;
            throw new BeableError(s, name + "() needs a number, got " + Values.aTypeName(x));
        }));
    }

    private static void real(Interpreter in, String name, String help, DoubleUnaryOperator f) {
        in.define(name, Builtins.fixed(name, name + "(x)", help, 1,
                (it, a, n, s) -> f.applyAsDouble(Values.real(a.get(0), s, name + "'s argument"))));
    }

    static List<Object> numbers(List<Object> args, Span span, String name) {
        if (args.size() == 1 && (args.get(0) instanceof List<?> || args.get(0) instanceof RangeValue)) return Builtins.items(args.get(0), span);
        return args;
    }
}
