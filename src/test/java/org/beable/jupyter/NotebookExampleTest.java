package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.beable.interp.Interpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/notebooks/chsh.ipynb is saved with its outputs, and replays exactly: its code cells,
 * sent again to a fresh kernel, succeed and print the very same tables (same script, same seed).
 */
class NotebookExampleTest {
    static final Path NOTEBOOK = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "examples", "notebooks", "chsh.ipynb");
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void theSavedNotebookHasItsOutputsAndReplaysThemExactly(@TempDir Path folder) throws Exception {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
        assertEquals("beable", notebook.path("metadata").path("kernelspec").path("name").asText());
        List<JsonNode> cells = new ArrayList<>();
        for (JsonNode cell : notebook.path("cells")) if (cell.path("cell_type").asText().equals("code")) cells.add(cell);
        assertTrue(cells.size() >= 5);
        assertTrue(NotebookChecks.problems(notebook).isEmpty(), NotebookChecks.problems(notebook).toString());

        Path file = KernelClient.connectionFile(folder);
        Kernel kernel = Kernel.start(file, new Interpreter.Options(0, null, Interpreter.Options.DEFAULT_MAX_TRIALS, 64, folder));
        try (KernelClient client = new KernelClient(ConnectionInfo.read(file))) {
            client.awaitIopub(WAIT);
            for (JsonNode cell : cells) {
                KernelClient.Cell ran = client.execute(source(cell), WAIT);
                assertEquals("ok", ran.reply().content().path("status").asText(), ran.reply().content().toString());
                List<String> saved = plainTexts(cell.path("outputs"));
                List<String> fresh = new ArrayList<>();
                for (Message m : ran.outputs()) {
                    if (m.type().equals("execute_result") || m.type().equals("display_data")) fresh.add(m.content().path("data").path("text/plain").asText());
                }
                assertEquals(saved, fresh, "cell " + cell.path("execution_count"));
            }
        } finally {
            kernel.close();
        }
    }

    static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isTextual()) return source.asText();
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private static List<String> plainTexts(JsonNode outputs) {
        List<String> texts = new ArrayList<>();
        for (JsonNode output : outputs) {
            JsonNode plain = output.path("data").path("text/plain");
            if (plain.isMissingNode()) continue;
            if (plain.isTextual()) {
                texts.add(plain.asText());
            } else {
                StringBuilder text = new StringBuilder();
                plain.forEach(line -> text.append(line.asText()));
                texts.add(text.toString());
            }
        }
        assertFalse(texts.isEmpty() && outputs.size() > 0);
        return texts;
    }
}
