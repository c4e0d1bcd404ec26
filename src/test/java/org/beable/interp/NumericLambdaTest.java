package org.beable.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.junit.jupiter.api.Test;

/** User functions that models call per trial: the primitive-double path agrees with the general one. */
class NumericLambdaTest {
    private final Interpreter in = new Interpreter(Interpreter.Options.defaults(), values -> {});

    private FunctionValue function(String source) {
        in.run(new Source("t", source));
        return (FunctionValue) in.lookup("f");
    }

    @Test
    void arithmeticBodiesCompileToDoublesAndAgreeWithTheInterpreter() {
        FunctionValue f = function("fn f(a) = sech(a)^2 + sqrt(abs(a)) / (a^2 + 0.01) - exp(-a) * cos(pi * a) + log(2 + a^2)");
        assertNotNull(f.numeric());
        for (double x = -3; x <= 3; x += 0.37) {
            assertEquals(Values.real(f.call1(x), null, "f"), f.numeric().applyAsDouble(x), 1e-12);
        }
    }

    @Test
    void bodiesBeyondArithmeticStayOnTheGeneralPath() {
        assertNull(function("fn f(a) = if a > 0 then a else -a").numeric());
        assertNull(function("let c = 2\nfn f(a) = c * a").numeric());
    }

    @Test
    void aNaNFallsBackToTheScriptsOwnAnswer() {
        FunctionValue f = function("fn f(a) = sqrt(a)");
        java.util.function.DoubleUnaryOperator real = f.asRealFunction(null);
        assertEquals(2, real.applyAsDouble(4), 0);
        assertThrows(BeableError.class, () -> real.applyAsDouble(-4));     // sqrt(-4) is 2i in Beable: not a real weight
    }

    @Test
    void aRedefinedBuiltinIsHonoured() {
        FunctionValue f = function("fn f(a) = sqrt(a)");
        java.util.function.DoubleUnaryOperator real = f.asRealFunction(null);
        in.run(new Source("t", "let sqrt = x => 10 * x"));
        assertEquals(40, real.applyAsDouble(4), 0);
    }
}
