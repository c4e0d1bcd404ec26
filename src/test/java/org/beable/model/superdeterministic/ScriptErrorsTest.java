package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input reaches the user as a located error (file:line:col, the message, a hint), never a stack trace. */
class ScriptErrorsTest {
    @TempDir
    Path dir;

    private static final String SETUP = """
            system alice : qubit
            system bob : qubit
            detector A on alice = spin(0)
            detector B on bob = spin(0)
            experiment e {
              prepare (|01> - |10>) / sqrt(2)
              measure A, B
              trials 1000
            }
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "kappa ≤ 0            ¦ let m = superdeterministic(kappa = -1)                                ¦ 10 ¦ kappa must be a positive rate",
            "kappa = 0            ¦ let m = superdeterministic(kappa = 0)                                 ¦ 10 ¦ kappa must be a positive rate",
            "unknown order        ¦ let m = superdeterministic(order = shuffled)                          ¦ 10 ¦ unknown basis order 'shuffled'",
            "not a permutation    ¦ let m = superdeterministic(order = [0, 1, 1, 2])                      ¦ 10 ¦ is not a permutation of 0 … 3: 1 appears twice",
            "order length         ¦ let p = predict e under superdeterministic(order = [1, 0])            ¦ 10 ¦ the basis order lists 2 states but the detection of A, B has 4",
            "order state          ¦ let p = predict e under superdeterministic(order = [[1, 1], [1, -1], [-1, 1], [3, 3]]) ¦ 10 ¦ which is not an outcome of the detection of A, B",
            "negative density     ¦ let d = pdf(x => x - 0.5)                                             ¦ 10 ¦ the density of |λ|² is negative at",
            "sampler out of range ¦ let d = quantile(u => 2 * u)                                          ¦ 10 ¦ |λ|² must lie in [0, 1]",
            "beta parameters      ¦ let d = beta(-1, 2)                                                   ¦ 10 ¦ Beta(a, b) needs a > 0 and b > 0",
            "range outside [0,1]  ¦ let d = uniform(0.5, 2)                                               ¦ 10 ¦ 0 ≤ lo < hi ≤ 1",
            "not a distribution   ¦ let m = superdeterministic(lambda = 0.3)                              ¦ 10 ¦ lambda needs a distribution of |λ|²",
            "drift step           ¦ let d = drift(2)                                                      ¦ 10 ¦ a drift step must lie in (0, 1]",
            "trajectory model     ¦ let t = trajectory(e, quantum)                                        ¦ 10 ¦ trajectory follows the superdeterministic model",
            "trajectory λ length  ¦ let t = trajectory(e, superdeterministic, lambda = [0.5])             ¦ 10 ¦ λ needs 3 values",
            "trajectory times     ¦ let t = trajectory(e, superdeterministic, times = [1, 0.5])           ¦ 10 ¦ times must increase",
    })
    void badInputIsALocatedError(String what, String line, int lineNumber, String message) throws IOException {
        assertLocated(what, SETUP + line.strip() + "\n", lineNumber, message);
    }

    @org.junit.jupiter.api.Test
    void aMasterEquationTooLargeForMemoryIsRefusedBeforeAnyWork() throws IOException {
        String tenQubits = """
                system q0, q1, q2, q3, q4, q5, q6, q7, q8, q9 : qubit
                detector D on q0 = spin(0)
                experiment big {
                  prepare |0000000000>
                  measure D
                }
                let t = trajectory(big, superdeterministic, times = list(0 .. 5000))
                """;
        assertLocated("too large", tenQubits, 7, "MB, over the");
    }

    private void assertLocated(String what, String text, int lineNumber, String message) throws IOException {
        Path script = dir.resolve("bad.beable");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {script.toString(), "--threads", "2"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, what + ": " + error);
        assertTrue(error.contains("bad.beable:" + lineNumber + ":"), what + ": not located at line " + lineNumber + ": " + error);
        assertTrue(error.contains(message), what + ": expected «" + message + "» in " + error);
        assertTrue(!error.contains("internal error") && !error.contains("Exception"), what + ": " + error);
    }
}
