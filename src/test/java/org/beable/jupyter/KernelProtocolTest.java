package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.beable.interp.Interpreter;
import org.beable.output.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The kernel driven through the real protocol by a ZeroMQ client, as a notebook drives it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    static final String SINGLET = """
            system alice : qubit
            system bob : qubit
            state psi = (|01> - |10>) / sqrt(2)
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            """;

    /** A run of 8·10⁷ trials of a script model: seconds long, so it can be watched and interrupted. */
    static final String LONG_RUN = SINGLET + """
            model bell64 {
              hidden lam ~ uniform(0, 2*pi)
              outcome A = sign(cos(a - lam))
              outcome B = -sign(cos(b - lam))
            }
            experiment long {
              prepare psi
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
              trials 20000000
            }
            let r = run long under bell64
            """;

    private Kernel kernel;
    private KernelClient client;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        Path file = KernelClient.connectionFile(folder);
        kernel = Kernel.start(file, new Interpreter.Options(2, null, Interpreter.Options.DEFAULT_MAX_TRIALS, 64, folder));
        client = new KernelClient(ConnectionInfo.read(file));
        client.awaitIopub(WAIT);
    }

    @AfterAll
    void stop() {
        client.close();
        kernel.close();
    }

    @Test
    void kernelInfoNamesTheLanguage() {
        String id = client.send(client.shell, "kernel_info_request", Message.JSON.objectNode());
        Message reply = client.reply(client.shell, id, WAIT);
        assertNotNull(reply);
        assertEquals("kernel_info_reply", reply.type());
        JsonNode language = reply.content().path("language_info");
        assertEquals("beable", language.path("name").asText());
        assertEquals(".beable", language.path("file_extension").asText());
        assertEquals("text/x-beable", language.path("mimetype").asText());
        assertEquals(Version.current(), language.path("version").asText());
        assertEquals("5.3", reply.content().path("protocol_version").asText());
    }

    @Test
    void printedValuesStreamAndTheLastExpressionIsTheResult() {
        KernelClient.Cell cell = client.execute("let x = 20\nprint x, \"and\", x + 1\nx * 2", WAIT);
        assertEquals("ok", cell.reply().content().path("status").asText());
        int count = cell.reply().content().path("execution_count").asInt();
        assertTrue(count >= 1);
        assertEquals(List.of("20 and 21\n"), cell.of("stream").stream().map(m -> m.content().path("text").asText()).toList());
        Message result = cell.of("execute_result").get(0);
        assertEquals("40", result.content().path("data").path("text/plain").asText());
        assertEquals(count, result.content().path("execution_count").asInt());
        assertEquals(Version.current(), result.content().path("metadata").path("beable").path("version").asText());
        assertTrue(result.content().path("metadata").path("beable").has("seed"));
        assertEquals("execute_input", cell.outputs().get(1).type());     // busy, the input, then its outputs

        KernelClient.Cell next = client.execute("x + 1", WAIT);        // the session keeps its names
        assertEquals(count + 1, next.reply().content().path("execution_count").asInt());
        assertEquals("21", next.of("execute_result").get(0).content().path("data").path("text/plain").asText());
    }

    @Test
    void aResultIsTheTerminalTableInTextAndHtmlWithItsSeed() {
        KernelClient.Cell cell = client.execute(SINGLET + """
                experiment small {
                  prepare psi
                  measure A, B
                  settings a in {0, pi/2}, b in {pi/4, -pi/4}
                  trials 2000
                }
                seed 77
                chsh(run small under quantum)
                """, WAIT);
        assertEquals("ok", cell.reply().content().path("status").asText(), cell.reply().content().toString());
        JsonNode result = cell.of("execute_result").get(0).content();
        String text = result.path("data").path("text/plain").asText();
        String html = result.path("data").path("text/html").asText();
        assertTrue(text.contains("CHSH") && text.contains("───"), text);
        assertTrue(html.startsWith("<table") && html.contains("<th") && html.contains("<td"), html);
        for (String line : text.split("\n")) {          // every title and header word of the text table is in the HTML one
            for (String word : line.split("\\s+")) if (word.matches("[A-Za-z]{3,}")) assertTrue(html.contains(word), word);
        }
        assertEquals(77, result.path("metadata").path("beable").path("seed").asLong());
    }

    @Test
    void anErrorIsLocatedWithCaretAndHintAndNoJavaTrace() {
        client.execute("let kept = 5", WAIT);
        KernelClient.Cell cell = client.execute("let y = 1\nlet z = nowhere + 1", WAIT);
        JsonNode reply = cell.reply().content();
        assertEquals("error", reply.path("status").asText());
        List<Message> errors = cell.of("error");
        assertEquals(1, errors.size());
        String traceback = String.join("\n", texts(errors.get(0).content().path("traceback")));
        int count = reply.path("execution_count").asInt();
        assertTrue(traceback.contains("cell[" + count + "]:2:9: 'nowhere' is not defined"), traceback);     // In[count], line 2, column 9
        assertTrue(traceback.contains("let z = nowhere + 1") && traceback.contains("^~~~~~~") && traceback.contains("hint:"), traceback);
        assertFalse(traceback.contains("Exception") || traceback.contains("at org."), traceback);
        assertEquals(errors.get(0).content().path("evalue").asText(), reply.path("evalue").asText());
        assertEquals("5", client.execute("kept", WAIT).of("execute_result").get(0).content().path("data").path("text/plain").asText());
    }

    @Test
    void completionOffersTheReplsCandidates() {
        client.execute("let velocity = 3", WAIT);
        ObjectNode request = Message.JSON.objectNode();
        request.put("code", "print velo");
        request.put("cursor_pos", 10);
        Message reply = client.reply(client.shell, client.send(client.shell, "complete_request", request), WAIT);
        assertEquals(List.of("velocity"), texts(reply.content().path("matches")));
        assertEquals(6, reply.content().path("cursor_start").asInt());
        assertEquals(10, reply.content().path("cursor_end").asInt());

        request.put("code", "let r = run e under qu");
        request.put("cursor_pos", 22);
        reply = client.reply(client.shell, client.send(client.shell, "complete_request", request), WAIT);
        assertTrue(texts(reply.content().path("matches")).contains("quantum"), reply.content().toString());
    }

    @Test
    void commandsWorkInACellAndCompleteTheirArguments() {
        KernelClient.Cell help = client.execute(":help chsh", WAIT);
        assertEquals("ok", help.reply().content().path("status").asText());
        assertTrue(help.of("stream").get(0).content().path("text").asText().contains("chsh"), help.outputs().toString());

        ObjectNode request = Message.JSON.objectNode();
        request.put("code", ":he");
        request.put("cursor_pos", 3);
        Message reply = client.reply(client.shell, client.send(client.shell, "complete_request", request), WAIT);
        assertEquals(List.of(":help"), texts(reply.content().path("matches")));
        request.put("code", ":load ");
        request.put("cursor_pos", 6);
        reply = client.reply(client.shell, client.send(client.shell, "complete_request", request), WAIT);
        assertNotNull(reply, "file names complete (JLine's file completer gets a terminal)");
        assertEquals("ok", reply.content().path("status").asText());
    }

    @Test
    void inspectionShowsTheHelpOfTheNameUnderTheCursor() {
        ObjectNode request = Message.JSON.objectNode();
        request.put("code", "let s = sqrt(2)");
        request.put("cursor_pos", 11);
        request.put("detail_level", 0);
        Message reply = client.reply(client.shell, client.send(client.shell, "inspect_request", request), WAIT);
        assertTrue(reply.content().path("found").asBoolean());
        assertTrue(reply.content().path("data").path("text/plain").asText().startsWith("sqrt(x)"), reply.content().toString());

        request.put("code", "chsh(");
        request.put("cursor_pos", 5);
        reply = client.reply(client.shell, client.send(client.shell, "inspect_request", request), WAIT);
        assertTrue(reply.content().path("found").asBoolean());

        request.put("code", "zzz_unknown");
        request.put("cursor_pos", 3);
        reply = client.reply(client.shell, client.send(client.shell, "inspect_request", request), WAIT);
        assertFalse(reply.content().path("found").asBoolean());
    }

    @Test
    void theGrammarDecidesWhetherACellIsComplete() {
        assertEquals("incomplete", isComplete("for x in 1 .. 3 {\n  print x"));
        assertEquals("incomplete", isComplete("let y = 1 +"));
        assertEquals("complete", isComplete("for x in 1 .. 3 { print x }"));
        assertEquals("complete", isComplete("let = = ="));        // simply wrong: complete, so the error shows at once
    }

    private String isComplete(String code) {
        ObjectNode request = Message.JSON.objectNode();
        request.put("code", code);
        return client.reply(client.shell, client.send(client.shell, "is_complete_request", request), WAIT).content().path("status").asText();
    }

    @Test
    void aPlotIsDrawnInlineAsSvgAndPng() {
        KernelClient.Cell cell = client.execute("for g in 0 .. 1 step 0.25 { row into curve gamma = g, S = 2 * g }\nplot S vs gamma from curve", WAIT);
        assertEquals("ok", cell.reply().content().path("status").asText(), cell.reply().content().toString());
        List<Message> displays = cell.of("display_data");
        assertEquals(1, displays.size());
        JsonNode data = displays.get(0).content().path("data");
        String svg = data.path("image/svg+xml").asText();
        assertTrue(svg.contains("<svg") && svg.contains("beable " + Version.current()), svg.substring(0, Math.min(300, svg.length())));
        byte[] png = Base64.getDecoder().decode(data.path("image/png").asText());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(cell.of("stream").isEmpty(), "no text plot besides the picture");
    }

    @Test
    void historyKeepsTheInputs() {
        client.execute("let h1 = 1", WAIT);
        client.execute("let h2 = 2", WAIT);
        ObjectNode request = Message.JSON.objectNode();
        request.put("hist_access_type", "tail");
        request.put("n", 2);
        request.put("output", false);
        request.put("raw", true);
        Message reply = client.reply(client.shell, client.send(client.shell, "history_request", request), WAIT);
        JsonNode history = reply.content().path("history");
        assertEquals(2, history.size());
        assertEquals("let h1 = 1", history.get(0).get(2).asText());
        assertEquals("let h2 = 2", history.get(1).get(2).asText());
        assertEquals(history.get(0).get(1).asInt() + 1, history.get(1).get(1).asInt());
    }

    @Test
    void anInterruptRequestCancelsALongRunAndKeepsTheSession() throws Exception {
        client.execute("let before = 7", WAIT);
        ObjectNode content = Message.JSON.objectNode();
        content.put("code", LONG_RUN);
        String id = client.send(client.shell, "execute_request", content);
        // the progress display appears once the run has gone on for a moment: then interrupt it
        List<Message> seen = new ArrayList<>(client.broadcastsUntil(id, m -> m.type().equals("display_data"), WAIT));
        assertEquals("display_data", seen.get(seen.size() - 1).type(), "no progress display for a long run");
        String displayId = seen.get(seen.size() - 1).content().path("transient").path("display_id").asText();
        assertFalse(displayId.isEmpty());
        Message interrupted = client.reply(client.control, client.send(client.control, "interrupt_request", Message.JSON.objectNode()), WAIT);
        assertEquals("interrupt_reply", interrupted.type());
        seen.addAll(client.broadcasts(id, WAIT));
        Message reply = client.reply(client.shell, id, WAIT);
        assertEquals("error", reply.content().path("status").asText());
        assertEquals("Interrupted", reply.content().path("ename").asText());
        assertTrue(seen.stream().anyMatch(m -> m.type().equals("update_display_data")
                && m.content().path("transient").path("display_id").asText().equals(displayId)), "the progress display is updated in place");
        KernelClient.Cell after = client.execute("before + 1", WAIT);
        assertEquals("8", after.of("execute_result").get(0).content().path("data").path("text/plain").asText());
    }

    @Test
    void aMessageWithAWrongSignatureIsDropped() {
        ObjectNode header = Message.header("kernel_info_request", "s", "test");
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        client.sendFrames(client.shell, List.of(Wire.DELIMITER, "0".repeat(64).getBytes(StandardCharsets.US_ASCII), Wire.bytes(header), empty, empty, empty));
        assertNull(client.reply(client.shell, header.path("msg_id").asText(), Duration.ofSeconds(1)));
        String id = client.send(client.shell, "kernel_info_request", Message.JSON.objectNode());
        assertNotNull(client.reply(client.shell, id, WAIT), "the kernel still answers signed requests");
    }

    @Test
    void theHeartbeatEchoes() {
        client.heartbeat.send("ping");
        long end = System.nanoTime() + WAIT.toNanos();
        byte[] echo = null;
        while (echo == null && System.nanoTime() < end) echo = client.heartbeat.recv(0);
        assertEquals("ping", new String(echo, StandardCharsets.UTF_8));
    }

    @Test
    void aShutdownRequestStopsTheKernel(@TempDir Path other) throws Exception {
        Path file = KernelClient.connectionFile(other);
        Kernel second = Kernel.start(file, Interpreter.Options.defaults());
        try (KernelClient c = new KernelClient(ConnectionInfo.read(file))) {
            ObjectNode content = Message.JSON.objectNode();
            content.put("restart", false);
            Message reply = c.reply(c.control, c.send(c.control, "shutdown_request", content), WAIT);
            assertEquals("shutdown_reply", reply.type());
            assertFalse(reply.content().path("restart").asBoolean());
            Thread waiter = new Thread(() -> {
                try {
                    second.awaitShutdown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            waiter.join(WAIT.toMillis());
            assertFalse(waiter.isAlive(), "awaitShutdown returned");
        } finally {
            second.close();
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
