package org.beable.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beable.golden.InProcess;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The static check against the command line: on every example, stdlib module and golden script,
 * what it reports is what running the script reports (the same text, at the same place), and on
 * a script that runs cleanly it reports nothing.
 */
class StaticCheckTest {
    private static final Interpreter SESSION = new Interpreter(Interpreter.Options.defaults(), values -> { });

    /**
     * Goldens that show an undefined name on a branch that never runs (`false and x`, `if … then x`):
     * the script passes, and the check still reports the name, which is the point of checking.
     */
    private static final java.util.Set<String> ON_BRANCHES_NOT_TAKEN = java.util.Set.of("short_circuit.beable", "conditional_expression.beable");

    static StaticCheck.Report check(Path file) throws IOException {
        Source source = new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        return StaticCheck.check(SESSION, source, file.toAbsolutePath().getParent());
    }

    static List<Path> scripts(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(p -> p.toString().endsWith(".beable")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> examplesAndStdlibHaveNoFindings() throws IOException {
        List<Path> files = new java.util.ArrayList<>(scripts("examples"));
        files.addAll(scripts("stdlib"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            StaticCheck.Report report = check(file);
            assertEquals("", report.errors().stream().map(BeableError::render).collect(Collectors.joining("\n")));
            assertEquals("", report.warnings().stream().map(BeableError::render).collect(Collectors.joining("\n")));
            assertFalse(report.program().isEmpty());
        }));
    }

    /** Goldens that fail when run: the check finds the same first error, or nothing when the error needs running; goldens that pass: nothing. */
    @TestFactory
    Stream<DynamicTest> goldensAgreeWithTheCommandLine() throws IOException {
        return scripts("src/test/resources/golden").stream().filter(p -> !p.getFileName().toString().startsWith("_"))
                .filter(p -> !p.toString().contains("/_bugs/"))
                .map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
                    List<BeableError> found = check(file).errors();
                    if (found.isEmpty() || ON_BRANCHES_NOT_TAKEN.contains(file.getFileName().toString())) return;
                    InProcess.Result cli = InProcess.run("--threads", "1", "--max-trials", "1", file.toString());
                    assertEquals(1, cli.exit(), "the check found\n" + found.get(0).render() + "\nbut the script " + cli.describe());
                    String expected = cli.err().stripTrailing();
                    String ours = found.get(0).kind() == BeableError.Kind.SYNTAX
                            ? found.stream().map(BeableError::render).collect(Collectors.joining("\n"))
                            : found.get(0).render();
                    assertEquals(expected, ours);
                    // `beable --check` prints the check's findings: the first is the running script's error
                    InProcess.Result checked = InProcess.run("--check", file.toString());
                    assertEquals(1, checked.exit());
                    assertTrue(checked.err().startsWith(expected), checked.describe());
                }));
    }

    private static List<BeableError> check(String text) {
        return StaticCheck.check(SESSION, new Source("t.beable", text), Path.of(".")).errors();
    }

    private static String first(String text) {
        List<BeableError> errors = check(text);
        assertFalse(errors.isEmpty(), "no finding in:\n" + text);
        return errors.get(0).render();
    }

    /** What running the text says. */
    private static String runtime(String text) {
        try {
            new Interpreter(Interpreter.Options.defaults(), values -> { }).run(new Source("t.beable", text));
            return "(ran)";
        } catch (BeableError e) {
            return e.render();
        }
    }

    @Test
    void findsWhatOnlyRunningUsedToFind() {
        assertTrue(first("let amplitude = 1\nfn f() = 2\nprint f() + amplitud").contains("t.beable:3:13: 'amplitud' is not defined"));
        assertTrue(first("print atan2(1)").contains("atan2() takes 2 arguments, got 1"));
        assertTrue(first("let m = retrocausal(gama = 1)").contains("model 'retrocausal' has no parameter 'gama'"));
        assertTrue(first("system a : qubit\ndetector D on b = Z").contains("t.beable:2:15: 'b' is not a declared system"));
        assertTrue(first("let m = retrocausal(gamma = \"big\")").contains("parameter 'gamma' must be a real number, got"));
        assertEquals(first("let m = retrocausal(gamma = \"big\")"), runtime("let m = retrocausal(gamma = \"big\")"));
        assertTrue(first("use no_such_module").contains("no standard module 'no_such_module'"));
        assertTrue(first("use \"no/such/file.beable\"").contains("cannot read 'no/such/file.beable': no such file"));
        assertTrue(first("let x = 1\ny = 2").contains("'y' is not defined\n  y = 2"));
        assertTrue(first("print sqrt(x = nonsense)").contains("'nonsense' is not defined"));
    }

    @Test
    void warnsOfASettingNoDetectorReads() {
        String text = "system a : qubit\ndetector D on a = spin(t)\nexperiment e { prepare |0>\n measure D\n settings t in {0, 1}, u in {0, 1} }";
        StaticCheck.Report report = StaticCheck.check(SESSION, new Source("t.beable", text), Path.of("."));
        assertEquals(List.of(), report.errors());
        assertEquals(1, report.warnings().size());
        assertTrue(report.warnings().get(0).render().startsWith("t.beable:5:24: no detector of experiment 'e' reads setting 'u'"),
                report.warnings().get(0).render());
    }

    @Test
    void acceptsWhatRunsFine() {
        assertEquals(List.of(), check("fn f(n) = if n < 1 then 0 else g(n - 1)\nfn g(n) = f(n)\nprint f(3)"));
        assertEquals(List.of(), check("let m = grw(formulation = nonlinear)"));
        assertEquals(List.of(), check("for k in 1 .. 3 { let y = k\n print y }"));
        assertEquals(List.of(), check("system a : qubit\ndetector D on a = spin(t)\nexperiment e { prepare |0>\n measure D\n settings t in {0, 1} }"));
        assertEquals(List.of(), check("use bell\nprint psi_minus"));
    }

    @Test
    void halfTypedTextNeverThrows() {
        String text = "system a : qubit\ndetector D on a = spin(t)\nexperiment e { prepare |0>\n measure D\n settings t in {0, 1} }\nprint predict e under retrocausal(gamma = 0.1)";
        for (int cut = 0; cut <= text.length(); cut++) check(text.substring(0, cut));
    }
}
