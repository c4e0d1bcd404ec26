package org.beable.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Files written by `export` and `plot` match golden copies, byte for byte (plots: their recorded provenance). */
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
    @ValueSource(strings = {"prediction.csv", "prediction.json", "run.csv", "table.csv", "table.json"})
    void exportedFileMatchesGolden(String name) throws Exception {
        runScriptOnce();
        String expected = Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
        String actual = Files.readString(written.resolve(name), StandardCharsets.UTF_8)
                .replace(GOLDEN.resolve("export.beable").toString(), "export.beable");
        assertEquals(expected, actual, name + " differs from its golden copy");
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
