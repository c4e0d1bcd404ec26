package org.beable.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hidden_prob(e, m, A = +1 | B = -1, …): P(A | B, s, λ) beside the joint form, checked against joint / marginal. */
class ConditionalHiddenProbTest {
    @TempDir
    Path folder;

    private Result run(String script) throws IOException {
        Path file = folder.resolve("cond.beable");
        Files.writeString(file, script);
        return InProcess.run(file.toString());
    }

    private static final String SETUP = """
            use bell
            system alice : qubit
            system bob   : qubit
            detector A on alice = spin(a)
            detector B on bob   = spin(b)
            experiment e {
              prepare singlet
              measure A, B
              settings a in {0}, b in {pi/4}
            }
            """;

    @Test
    void theConditionalIsTheJointOverTheMarginal() throws IOException {
        Result r = run(SETUP + """
                let m = retrocausal(gamma = 0.2)
                let joint = hidden_prob(e, m, A = +1, B = -1, a = 0, b = pi/4, spins = 0.5)
                let marginal_b = hidden_prob(e, m, B = -1, a = 0, b = pi/4, spins = 0.5)
                let conditional = hidden_prob(e, m, A = +1 | B = -1, a = 0, b = pi/4, spins = 0.5)
                assert conditional ≈ joint / marginal_b within 1e-14
                # given s the outcomes are independent (outcome independence): conditioning on B changes nothing
                assert conditional ≈ hidden_prob(e, m, A = +1, a = 0, b = pi/4, spins = 0.5) within 1e-12
                # the net convention ties the outcomes together given the rotations: α + β = θ means A B̄ or Ā B
                let net = retrocausal(gamma = 0.2, convention = net)
                let r = [0.5, pi/4 - 0.5]
                assert hidden_prob(e, net, A = +1, a = 0, b = pi/4, rotations = r) ≈ 0.5 within 1e-15
                assert hidden_prob(e, net, A = +1 | B = -1, a = 0, b = pi/4, rotations = r) ≈ 1 within 1e-15
                assert hidden_prob(e, net, A = +1 | B = +1, rotations = r, a = 0, b = pi/4) ≈ 0 within 1e-15
                """);
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void badConditionsAreLocated() throws IOException {
        Result positional = run(SETUP + "let p = hidden_prob(e, retrocausal(), A = +1 | 3)\n");
        assertEquals(1, positional.exit());
        assertTrue(positional.err().contains("cond.beable:11:"), positional.err());
        assertTrue(positional.err().contains("after | (given) only named arguments may follow"), positional.err());

        Result never = run(SETUP + """
                let net = retrocausal(gamma = 0.2, convention = net)
                let p = hidden_prob(e, net | A = +1, B = +1, a = 0, b = pi/4, rotations = [0.5, pi/4 - 0.5], spins = 0)
                """);
        assertEquals(1, never.exit());
        assertTrue(never.err().contains("cond.beable:12:"), never.err());
        assertTrue(never.err().contains("the condition A = 1, B = 1 has probability 0"), never.err());
        assertFalse(never.err().contains("Exception"), never.err());

        Result both = run(SETUP + "let p = hidden_prob(e, retrocausal(), A = +1 | A = -1, a = 0, b = pi/4, spins = 0.5)\n");
        assertEquals(1, both.exit());
        assertTrue(both.err().contains("detector A is on both sides of |"), both.err());
    }
}
