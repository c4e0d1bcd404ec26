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

/** `systems q1, q2` in an experiment: it acts on those declared systems alone; mistakes are located. */
class ExperimentSystemsTest {
    @TempDir
    Path folder;

    private Result run(String script) throws IOException {
        Path file = folder.resolve("sys.beable");
        Files.writeString(file, script);
        return InProcess.run(file.toString());
    }

    private static final String SETUP = """
            system q1, q2, q3 : qubit
            system r : qudit(3)
            detector A on q1 = Z
            detector B on q2 = Z
            detector C on q3 = Z
            """;

    private void failsAt(Result r, int line, String... phrases) {
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("sys.beable:" + line + ":"), r.err());
        for (String p : phrases) assertTrue(r.err().contains(p), "'" + p + "' in " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anExperimentOnSomeSystemsUsesTheirLayoutInItsOrder() throws IOException {
        Result r = run(SETUP + """
                experiment e {
                  systems q3, q1
                  prepare |10>
                  measure A, C
                }
                let p = predict e
                assert prob(p, C = -1, A = +1) ≈ 1 within 1e-15      # the first factor is q3
                experiment all {
                  prepare |0,0,0,2>
                  measure A
                }
                assert prob(predict all, A = +1) ≈ 1 within 1e-15       # without the clause: every declared system
                experiment qutrit {
                  systems r
                  prepare |0,0,0,1>
                  measure A
                }
                """);
        // the last experiment's state lives on all four systems, not on r alone
        failsAt(r, 20, "the state has dimension 24 but experiment 'qutrit' acts on r, of dimension 3");
    }

    @Test
    void mistakesAreLocated() throws IOException {
        failsAt(run(SETUP + "experiment e {\n  systems q1, q2\n  prepare |00>\n  measure A, C\n}\n"), 9,
                "detector 'C' acts on system 'q3', which experiment 'e' does not include", "add it to `systems`");
        failsAt(run(SETUP + "experiment e {\n  systems q1, nowhere\n  prepare |00>\n  measure A\n}\n"), 7,
                "'nowhere' is not a declared system");
        failsAt(run(SETUP + "experiment e {\n  systems q1, q1\n  prepare |00>\n  measure A\n}\n"), 7, "system 'q1' is listed twice");
        failsAt(run(SETUP + "experiment e {\n  systems q1\n  systems q2\n  prepare |0>\n  measure A\n}\n"), 8,
                "names its systems twice");
        failsAt(run(SETUP + "experiment e {\n  systems q1, q2\n  prepare |00>\n  evolve X ⊗ X ⊗ X for 1\n  measure A\n}\n"), 9,
                "the Hamiltonian has dimension 8 but the systems have dimension 4", "write H on them alone");
    }
}
