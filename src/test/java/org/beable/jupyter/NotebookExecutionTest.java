package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter itself runs the example notebook: `beable jupyter install --prefix TMP`, then
 * `jupyter nbconvert --to notebook --execute` with only that prefix on JUPYTER_PATH. Skipped where
 * Debian's Jupyter tools are missing; .ci/run installs them, so CI always runs it.
 */
class NotebookExecutionTest {
    private static final Path NBCONVERT = Path.of("/usr/bin/jupyter-nbconvert");

    @Test
    void jupyterRunsTheExampleNotebookAgainstTheInstalledKernel(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NBCONVERT), "Debian's jupyter-nbconvert is not installed");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertEquals(0, JupyterCommand.run(new String[] {"install", "--prefix", folder.toString()}, out, out), said.toString(StandardCharsets.UTF_8));

        ProcessBuilder nbconvert = new ProcessBuilder(NBCONVERT.toString(), "--to", "notebook", "--execute",
                NotebookExampleTest.NOTEBOOK.toString(), "--output-dir", folder.toString(), "--output", "chsh_run",
                "--ExecutePreprocessor.kernel_name=beable", "--ExecutePreprocessor.timeout=300")
                .redirectErrorStream(true).redirectOutput(folder.resolve("nbconvert.log").toFile()).directory(folder.toFile());
        Map<String, String> environment = nbconvert.environment();
        environment.put("JUPYTER_PATH", folder.resolve("share/jupyter").toString());
        for (String own : List.of("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR")) environment.put(own, folder.resolve(own.toLowerCase()).toString());
        environment.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process process = nbconvert.start();
        assertTrue(process.waitFor(8, TimeUnit.MINUTES), "nbconvert finished");
        String log = Files.readString(folder.resolve("nbconvert.log"));
        assertEquals(0, process.exitValue(), log);

        JsonNode notebook = new ObjectMapper().readTree(folder.resolve("chsh_run.ipynb").toFile());
        assertEquals(List.of(), NotebookChecks.problems(notebook), log);
    }
}
