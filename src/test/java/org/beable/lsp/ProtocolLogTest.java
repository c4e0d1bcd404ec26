package org.beable.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.junit.jupiter.api.Test;

/** A malformed message reaches the editor's log as one plain line, not a Java stack trace. */
class ProtocolLogTest {
    @Test
    void aMalformedMessageIsOneLine() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ProtocolLog.install(new PrintStream(captured, true, StandardCharsets.UTF_8));
        byte[] garbage = "Content-Length: 10\r\n\r\n{garbage!}".getBytes(StandardCharsets.US_ASCII);
        // LSP4J's own reader, logging through its own logger, as `beable lsp` runs it.
        new StreamMessageProducer(new ByteArrayInputStream(garbage), new MessageJsonHandler(Map.of())).listen(message -> { });
        String err = captured.toString(StandardCharsets.UTF_8);
        assertEquals("beable lsp: Expected ':' at line 1 column 11 path $.garbage!\n", err.replace("\r\n", "\n"));
        assertFalse(err.contains("\tat "), err);
    }
}
