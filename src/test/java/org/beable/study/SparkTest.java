package org.beable.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `--spark local[2]`: the cells as Spark tasks, the same bytes as a local run; failures and unreachable masters. */
class SparkTest {
    @TempDir
    Path dir;

    /** Two sweeps, the second reading the first's table: its tasks take the first sweep's rows along. */
    static final String TWO_SWEEPS = SweepTest.STUDY + """
            let first = len(column(results, "S"))
            sweep k in [1, 2, 3] {
              print "cell", k, first
              row into second k = k, twice = first * k, u = random()
            }
            print second
            export second to "second.json"
            """;

    /**
     * Under --format json and csv too: a value printed in a cell (numbers, a result table) comes
     * back in the driver's output form, so the document is the one a local run prints.
     */
    @Test
    @Timeout(180)
    void printsInCellsKeepTheirFormUnderJsonAndCsv() throws IOException {
        Path script = dir.resolve("printing.beable");
        Files.writeString(script, SweepTest.CHSH + """
                sweep g in [0.05, 0.4] {
                  let r = run e under retrocausal(gamma = g)
                  print g, 0.1 + 0.2, "text"
                  print chsh(r)
                  print r
                }
                """, StandardCharsets.UTF_8);
        for (String form : new String[] {"json", "csv"}) {
            Result local = InProcess.run(script.toString(), "--format", form, "--threads", "2");
            assertEquals(0, local.exit(), local.describe());
            Result spark = InProcess.run(script.toString(), "--format", form, "--spark", "local[2]");
            assertEquals(0, spark.exit(), spark.describe());
            assertEquals(local.out(), spark.out(), form);
        }
    }

    @Test
    @Timeout(180)
    void sparkGivesTheBytesOfALocalRun() throws IOException {
        Path script = dir.resolve("study.beable");
        Files.writeString(script, TWO_SWEEPS, StandardCharsets.UTF_8);
        Result local = InProcess.run(script.toString(), "--out", dir.toString(), "--threads", "2");
        assertEquals(0, local.exit(), local.describe());
        String csv = Files.readString(dir.resolve("s.csv"));
        String json = Files.readString(dir.resolve("second.json"));
        Files.delete(dir.resolve("s.csv"));
        Files.delete(dir.resolve("second.json"));

        Result spark = InProcess.run(script.toString(), "--out", dir.toString(), "--spark", "local[2]");
        assertEquals(0, spark.exit(), spark.describe());
        assertEquals(local.out(), spark.out());
        assertEquals(csv, Files.readString(dir.resolve("s.csv")));
        assertEquals(json, Files.readString(dir.resolve("second.json")));

        // A cell that fails on an executor is reported as the same located error, after the cells before it.
        Path failing = dir.resolve("failing.beable");
        Files.writeString(failing, "sweep x in [1, 2, 3, 4] {\n  print x\n  assert x < 3\n}\n", StandardCharsets.UTF_8);
        Result failed = InProcess.run(failing.toString(), "--spark", "local[2]");
        assertEquals(1, failed.exit(), failed.describe());
        assertEquals("1\n2\n", failed.out());
        assertTrue(failed.err().contains("failing.beable:3:3: assertion failed: x < 3"), failed.describe());
    }

    /** The driver's limits travel with the tasks: a raised --max-sparse-dim holds on the executors too. */
    @Test
    @Timeout(180)
    void tasksKeepTheSessionsLimits() throws IOException {
        Path script = dir.resolve("large.beable");
        Files.writeString(script, "system a : qudit(256)\nsystem b : qudit(256)\nsystem c : qubit\nsweep x in [1, 2] { print x }\n",
                StandardCharsets.UTF_8);
        Result local = InProcess.run(script.toString(), "--max-sparse-dim", "131072", "--threads", "2");
        assertEquals(0, local.exit(), local.describe());
        Result spark = InProcess.run(script.toString(), "--max-sparse-dim", "131072", "--spark", "local[2]");
        assertEquals(0, spark.exit(), spark.describe());
        assertEquals(local.out(), spark.out());
    }

    @Test
    @Timeout(60)
    void anUnreachableMasterIsAClearErrorWithinTheTimeout() throws IOException {
        Path script = dir.resolve("s.beable");
        Files.writeString(script, "sweep x in [1] { print x }\n", StandardCharsets.UTF_8);
        Result r = InProcess.run(script.toString(), "--spark", "spark://127.0.0.1:1");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("--spark spark://127.0.0.1:1: cannot reach the Spark master at 127.0.0.1:1 within 10 s"), r.describe());
        assertFalse(r.err().contains("\tat "), r.describe());
    }
}
