package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.interp.Interpreter;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.junit.jupiter.api.Test;

/** Bad input reaches the user as a located error with a plain sentence and a hint. */
class ScriptErrorsTest {
    private static final String SETUP = "system q : qubit\ndetector B on q = spin(b)\n"
            + "experiment e {\n  prepare |0>\n  measure B\n  settings b in {0.5}\n}\n";      // 7 lines

    private static BeableError error(String script) {
        Interpreter in = new Interpreter(new Interpreter.Options(1, 1L, 1_000_000, 64), values -> { });
        return assertThrows(BeableError.class, () -> in.run(new Source("t.beable", script)));
    }

    private static void assertError(String script, int line, String part) {
        BeableError e = error(script);
        assertEquals(line, e.span().line(), e.render());
        assertTrue(e.getMessage().contains(part), e.render());
        assertTrue(e.render().contains("t.beable:" + line + ":"), e.render());
    }

    @Test
    void badParameters() {
        assertError("let m = retrocausal(gamma = 0)", 1, "gamma must be a positive number");
        assertError("let m = retrocausal(gamma = -0.1)", 1, "γ = 0 makes W(0) infinite");
        assertError("\nlet m = retrocausal(weight = a => 1/(a^2 + 0.01) - 0.5)", 2, "the weight W is negative");
        assertError("let m = retrocausal(weight = a => 1/(1 + abs(a)))", 1, "not integrable");
        assertError("let m = retrocausal(weight = a => 1/a^2)", 1, "division by zero");     // W(0) = 1/0: refused where divided (issue 14)
        assertError("let m = retrocausal(weight = a => [a])", 1, "must be a real number");
        assertError("let m = retrocausal(initial = s => sin(s))", 1, "density of the initial direction s is negative");
        assertError("let m = retrocausal(weight = fn(a, b) => a)", 1, "needs a function of one number");
    }

    @Test
    void experimentsTheModelCannotDescribe() {
        assertError(SETUP.replace("prepare |0>", "prepare (|0> + i*|1>)/sqrt(2)") + "let p = predict e under retrocausal", 8,
                "points out of the x–z plane");
        assertError(SETUP.replace("spin(b)", "[(|0> + i*|1>)/sqrt(2), (|0> - i*|1>)/sqrt(2)]").replace("settings b in {0.5}", "")
                + "let p = predict e under retrocausal", 8, "out of the x–z plane");
        assertError(SETUP.replace("{0.5}", "{pi/2}") + "let r = run e under retrocausal(weight = a => exp(-1000*a^2))", 8,
                "no history reaches");
    }

    @Test
    void builtins() {
        assertError("let m = retrocausal\nprint chsh_search(m, a1 = 0, a2 = inf, b1 = 0, b2 = 1)", 2, "not finite");
        assertError("print chsh_search(quantum, a1 = 0, a2 = 1, b1 = 0, b2 = 1)", 1, "needs a retrocausal model");
        assertError("print chsh_search(retrocausal, a1 = 0, a2 = 1, b1 = 0)", 1, "needs b2");
        assertError(SETUP + "let h = histories(e, retrocausal, 0)", 8, "between 1 and");
        assertError("print histogram([1, 2], 3, 2)", 1, "both ends");
        assertError("print maximize(x => x, [0], method = \"newton\")", 1, "no optimisation method 'newton'");
        assertError("print maximize(fn(x, y) => x, [0])", 1, "takes 2 numbers but the start point has 1");
        assertError("print maximize(x => nan, [0])", 1, "not a number");
        assertError("print column(histogram([1, 2], 2), \"nope\")", 1, "has no column 'nope'");
    }
}
