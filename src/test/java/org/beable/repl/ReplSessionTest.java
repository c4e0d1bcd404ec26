package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Whole sessions typed at a (dumb) terminal: what persists, what echoes, what an error keeps. */
class ReplSessionTest {
    @TempDir Path dir;

    private ScriptedSession session(String input) {
        return ScriptedSession.run(input, dir.resolve("history"));
    }

    @Test
    void definitionsPersistAndExpressionsEcho() {
        ScriptedSession s = session("""
                let x = 2
                fn twice(y) = 2 * y
                twice(x) + 1
                let unused = 0
                """);
        assertEquals("5\n", s.results);
        assertEquals(0, s.exitCode);
    }

    @Test
    void statementsPrintButDoNotEcho() {
        ScriptedSession s = session("""
                let x = 3
                print "x is", x
                """);
        assertEquals("x is 3\n", s.results);
    }

    @Test
    void aBlockEnteredOverSeveralLinesRunsAsOneEntry() {
        ScriptedSession s = session("""
                fn fact(n) {
                  if n <= 1 { return 1 }
                  return n * fact(n - 1)
                }
                for k in [3, 4] {
                  print k, fact(k)
                }
                let total = 1 +
                  2
                total
                """);
        assertEquals("3 6\n4 24\n3\n", s.results);
        assertFalse(s.screen.contains("error"), s.screen);
    }

    @Test
    void aWrongLineShowsItsErrorAndLosesNothing() {
        ScriptedSession s = session("""
                let x = 10
                let y = x +* 2
                print undefined_name
                x / 4
                """);
        assertTrue(s.screen.contains("<repl:2>:1:"), s.screen);
        assertTrue(s.screen.contains("'undefined_name' is not defined"), s.screen);
        assertEquals("2.5\n", s.results);
    }

