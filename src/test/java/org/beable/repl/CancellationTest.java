package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.beable.cli.TextOutput;
import org.beable.interp.Interpreter;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (the terminal's INT signal) while an entry runs cancels it; the session carries on. */
class CancellationTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private synchronized String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(30)
    void interruptCancelsARunningEntryAndKeepsTheSession() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard);
        int[] exit = {-1};
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, in, screen, StandardCharsets.UTF_8)) {
            Repl repl = new Repl(terminal, Interpreter.Options.defaults(), TextOutput::new, dir.resolve("history"));
            Thread loop = new Thread(() -> exit[0] = repl.run());
            loop.start();
            type(keyboard, "let kept = 7\nlet n = 0\nprint \"looping\"; while true { n = n + 1 }\n");
            awaitScreen("looping");
            Thread.sleep(200);
            terminal.raise(Terminal.Signal.INT);
            awaitScreen("cancelled");
            type(keyboard, "kept + 1\nn > 0\n");
            awaitScreen("true");
            keyboard.close();
            loop.join(10_000);
        }
        String shown = shown();
        assertTrue(shown.contains("cancelled\n"), shown);
        assertTrue(shown.contains("8\n"), shown);
        assertEquals(0, exit[0]);
    }

    private static void type(PipedOutputStream keyboard, String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private void awaitScreen(String text) throws InterruptedException {
        while (!shown().contains(text)) Thread.sleep(20);
    }
}
