package org.beable.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by `export` and `plot` match golden copies, byte for byte (plots: their recorded
 * provenance); the folder written to, which the recorded command line names, reads "OUT".
 */
class ExportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/export");

    @TempDir
    static Path written;

    private static synchronized void runScriptOnce() throws Exception {
        if (Files.exists(written.resolve("table.json"))) return;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {GOLDEN.resolve("export.beable").toString(), "--threads", "2", "--out", written.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, exit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prediction.csv", "prediction.csv.json", "prediction.json", "run.csv", "run.csv.json", "table.csv",
            "table.csv.json", "table.json"})
    void exportedFileMatchesGolden(String name) throws Exception {
        runScriptOnce();
        String expected = Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
        String actual = Files.readString(written.resolve(name), StandardCharsets.UTF_8)
                .replace(GOLDEN.resolve("export.beable").toString(), "export.beable").replace(written.toString(), "OUT");
        assertEquals(expected, actual, name + " differs from its golden copy");
    }

    /**
     * pandas reads each CSV file with no options: number columns (by the side file) come out
     * numeric, with the JSON export's values (to the last bit through Python's csv and float();
     * pandas' default fast parser may miss the last bit, its float_precision="round_trip" does not).
     * Skipped without python3 + pandas.
     */
    @Test
    void pandasReadsTheCsvFilesWithNoOptions() throws Exception {
        assumeTrue(pythonWithPandas(), "python3 with pandas is not installed");
        runScriptOnce();
        String check = String.join("\n",
                "import csv, json, math, sys, pandas",
                "for name in ['prediction', 'table']:",
                "    frame = pandas.read_csv(sys.argv[1] + '/' + name + '.csv')",
                "    side = json.load(open(sys.argv[1] + '/' + name + '.csv.json'))",
                "    rows = json.load(open(sys.argv[1] + '/' + name + '.json'))['rows']",
                "    assert list(frame.columns) == side['columns'], (name, list(frame.columns))",
                "    records = list(csv.reader(open(sys.argv[1] + '/' + name + '.csv')))",
                "    exact = pandas.read_csv(sys.argv[1] + '/' + name + '.csv', float_precision='round_trip')",
                "    assert records[0] == side['columns'] and len(records) == len(rows) + 1",
                "    for column, kind in zip(side['columns'], side['column_types']):",
                "        if kind == 'number':",
                "            assert pandas.api.types.is_numeric_dtype(frame[column]), (name, column, frame[column].dtype)",
                "        for i, row in enumerate(rows):",
                "            want, got, text = row[column], exact[column][i], records[i + 1][side['columns'].index(column)]",
                "            if want is None: assert text == '' and math.isnan(got) and math.isnan(frame[column][i]), (name, column, i, got)",
                "            else:",
                "                assert want == got, (name, column, i, want, got)",
                "                assert kind != 'number' or abs(frame[column][i] - want) <= 1e-15 * abs(want), (name, column, i, want)",
                "                assert kind != 'number' or float(text) == want, (name, column, i, text, want)",
                "print('ok')", "");
        Process p = new ProcessBuilder(PYTHON, "-c", check, written.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals("ok", output.strip());
    }

    /** The system's Python (where apt installs pandas), else the first on the PATH. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private static boolean pythonWithPandas() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pandas").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void plotFilesRecordTheirProvenance(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("plot.beable");
        Files.writeString(script, "seed 5\nfor x in 0 .. 4 { row x = x, y = x^2 }\n"
                + "plot y vs x to \"p.svg\"\nplot y vs x to \"p.png\"\n");
        int exit = Main.run(new String[] {script.toString(), "--out", dir.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        String svg = Files.readString(dir.resolve("p.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<!-- beable " + Version.current() + ", seed 5, script " + script), svg.substring(0, 200));
        byte[] png = Files.readAllBytes(dir.resolve("p.png"));
        String pngText = new String(png, StandardCharsets.ISO_8859_1);
        assertTrue(pngText.startsWith("\u0089PNG"));
        assertTrue(pngText.contains("tEXtSoftware\u0000beable " + Version.current() + ", seed 5"), "PNG lacks its tEXt provenance");
    }

    @Test
    void exportToAMissingFolderIsALocatedError(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.beable");
        Files.writeString(script, "row x = 1\nexport results to \"no/such/folder/x.csv\"\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {script.toString(), "--out", dir.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith(script + ":2:1: cannot write"), message);
        assertTrue(message.contains("does not exist"), message);
    }
}
