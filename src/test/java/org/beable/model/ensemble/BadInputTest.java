package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input, from a script: each error is located (file:line:col) and says what to do. */
class BadInputTest {
    @TempDir
    Path folder;

    private record Result(int exit, String out, String err) {}

    private Result run(String script) throws IOException {
        Path file = folder.resolve("bad.beable");
        Files.writeString(file, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {file.toString(), "--threads", "2"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String TWO_LEVEL = """
            let D = 0.5 * exp(0.3 * i)
            let H = [0, D; conj(D), 0]
            let psi = sqrt(0.7) * |0> + sqrt(0.3) * exp(-i) * |1>
            """;

    private void fails(Result r, int line, String... phrases) {
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("bad.beable:" + line + ":"), "located at line " + line + ": " + r.err());
        for (String phrase : phrases) assertTrue(r.err().contains(phrase), "'" + phrase + "' in: " + r.err());
        assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), r.err());
    }

    @Test
    void noMembers() throws IOException {
        fails(run("let m = ensemble(members = 0)\n"), 1, "an ensemble needs at least one member", "members = 100000");
    }

    @Test
    void aNonHermitianHamiltonian() throws IOException {
        fails(run("let h = evolve_ensemble(ensemble(), [0, 1; 0, 0], |0>, 1)\n"), 1, "is not Hermitian", "H[0,1] = 1",
                "must equal its adjoint");
    }

    @Test
    void aTimeStepTooLargeForTheAccuracy() throws IOException {
        fails(run(TWO_LEVEL + "let h = evolve_ensemble(ensemble(members = 1000000, dt = 0.5), H, psi, 8)\n"), 4,
                "dt = 0.5 is too large for accuracy", "the largest safe step is", "leave dt out");
        fails(run(TWO_LEVEL + "let h = evolve_ensemble(ensemble(dt = 0.1, accuracy = 1e-8), H, psi, 8)\n"), 4,
                "too large for accuracy 1e-8", "the largest safe step is");
    }

    @Test
    void aTimeStepTooLargeInARun() throws IOException {
        fails(run(TWO_LEVEL + """
                system q : qubit
                detector B on q = Z
                experiment e {
                  prepare psi
                  evolve H for 8
                  measure B
                  trials 10000
                }
                let r = run e under ensemble(dt = 1)
                """), 12, "ensemble: the time step dt = 1 is too large", "the largest safe step is");
    }

    @Test
    void nodesWithoutSpectatorsAreWarnedAbout() throws IOException {
        Result r = run("let h = evolve_ensemble(ensemble(members = 1000), 0.5 * X, |0>, 3)\nassert len(h.warnings) == 1\n");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("warning: the prepared state has nodes: value 1 has no members"), r.out());
        assertTrue(r.out().contains("add spectators = 1") && r.out().contains("admixture"), r.out());
    }

    @Test
    void optionsThatNeedTheMemberLevel() throws IOException {
        fails(run("let m = ensemble(f = 2)\n"), 1, "f (phase alignment) needs every member's own phase", "level = member");
        fails(run("let m = ensemble(level = members)\n"), 1, "level = members is not one of: class, member, mean_field");
        fails(run("let m = ensemble(damping = 1, level = member)\n"), 1, "damping acts on the phase momenta", "set f too");
        fails(run("let t = track(ensemble(), 0.5 * X, |+>, 1)\n"), 1, "track follows single members", "level = member");
    }

    @Test
    void experimentsTheEnsembleCannotRun() throws IOException {
        String systems = "system q : qubit\ndetector A on q = Z\ndetector C on q = X\n";
        fails(run(systems + "experiment e {\n  prepare density(|0>) / 2 + density(|1>) / 2\n  measure A\n}\nlet r = run e under ensemble\n"),
                8, "needs a pure prepared state", "Tr ρ² = 0.5");
        fails(run(systems + "experiment e {\n  prepare |0>\n  measure A\n  measure C\n}\nlet r = run e under ensemble\n"),
                9, "measures in more than one step", "one `measure` line");
    }

    @Test
    void aStateThatIsNotNormalised() throws IOException {
        fails(run("let h = evolve_ensemble(ensemble(), 0.5 * X, |0> + |1>, 1)\n"), 1, "not normalised");
    }
}
