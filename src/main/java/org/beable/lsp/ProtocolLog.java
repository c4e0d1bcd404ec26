package org.beable.lsp;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What LSP4J reports about the protocol (a malformed message, an unknown method), as one plain
 * line on standard error — the editor's log of the server — instead of java.util.logging's
 * record with a Java stack trace. Standard output is the protocol stream, so nothing goes there.
 */
final class ProtocolLog extends Handler {
    /** Held here: java.util.logging keeps only weak references to loggers, and would drop the setting with one. */
    private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

    private final PrintStream err;

    private ProtocolLog(PrintStream err) {
        this.err = err;
    }

    static void install(PrintStream err) {
        LSP4J.setUseParentHandlers(false);
        for (Handler h : LSP4J.getHandlers()) LSP4J.removeHandler(h);
        LSP4J.addHandler(new ProtocolLog(err));
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) return;
        err.println("beable lsp: " + summary(record));
    }

    /** The record's message, or its exception's innermost message; first line only. */
    static String summary(LogRecord record) {
        Throwable cause = record.getThrown();
        String text = record.getMessage();
        if (cause != null) {
            while (cause.getCause() != null) cause = cause.getCause();
            if (cause.getMessage() != null) text = cause.getMessage();
        }
        if (text == null) text = "a protocol error (" + (cause != null ? cause.getClass().getSimpleName() : "no detail") + ")";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