    @Test
    void aSavedSessionReplaysToTheSameOutput() throws IOException {
        Path script = dir.resolve("session.beable");
        Path loaded = dir.resolve("lib.beable");
        Files.writeString(loaded, "let offset = 100\nprint \"loaded\", offset\n");
        ScriptedSession s = session("""
                seed 7
                let x = 2
                x + 1
                :seed 42
                use bell
                :load %s
                fn f(t) = t^2 + offset
                for k in 1 .. 2 {
                  print f(k)
                }
                random()
                let wrong = not_defined
                system q : qubit
                detector D on q = spin(pi/3)
                experiment e {
                  prepare |0>
                  measure D
                  trials 1000
                }
                prob(run e, D = +1).value
                let r = run e
                :time prob(r, D = -1).value
                :save %s
                """.formatted(loaded, script));
        assertTrue(s.screen.contains("saved "), s.screen);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {script.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(s.results, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertTrue(s.results.contains("loaded 100"), s.results);
        assertTrue(Files.readString(script).contains("seed 42"));
    }

    @Test
    void twoEmptyLinesEndAnUnfinishedEntry() {
        ScriptedSession s = session("let v = 1 +\n\n\n:list\n");
        assertTrue(s.screen.contains("<repl:1>:"), s.screen);
        assertTrue(s.screen.contains("no inputs yet"), s.screen);
    }

    @Test
    void unknownCommandIsOneLineAndTheSessionContinues() {
        ScriptedSession s = session(":frobnicate now\n1 + 1\n");
        assertTrue(s.screen.contains("unknown command ':frobnicate'; :help lists the commands\n"), s.screen);
        assertEquals("2\n", s.results);
    }

    @Test
    void ambiguousCommandPrefixSaysWhichCommandsItMatches() {
        ScriptedSession s = session(":s 3\n");
        assertTrue(s.screen.contains("':s' is ambiguous: :save, :seed"), s.screen);
    }

    @Test
    void loadingAMissingFileIsOneLine() {
        ScriptedSession s = session(":load no/such/file.beable\n2 * 3\n");
        assertTrue(s.screen.contains("cannot read 'no/such/file.beable': no such file\n"), s.screen);
        assertEquals("6\n", s.results);
    }

    @Test
    void savingToAnUnwritablePathIsOneLine() {
        ScriptedSession s = session("let a = 1\n:save " + dir.resolve("missing/folder/x.beable") + "\na\n");
        assertTrue(s.screen.contains("cannot write '"), s.screen);
        assertTrue(s.screen.contains("no such file or directory\n"), s.screen);
        assertEquals("1\n", s.results);
    }

    @Test
    void loadRunsAFileInTheSession() throws IOException {
        Path file = dir.resolve("defs.beable");
        Files.writeString(file, "let base = 40\nfn plus2(v) = v + 2\n");
        ScriptedSession s = session(":load " + file + "\nplus2(base)\n");
        assertEquals("42\n", s.results);
    }

    @Test
    void resetForgetsNames() {
        ScriptedSession s = session("let x = 1\n:reset\nx\nlet x = 5\nx\n");
        assertTrue(s.screen.contains("'x' is not defined"), s.screen);
        assertEquals("5\n", s.results);
    }

    @Test
    void seedCommandRestartsTheRandomNumbers() {
        ScriptedSession s = session(":seed 9\nlet a = random()\n:seed 9\nrandom() == a\n:seed nine\n");
        assertEquals("true\n", s.results);
        assertTrue(s.screen.contains("usage: :seed N"), s.screen);
    }

    @Test
    void listShowsInputsAndNames() {
        ScriptedSession s = session("let x = 1\nfn g(t) = t\nlet = 3\n:list\n:list names\n");
        assertTrue(s.screen.contains("   1  let x = 1\n   2  fn g(t) = t\n"), s.screen);
        assertTrue(s.screen.contains("g : function\n") || s.screen.contains("g : "), s.screen);
        assertTrue(s.screen.contains("x : number"), s.screen);
        assertFalse(s.screen.contains("sqrt :"), s.screen);
    }

    @Test
    void timePrintsTheValueAndTheWallTime() {
        ScriptedSession s = session(":time 6 * 7\n");
        assertEquals("42\n", s.results);
        assertTrue(s.screen.matches("(?s).*time: \\d+\\.\\d{3} s\n.*"), s.screen);
    }

    @Test
    void quitEndsTheSessionWithZero() {
        ScriptedSession s = session("1\n:quit\n2\n");
        assertEquals("1\n", s.results);
        assertEquals(0, s.exitCode);
    }

    @Test
    void endOfInputEndsTheSessionWithZero() {
        ScriptedSession s = session("let x = 1\n");
        assertEquals(0, s.exitCode);
    }

    @Test
    void helpListsTopicsAndShowsOne() {
        ScriptedSession s = session(":help\n:help chsh\n:help sqrt\n:help :save\n:help nonsense\n");
        assertTrue(s.screen.contains(":load FILE"), s.screen);
        assertTrue(s.screen.contains("born_deviation"), s.screen);
        assertTrue(s.screen.contains("chsh(RESULT, A, B)"), s.screen);
        assertTrue(s.screen.contains("sqrt("), s.screen);
        assertTrue(s.screen.contains(":save FILE\n    write this session's inputs"), s.screen);
        assertTrue(s.screen.contains("no help on 'nonsense'; :help lists the topics\n"), s.screen);
        String quantum = session(":help quantum\n").screen;
        assertTrue(quantum.contains("The quantum model is ordinary quantum mechanics"), quantum);    // docs/models/quantum.md
        assertTrue(quantum.contains("Bell's conditions:") && quantum.contains("docs/models/quantum.md"), quantum);
    }

    @Test
    void historyIsKeptInTheGivenFile() throws IOException {
        Path history = dir.resolve("history");
        ScriptedSession.run("let remembered = 1\n", history);
        assertTrue(Files.readString(history).contains("let remembered = 1"));
    }

    @Test
    void historyFileHonoursPropertyThenVariableThenHome() {
        var props = new java.util.Properties();
        props.setProperty("user.home", "/home/someone");
        assertEquals(Path.of("/home/someone/.beable_history"), Repl.historyFile(java.util.Map.of(), props));
        assertEquals(Path.of("/tmp/h1"), Repl.historyFile(java.util.Map.of(Repl.HISTORY_VARIABLE, "/tmp/h1"), props));
        props.setProperty(Repl.HISTORY_PROPERTY, "/tmp/h2");
        assertEquals(Path.of("/tmp/h2"), Repl.historyFile(java.util.Map.of(Repl.HISTORY_VARIABLE, "/tmp/h1"), props));
    }
}
