package org.beable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.beable.golden.InProcess.Result;
import org.beable.golden.InProcess;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets it: exit codes, -e, --format json, --threads, --seed, piped input. */
class MainCliTest {
    static final Path EXAMPLES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "examples");

    @TempDir
    Path dir;

    Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static void assertExit(int expected, Result r) {
        assertEquals(expected, r.exit(), () -> "wrong exit code\n" + r.describe());
    }

    /** A JSON document that is the whole of stdout (Jackson rejects trailing content). */
    static JsonNode json(Result r) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        return mapper.readTree(r.out());
    }

    // ------------------------------------------------------------------ exit codes

    @Nested
    class InternalErrors {
        Result withInjectedFailure(String... args) {
            System.setProperty(FailureInjection.PROPERTY, "on");
            try {
                return InProcess.run(args);
            } finally {
                System.clearProperty(FailureInjection.PROPERTY);
            }
        }

        @Test
        void aBugInBeableExitsThreeWithOneLocatedLine() throws IOException {
            Result r = withInjectedFailure(script("bug.beable", "let x = 1\nprint internal_failure()\n").toString());
            assertExit(3, r);
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.describe());
            assertTrue(lines[0].contains("bug.beable:2:7: internal error in Beable while evaluating internal_failure()"), r.describe());
            assertTrue(lines[0].contains("NullPointerException") && lines[0].contains("bug in Beable"), r.describe());
            assertFalse(r.err().contains("\tat "), "no stack trace without --debug\n" + r.describe());
        }

        @Test
        void debugPrintsTheStackTrace() throws IOException {
            Result r = withInjectedFailure("--debug", script("bug.beable", "print internal_failure()\n").toString());
            assertExit(3, r);
            assertTrue(r.err().contains("java.lang.NullPointerException") && r.err().contains("\tat org.beable.cli.FailureInjection"), r.describe());
        }

        @Test
        void aRefusedArgumentIsStillAUserError() throws IOException {
            Result r = InProcess.run(script("user.beable", "print sqrt([1, 2])\n").toString());
            assertExit(1, r);
        }
    }

    @Nested
    class ExitCodes {
        @Test
        void successfulScriptExitsZero() throws IOException {
            Result r = InProcess.run(script("ok.beable", "print 6 * 7\n").toString());
            assertExit(0, r);
            assertEquals("42\n", r.out());
            assertEquals("", r.err());
        }

        @Test
        void scriptErrorExitsOneWithLocatedMessage() throws IOException {
            Path file = script("bad.beable", "let x = 1\nprint y\n");
            Result r = InProcess.run(file.toString());
            assertExit(1, r);
            assertEquals(List.of(file + ":2:7: 'y' is not defined", "  print y", "        ^"), r.errLines().subList(0, 3));
            assertFalse(r.err().contains("Exception"), r::describe);
        }

        @Test
        void failedAssertExitsOne() throws IOException {
            Result r = InProcess.run(script("assert.beable", "assert 1 > 2\n").toString());
            assertExit(1, r);
            assertTrue(r.err().contains("assertion failed: 1 > 2"), r::describe);
        }

        @Test
        void syntaxErrorExitsOne() throws IOException {
            Result r = InProcess.run(script("syntax.beable", "let = 1\n").toString());
            assertExit(1, r);
            assertEquals("", r.out());
        }

        @Test
        void missingFileExitsTwo() {
            Path missing = dir.resolve("no_such_script.beable");
            Result r = InProcess.run(missing.toString());
            assertExit(2, r);
            assertEquals("beable: cannot read '" + missing + "': no such file\n", r.err());
            assertEquals("", r.out());
        }

        @Test
        void directoryInsteadOfFileExitsTwo() {
            assertExit(2, InProcess.run(dir.toString()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"--no-such-option", "--threads=x", "--format=yaml", "--seed=abc", "--max-trials=0", "--max-dim=1", "--max-sparse-dim=1", "--threads=-1"})
        void badOptionExitsTwo(String option) throws IOException {
            Result r = InProcess.run(option, script("ok.beable", "print 1\n").toString());
            assertExit(2, r);
            assertEquals("", r.out(), "nothing runs on bad usage");
            assertFalse(r.err().isBlank(), "bad usage is explained on stderr");
        }

        @Test
        void unknownOptionIsNamed() {
            Result r = InProcess.run("--bogus");
            assertExit(2, r);
            assertTrue(r.err().contains("Unknown option: '--bogus'"), r::describe);
        }

        @Test
        void fileAndExpressionTogetherExitTwo() throws IOException {
            Result r = InProcess.run("-e", "1", script("ok.beable", "print 1\n").toString());
            assertExit(2, r);
            assertEquals("beable: give a FILE or -e EXPR, not both\n", r.err());
        }

        @Test
        void helpAndVersionExitZero() {
            Result help = InProcess.run("--help");
            assertExit(0, help);
            assertTrue(help.out().contains("Usage: beable"), help::describe);
            Result version = InProcess.run("--version");
            assertExit(0, version);
            assertTrue(version.out().startsWith("beable "), version::describe);
        }

        @Test
        void noStackTraceOnRuntimeErrors() throws IOException {
            Result r = InProcess.run(script("rt.beable", "print [1, 2][5]\nprint X * |01>\n").toString());
            assertExit(1, r);
            assertFalse(r.err().contains("\tat "), r::describe);
            assertFalse(r.err().contains("internal error"), r::describe);
        }
    }

    // ------------------------------------------------------------------ -e

    @Nested
    class Expression {
        @Test
        void evaluatesAndPrintsTheValue() {
            Result r = InProcess.run("-e", "1+1");
            assertExit(0, r);
            assertEquals("2\n", r.out());
            assertEquals("", r.err());
        }

        @Test
        void printsComplexAndKetValues() {
            assertEquals("1 + 2i\n", InProcess.run("-e", "1 + 2i").out());
            assertEquals("|01>\n", InProcess.run("-e", "|0> ⊗ |1>").out());
        }

        @Test
        void statementWithoutValuePrintsNothing() {
            Result r = InProcess.run("-e", "let x = 3");
            assertExit(0, r);
            assertEquals("", r.out());
        }

        @Test
        void printIsNotEchoedTwice() {
            assertEquals("7\n", InProcess.run("-e", "print 7").out());
        }

        @Test
        void errorsAreLocatedInTheExpression() {
            Result r = InProcess.run("-e", "1 + nope");
            assertExit(1, r);
            assertEquals("-e:1:5: 'nope' is not defined", r.errLines().get(0));
            assertEquals("  1 + nope", r.errLines().get(1));
            assertEquals("      ^~~~", r.errLines().get(2));
        }

        @Test
        void incompleteExpressionIsASyntaxError() {
            Result r = InProcess.run("-e", "(1 +");
            assertExit(1, r);
            assertTrue(r.errLines().get(0).startsWith("-e:1:1: this ( is never closed"), r::describe);
        }
    }

    // ------------------------------------------------------------------ --format json

    @Nested
    class Json {
        @Test
        void expressionIsOneDocument() throws IOException {
            Result r = InProcess.run("--format", "json", "-e", "1+1");
            assertExit(0, r);
            JsonNode doc = json(r);
            assertTrue(doc.isObject());
            assertTrue(doc.get("beable").isTextual());
            assertEquals(0, doc.get("seed").asLong());
            assertEquals(1, doc.get("output").size());
            assertEquals(2, doc.get("output").get(0).asInt());
            assertFalse(doc.has("error"), "no error key on success");
        }

        @Test
        void everyPrintIsAnEntryAndSeveralValuesAnArray() throws IOException {
            Path file = script("p.beable", "seed 12\nprint \"a\"\nprint 1, 2.5\nprint 1 + 2i\nprint true\n");
            Result r = InProcess.run("--format", "json", file.toString());
            assertExit(0, r);
            JsonNode doc = json(r);
            assertEquals(12, doc.get("seed").asLong());
            JsonNode output = doc.get("output");
            assertEquals(4, output.size());
            assertEquals("a", output.get(0).asText());
            assertTrue(output.get(1).isArray());
            assertEquals(1, output.get(1).get(0).asInt());
            assertEquals(2.5, output.get(1).get(1).asDouble());
            assertEquals(1, output.get(2).get("re").asDouble());
            assertEquals(2, output.get(2).get("im").asDouble());
            assertTrue(output.get(3).asBoolean());
        }

        @Test
        void quantumValuesCarryTheirEntries() throws IOException {
            JsonNode ket = json(InProcess.run("--format", "json", "-e", "|+>")).get("output").get(0);
            assertEquals("ket", ket.get("kind").asText());
            assertEquals(Math.sqrt(0.5), ket.get("re").get(1).get(0).asDouble(), 1e-15);
            assertEquals("0.7071067812|0> + 0.7071067812|1>", ket.get("text").asText());
        }

        @Test
        void predictionIsATable() throws IOException {
            Path file = script("t.beable", String.join("\n",
                    "system q : qubit",
                    "detector D on q = spin(0)",
                    "experiment e {",
                    "  prepare |+>",
                    "  measure D",
                    "}",
                    "print predict e", ""));
            JsonNode table = json(InProcess.run("--format", "json", file.toString())).get("output").get(0);
            assertEquals("e under quantum (exact)", table.get("title").asText());
            assertEquals(List.of("D", "probability", "standard_error", "count", "trials"), texts(table.get("columns")));
            assertEquals(2, table.get("rows").size());
            assertEquals(0.5, table.get("rows").get(0).get(1).asDouble(), 1e-12);
        }

        @Test
        void errorKeyOnFailureWithOutputSoFar() throws IOException {
            Path file = script("f.beable", "print 1\nassert 1 == 2\nprint 3\n");
            Result r = InProcess.run("--format", "json", file.toString());
            assertExit(1, r);
            JsonNode doc = json(r);
            assertEquals(1, doc.get("output").size(), "output printed before the error is kept");
            assertTrue(doc.get("error").asText().contains("assertion failed: 1 == 2"), doc::toString);
            assertTrue(doc.get("error").asText().startsWith(file + ":2:1: "), doc::toString);
        }

        @Test
        void syntaxErrorIsReportedInTheDocument() throws IOException {
            Result r = InProcess.run("--format", "json", "-e", "1 +* 2");
            assertExit(1, r);
            assertTrue(json(r).get("error").asText().contains("unexpected '*'"), r::describe);
        }

        @Test
        void seedOptionIsReported() throws IOException {
            assertEquals(77, json(InProcess.run("--format", "json", "--seed", "77", "-e", "1")).get("seed").asLong());
        }

        private List<String> texts(JsonNode array) {
            List<String> out = new ArrayList<>();
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) out.add(it.next().asText());
            return out;
        }
    }

    // ------------------------------------------------------------------ --threads

    @Nested
    class Threads {
        @Test
        void chshExampleIsIdenticalForOneTwoAndThreeThreads() {
            Path example = EXAMPLES.resolve("chsh_quantum.beable");
            assumeTrue(Files.isRegularFile(example), "examples/chsh_quantum.beable is present");
            Result one = InProcess.run("--threads", "1", example.toString());
            assertExit(0, one);
            assertTrue(one.out().contains("CHSH for A, B  [quantum, sampled]"), one::describe);
            for (String threads : List.of("2", "3")) {
                Result other = InProcess.run("--threads", threads, example.toString());
                assertExit(0, other);
                assertEquals(one.out(), other.out(), "stdout with --threads " + threads + " differs from --threads 1");
            }
        }

        @Test
        void randomSettingChoiceIsIdenticalForAnyThreadCount() throws IOException {
            Path file = script("random.beable", String.join("\n",
                    "seed 31",
                    "system alice : qubit",
                    "system bob : qubit",
                    "detector A on alice = spin(a)",
                    "detector B on bob = spin(b)",
                    "experiment e {",
                    "  prepare (|01> - |10>) / sqrt(2)",
                    "  measure A, B",
                    "  settings a in {0, pi/2}, b in {pi/4, -pi/4, none}",
                    "  choose random",
                    "  trials 100000",
                    "}",
                    "print run e",
                    "print run e",
                    "print chsh(run e, A, B)", ""));
            Result one = InProcess.run("--threads", "1", file.toString());
            assertExit(0, one);
            for (String threads : List.of("2", "3", "0")) {
                assertEquals(one.out(), InProcess.run("--threads", threads, file.toString()).out(), "--threads " + threads);
            }
        }

        @Test
        void ruleChoiceIsIdenticalForAnyThreadCount() throws IOException {
            Path file = script("rule.beable", String.join("\n",
                    "seed 4",
                    "system q : qubit",
                    "detector D on q = spin(a)",
                    "experiment e {",
                    "  prepare |+>",
                    "  measure D",
                    "  settings a in {0, pi/2, pi}",
                    "  choose by t => [0, pi/2, pi][t % 3]",
                    "  trials 100000",
                    "}",
                    "print run e", ""));
            Result one = InProcess.run("--threads", "1", file.toString());
            assertExit(0, one);
            assertEquals(one.out(), InProcess.run("--threads", "3", file.toString()).out());
        }
    }

    // ------------------------------------------------------------------ --seed

    @Nested
    class Seed {
        @Test
        void seedOptionOverridesTheScript() throws IOException {
            Path seeded1 = script("s1.beable", "seed 1\nprint random()\n");
            Path seeded5 = script("s5.beable", "seed 5\nprint random()\n");
            String fromScript5 = InProcess.run(seeded5.toString()).out();
            String fromScript1 = InProcess.run(seeded1.toString()).out();
            assertNotEquals(fromScript1, fromScript5, "different seeds give different numbers");
            assertEquals(fromScript5, InProcess.run("--seed", "5", seeded1.toString()).out(), "--seed 5 wins over `seed 1`");
            assertEquals(fromScript5, InProcess.run("--seed", "5", seeded5.toString()).out());
        }

        @Test
        void seedOptionFixesSampledRuns() throws IOException {
            Path file = script("run.beable", String.join("\n",
                    "seed 1",
                    "system q : qubit",
                    "detector D on q = spin(pi/2)",
                    "experiment e {",
                    "  prepare |0>",
                    "  measure D",
                    "  trials 5000",
                    "}",
                    "print run e", ""));
            String a = InProcess.run("--seed", "9", file.toString()).out();
            String b = InProcess.run("--seed", "9", file.toString()).out();
            String c = InProcess.run("--seed", "10", file.toString()).out();
            String script = InProcess.run(file.toString()).out();
            assertEquals(a, b, "same --seed, same counts");
            assertNotEquals(a, c, "another --seed, other counts");
            assertNotEquals(a, script, "--seed 9 replaces the script's seed 1");
        }

        @Test
        void withoutAnySeedRunsAreStillReproducible() {
            String a = InProcess.run("-e", "random()").out();
            assertEquals(a, InProcess.run("-e", "random()").out(), "the default seed is fixed, not the clock");
        }
    }

    // ------------------------------------------------------------------ piped stdin

    @Nested
    class PipedInput {
        Result withStdin(String input, String... args) {
            assumeTrue(System.console() == null, "stdin is not a terminal, so the REPL reads it as a batch");
            InputStream saved = System.in;
            try {
                System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
                return InProcess.run(args);
            } finally {
                System.setIn(saved);
            }
        }

        @Test
        void runsAsOneBatch() {
            Result r = withStdin("let x = 2\nfor k in 1 .. 3 {\n  print k * x\n}\nprint \"done\"\n");
            assertExit(0, r);
            assertEquals("2\n4\n6\ndone\n", r.out());
            assertEquals("", r.err(), "no prompt or banner when stdin is piped");
        }

        @Test
        void bareExpressionsPrintTheirValueAsAtThePrompt() {
            Result r = withStdin("1+1\nlet x = 3\nx * 2\nprint \"p\"\n");
            assertExit(0, r);
            assertEquals("2\n6\np\n", r.out());
        }

        @Test
        void firstErrorStopsTheBatchWithExitOne() {
            Result r = withStdin("print 1\nprint nope\nprint 3\n");
            assertExit(1, r);
            assertEquals("1\n", r.out());
            assertEquals("<stdin>:2:7: 'nope' is not defined", r.errLines().get(0));
        }

        @Test
        void syntaxErrorsInTheBatchAreAllReported() {
            Result r = withStdin("print 1 +* 2\nprint 3 ]\n");
            assertExit(1, r);
            assertEquals("", r.out(), "nothing runs when the batch does not parse");
            assertTrue(r.err().contains("<stdin>:1:10: unexpected '*'") && r.err().contains("<stdin>:2:9: unexpected ']'"), r::describe);
        }

        @Test
        void emptyInputIsFine() {
            Result r = withStdin("");
            assertExit(0, r);
            assertEquals("", r.out());
        }

        @Test
        void jsonFormatWorksOnPipedInput() throws IOException {
            Result r = withStdin("print 1\nprint 2\n", "--format", "json");
            assertExit(0, r);
            assertEquals(2, json(r).get("output").size());
        }

        @Test
        void usesStandardModules() {
            Result r = withStdin("use bell\nprint tsirelson\n");
            assertExit(0, r);
            assertEquals("2.828427125\n", r.out());
        }
    }

    // ------------------------------------------------------------------ --format csv

    @Test
    void csvFormatWritesRecords() throws IOException {
        Result r = InProcess.run("--format", "csv", "-e", "1+1");
        assertExit(0, r);
        assertEquals("2\n", r.out());
        Path file = script("csv.beable", String.join("\n",
                "system q : qubit",
                "detector D on q = spin(0)",
                "experiment e {",
                "  prepare |0>",
                "  measure D",
                "}",
                "print predict e", ""));
        Result table = InProcess.run("--format", "csv", file.toString());
        assertExit(0, table);
        assertTrue(table.outLines().get(0).startsWith("D,probability"), table::describe);
        assertEquals(3, table.outLines().size(), "a header and one record per outcome");
    }
}
