package org.beable.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beable.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example checks itself with `assert`; this runs each one and requires exit 0 and no error output. */
class ExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndPassesItsAsserts() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".beable")).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no examples found");
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path files = Files.createTempDirectory("beable-example-");   // where export and plot write
            int exit = Main.run(new String[] {example.toString(), "--threads", "2", "--out", files.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            try (Stream<Path> written = Files.walk(files)) {
                written.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            assertEquals("", err.toString(StandardCharsets.UTF_8), example + " wrote to stderr");
            assertEquals(0, exit, example + " failed");
        }));
    }
}
