package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.beable.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `beable jupyter install | remove`: the kernelspec's place and content. */
class KernelSpecTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int beable(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void installWritesTheKernelspecAndRemoveTakesItAway(@TempDir Path prefix) throws Exception {
        assertEquals(0, beable("jupyter", "install", "--prefix", prefix.toString()), err.toString(StandardCharsets.UTF_8));
        Path file = prefix.resolve("share/jupyter/kernels/beable/kernel.json");
        JsonNode spec = new ObjectMapper().readTree(file.toFile());
        assertEquals("Beable", spec.path("display_name").asText());
        assertEquals("beable", spec.path("language").asText());
        assertEquals("message", spec.path("interrupt_mode").asText());
        List<String> argv = KernelProtocolTest.texts(spec.path("argv"));
        assertTrue(Files.isExecutable(Path.of(argv.get(0))), argv.get(0));
        assertEquals(List.of("jupyter", "kernel", "{connection_file}"), argv.subList(argv.size() - 3, argv.size()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(file.toString()));

        assertEquals(0, beable("jupyter", "remove", "--prefix", prefix.toString()));
        assertFalse(Files.exists(file.getParent()));
        assertEquals(1, beable("jupyter", "remove", "--prefix", prefix.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no Beable kernel is installed"));
    }

    @Test
    void aPortInUseIsAPlainError(@TempDir Path folder) throws Exception {
        Path file = KernelClient.connectionFile(folder);
        ConnectionInfo info = ConnectionInfo.read(file);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(info.shellPort(), 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, beable("jupyter", "kernel", file.toString()));
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("cannot listen on tcp://127.0.0.1:" + info.shellPort()), said);
        assertFalse(said.contains("\tat "), said);
    }

    @Test
    void theUsersFolderFollowsJupytersRules() {
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels/beable"), KernelSpec.folder(null, Map.of(), "/home/u", "Linux"));
        assertEquals(Path.of("/x/jupyter/kernels/beable"), KernelSpec.folder(null, Map.of("XDG_DATA_HOME", "/x"), "/home/u", "Linux"));
        assertEquals(Path.of("/d/kernels/beable"), KernelSpec.folder(null, Map.of("JUPYTER_DATA_DIR", "/d"), "/home/u", "Linux"));
        assertEquals(Path.of("/Users/u/Library/Jupyter/kernels/beable"), KernelSpec.folder(null, Map.of(), "/Users/u", "Mac OS X"));
        assertEquals(Path.of("/p/share/jupyter/kernels/beable"), KernelSpec.folder(Path.of("/p"), Map.of("JUPYTER_DATA_DIR", "/d"), "/home/u", "Linux"));
    }

    @Test
    void badUsageIsExitTwoWithAPlainMessage(@TempDir Path folder) {
        assertEquals(2, beable("jupyter"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("install"));
        assertEquals(2, beable("jupyter", "install", "--user", "--prefix", folder.toString()));
        assertEquals(2, beable("jupyter", "kernel", folder.resolve("missing.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the connection file"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"));
    }
}
