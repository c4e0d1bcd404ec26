package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.golden.InProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `:save` keeps what took effect: the part of a line or of a `:load` before its error, and random
 * streams that a failed or cancelled statement used are put back, so the saved script, run on
 * its own, prints exactly what the session printed.
 */
class ReplReplayTest {
    @TempDir Path dir;

    private static final String EXPERIMENT = """
            seed 7
            system q : qubit
            detector D on q = spin(pi/3)
            experiment e {
              prepare |0>
              measure D
              trials 1000
            }
            """;

    /** Runs the session, saves it, runs the saved script, and requires the same printed results. */
    private ScriptedSession sessionThatReplays(String input) {
        Path saved = dir.resolve("saved.beable");
        ScriptedSession s = ScriptedSession.run(input + ":save " + saved + "\n", dir.resolve("history"));
        assertTrue(s.screen.contains("saved "), s.screen);
        InProcess.Result replay = InProcess.run(saved.toString());
        assertEquals(0, replay.exit(), () -> replay.describe() + "\nsaved script:\n" + read(saved));
        assertEquals(s.results, replay.out(), () -> "saved script:\n" + read(saved));
        return s;
    }

    @Test
    void aLineThatFailsPartWayKeepsItsFirstStatementsInTheSavedScript() {
        ScriptedSession s = sessionThatReplays("""
                let a1 = 1; let a2 = nosuch; let a3 = 3
                print a1 + 1
                """);
        assertTrue(s.screen.contains("'nosuch' is not defined"), s.screen);
        assertEquals("2\n", s.results);
    }

    @Test
    void aLoadThatFailsAtLineThreeKeepsLinesOneAndTwo() throws IOException {
        Path script = Files.writeString(dir.resolve("part.beable"), "let b1 = 10\nlet b2 = b1 + 1\nlet b3 = nosuch\nlet b4 = 4\n");
        ScriptedSession s = sessionThatReplays(":load " + script + "\nprint b1 + b2\n");
        assertTrue(s.screen.contains("'nosuch' is not defined"), s.screen);
        assertEquals("21\n", s.results);
    }

    @Test
    void aStatementThatFailsAfterDrawingLeavesTheScriptStreamWhereItWas() {
        ScriptedSession s = sessionThatReplays("""
                seed 3
                print random() + nosuch
                print random()
                """);
        assertTrue(s.results.matches("0\\.\\d+\\n"), s.results);
    }

    @Test
    void aRunInAFailedStatementDoesNotShiftLaterRuns() {
        ScriptedSession s = sessionThatReplays(EXPERIMENT + """
                let lost = prob(run e, D = +1).value + nosuch
                prob(run e, D = +1).value
                """);
        assertEquals(1, s.results.lines().count(), s.results);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
