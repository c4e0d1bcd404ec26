package org.beable.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sweep`: cells in cell order, streams per cell, thread invariance, shards + merge, resume, and the bad inputs. */
class SweepTest {
    @TempDir
    Path dir;

    static final String CHSH = """
            seed 11
            system alice : qubit
            system bob : qubit
            state psi = (|01> - |10>) / sqrt(2)
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            experiment e {
              prepare psi
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
              trials 1000
            }
            """;

    static final String STUDY = CHSH + """
            row phase = "start"
            sweep g in [0.05, 0.1, 0.2, 0.4], t in [0, 1, 2] {
              let r = run e under retrocausal(gamma = g)
              print g, t
              row gamma = g, theta = t, S = chsh(r), u = random()
            }
            row phase = "end"
            export results to "s.csv"
            """;

    /** The study, with a run after the sweep that --max-trials 10000 stops before the export. */
    static final String STOPPABLE = STUDY.replace("row phase = \"end\"", """
            experiment long_one {
              prepare psi
              measure A, B
              settings a in {0}, b in {0}
              trials 20000
            }
            let big = run long_one
            row phase = "end"
            """);

    Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(dir.toString());
        return InProcess.run(all);
    }

    static void ok(Result r) {
        assertEquals(0, r.exit(), r.describe());
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void cellsComeInCellOrderFirstAxisOutermost() throws IOException {
        Result r = run(script("order.beable", """
                sweep a in [1, 2], b in 10 .. 30 step 10 { print a, b }
                sweep x, y in zip([1, 2, 3], ["p", "q", "r"]) { row into z x = x, y = y }
                print z
                """).toString(), "--threads", "2");
        ok(r);
        assertEquals(List.of("1 10", "1 20", "1 30", "2 10", "2 20", "2 30"), r.outLines().subList(0, 6));
        assertTrue(r.out().contains("1  p") && r.out().contains("3  r"), r.describe());
    }

    @Test
    void theBodyReadsOuterNamesAndKeepsItsOwnLocals() throws IOException {
        Result r = run(script("locals.beable", """
                let k = 100
                fn f(x) = x * k
                sweep x in [1, 2, 3] {
                  let y = f(x)
                  y = y + 1
                  fn g(z) = z + y
                  row x = x, v = g(0)
                }
                assert column(results, "v") == [101, 201, 301]
                print column(results, "v")
                """).toString(), "--threads", "2");
        ok(r);
    }

    @Test
    void outputIsTheSameBytesForAnyThreadCount() throws IOException {
        Path s = script("study.beable", STUDY);
        Result one = run(s.toString(), "--threads", "1");
        ok(one);
        String csvOne = read("s.csv");
        Result two = run(s.toString(), "--threads", "2");
        ok(two);
        assertEquals(one.out(), two.out());
        assertEquals(csvOne, read("s.csv"));
        Result four = run(s.toString(), "--threads", "4");
        assertEquals(one.out(), four.out());
        assertEquals(csvOne, read("s.csv"));
        assertFalse(Files.exists(dir.resolve("s.csv.partial")), "the journal goes once the export is written");
    }

    @Test
    void cellsDrawFromStreamsOfTheirOwn() throws IOException {
        // A run before the sweep does not shift the cells' numbers, and the sweep does not shift the run after it.
        Result plain = run(script("a.beable", CHSH + """
                sweep g in [0.1, 0.2] { row into t S = chsh(run e) }
                print t
                print chsh(run e)
                """).toString());
        Result shifted = run(script("b.beable", CHSH + """
                let before = run e
                sweep g in [0.1, 0.2] { row into t S = chsh(run e) }
                print t
                """).toString());
        Result unswept = run(script("c.beable", CHSH + """
                print chsh(run e)
                """).toString());
        ok(plain);
        ok(shifted);
        ok(unswept);
        List<String> table = shifted.outLines();
        assertEquals(table, plain.outLines().subList(0, table.size()));
        assertFalse(table.get(table.size() - 1).equals(table.get(table.size() - 2)), "two cells draw different numbers");
        assertEquals(unswept.out(), String.join("\n", plain.outLines().subList(table.size(), plain.outLines().size())) + "\n");
    }

    @Test
    void shardsMergeIntoTheUnshardedFileByteForByte() throws IOException {
        Path s = script("study.beable", STUDY);
        ok(run(s.toString()));
        String whole = read("s.csv");
        Files.delete(dir.resolve("s.csv"));
        for (int i = 0; i < 3; i++) ok(run(s.toString(), "--shard", i + "/3", "--threads", String.valueOf(1 + i % 2)));
        assertFalse(Files.exists(dir.resolve("s.csv")), "a shard writes its part, not the file");
        Result merged = InProcess.run("merge", part(2, 3), part(0, 3), part(1, 3), "--to", dir.resolve("m.csv").toString());
        ok(merged);
        assertEquals(whole, read("m.csv"));
    }

    @Test
    void shardsMergeIntoJsonToo() throws IOException {
        Path s = script("study.beable", STUDY.replace("s.csv", "s.json"));
        ok(run(s.toString()));
        String whole = read("s.json");
        for (int i = 0; i < 2; i++) ok(run(s.toString(), "--shard", i + "/2"));
        ok(InProcess.run("merge", dir.resolve("s.json.part-0-of-2").toString(), dir.resolve("s.json.part-1-of-2").toString(),
                "--to", dir.resolve("m.json").toString()));
        assertEquals(whole, read("m.json"));
    }

    private String part(int i, int k) {
        return dir.resolve("s.csv.part-" + i + "-of-" + k).toString();
    }

    @Test
    void mergeRefusesPartsOfAnotherSeedOrScriptOrAnIncompleteSet() throws IOException {
        Path s = script("study.beable", STUDY);
        ok(run(s.toString(), "--shard", "0/2"));
        ok(run(s.toString(), "--shard", "1/2", "--seed", "12"));
        Result seeds = InProcess.run("merge", part(0, 2), part(1, 2), "--to", dir.resolve("m.csv").toString());
        assertEquals(1, seeds.exit(), seeds.describe());
        assertTrue(seeds.err().contains("s.csv.part-1-of-2: made by another seed (11 vs 12)"), seeds.describe());

        Path other = script("study.beable", STUDY.replace("trials 1000", "trials 1001"));
        ok(run(other.toString(), "--shard", "1/2"));
        Result scripts = InProcess.run("merge", part(0, 2), part(1, 2), "--to", dir.resolve("m.csv").toString());
        assertEquals(1, scripts.exit(), scripts.describe());
        assertTrue(scripts.err().contains("made by another script (sha256"), scripts.describe());

        Result missing = InProcess.run("merge", part(0, 2), "--to", dir.resolve("m.csv").toString());
        assertEquals(1, missing.exit(), missing.describe());
        assertTrue(missing.err().contains("shard 1/2 is missing"), missing.describe());
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }

    @Test
    void badShardsAreUsageErrors() throws IOException {
        Path s = script("study.beable", STUDY);
        Result over = run(s.toString(), "--shard", "3/2");
        assertEquals(2, over.exit(), over.describe());
        assertTrue(over.err().contains("--shard 3/2: shard 3/2 does not exist: I counts from 0 and stays below K"), over.describe());
        Result word = run(s.toString(), "--shard", "x");
        assertEquals(2, word.exit(), word.describe());
        assertTrue(word.err().contains("--shard x: 'x' is not a shard: write I/K"), word.describe());
    }

    @Test
    void aStoppedSweepResumesRunningOnlyTheMissingCells() throws IOException {
        Path s = script("study.beable", STOPPABLE);
        Result full = run(s.toString());
        ok(full);
        String whole = read("s.csv");
        Files.delete(dir.resolve("s.csv"));
        // Stopped after the sweep (the run after it is over the limit): the journal holds all 12 cells.
        Result stopped = run(s.toString(), "--max-trials", "10000");
        assertEquals(1, stopped.exit(), stopped.describe());
        Path journal = dir.resolve("s.csv.partial");
        List<String> lines = Files.readAllLines(journal);
        assertEquals(1 + 12, lines.size());
        // As if killed after five cells: keep them, and mark one so a re-run of it would show.
        List<String> kept = new ArrayList<>(lines.subList(0, 1));
        for (String line : lines.subList(1, lines.size())) if (cell(line) < 5) kept.add(line);
        String marked = kept.get(1).replaceFirst("\\{\"s\":\"start\"\\}|\\{\"n\":\"0\\.05\"\\}", "{\"n\":\"0.0501\"}");
        kept.set(1, marked);
        Files.write(journal, kept);
        Result resumed = run(s.toString());
        ok(resumed);
        assertTrue(resumed.err().contains("5 cells of this sweep already done"), resumed.describe());
        assertTrue(read("s.csv").contains("0.0501"), "the journal's cell was not run again");
        assertEquals(whole, read("s.csv").replace("0.0501", "0.05"));
        assertEquals(full.out(), resumed.out(), "resumed cells print their lines from the journal");
        assertFalse(Files.exists(journal));
    }

    /** A journal keeps printed lines as the session's --format shows them; one made under another format is run again. */
    @Test
    void aResumedSweepPrintsItsJournaledLinesInTheSessionsFormat() throws IOException {
        Path s = script("study.beable", STOPPABLE);
        Result full = run(s.toString(), "--format", "json");
        ok(full);
        Files.delete(dir.resolve("s.csv"));
        assertEquals(1, run(s.toString(), "--format", "json", "--max-trials", "10000").exit());
        Result resumed = run(s.toString(), "--format", "json");
        ok(resumed);
        assertTrue(resumed.err().contains("12 cells of this sweep already done"), resumed.describe());
        assertEquals(full.out(), resumed.out());
        Files.delete(dir.resolve("s.csv"));
        assertEquals(1, run(s.toString(), "--max-trials", "10000").exit());      // journaled as text
        Result other = run(s.toString(), "--format", "json");
        ok(other);
        assertEquals(full.out(), other.out());
    }

    private static long cell(String line) {
        return Long.parseLong(line.replaceAll(".*\"cell\":(\\d+).*", "$1"));
    }

    @Test
    void aJournalOfAnotherSeedIsNotResumed() throws IOException {
        Path s = script("study.beable", STOPPABLE);
        run(s.toString(), "--max-trials", "10000", "--seed", "5");
        assertTrue(Files.exists(dir.resolve("s.csv.partial")));
        Result fresh = run(s.toString());
        ok(fresh);
        assertTrue(fresh.err().contains("not resuming from") && fresh.err().contains("another seed"), fresh.describe());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void cancellingKeepsTheRowsOfFinishedCellsAndTheSession() throws Exception {
        List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.beable.interp.Interpreter session = new org.beable.interp.Interpreter(
                new org.beable.interp.Interpreter.Options(2, null, 1_000_000, 64), values -> printed.add(values.toString()));
        Thread running = new Thread(() -> {
            try {
                session.run(new org.beable.syntax.Source("s", "let kept = 7\nsweep k in 0 .. 99 {\n  if k >= 3 { while true { } }\n  row k = k\n}\n"));
            } catch (org.beable.concurrent.CancelledException expected) {
                printed.add("cancelled");
            }
        });
        running.start();
        Thread.sleep(300);
        session.cancellation().cancel();
        running.join();
        assertEquals(List.of("cancelled"), printed);
        session.cancellation().reset();
        session.run(new org.beable.syntax.Source("t", "print len(column(results, \"k\")), kept\n"));
        assertEquals("[3.0, 7.0]", printed.get(1));
    }

    @Test
    void badSweepsAreLocatedErrors() throws IOException {
        assertError("sweep x in [] { row x = x }\n", "1:12: a sweep over an empty list has no cells");
        assertError("sweep x in 0 .. -1 { row x = x }\n", "1:12: a sweep over an empty range has no cells");
        assertError("sweep x in 3 { row x = x }\n", "1:12: a sweep needs a list or a range for 'x', got a number");
        assertError("let k = 1\nsweep x in [1, 2] {\n  k = x\n}\n", "3:3: a sweep's body cannot assign 'k', which is defined outside it");
        assertError("let k = 1\nfn bump() { k = k + 1 }\nsweep x in [1, 2] { bump() }\n", "2:13: 'k' is assigned while a sweep cell runs");
        assertError("sweep x in [1] { sweep y in [2] { row y = y } }\n", "1:18: a sweep cannot run inside another sweep's body");
        assertError("sweep x in [1] { export results to \"a.csv\" }\n", "1:18: `export` needs every cell's rows");
        assertError("sweep x, y in [1, 2] { row x = x }\n", "1:15: sweep item 0 is a number, but 'x, y' needs a list of 2 values");
        assertError("sweep x in [1, 2, 3] { assert x < 2 }\n", "1:24: assertion failed: x < 2");
    }

    private void assertError(String text, String expected) throws IOException {
        Result r = run(script("bad.beable", text).toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("bad.beable:" + expected), r.describe());
        assertFalse(r.err().contains("\tat "), r.describe());
    }
}
