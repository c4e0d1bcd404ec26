package org.beable.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.beable.cli.TextOutput;
import org.beable.interp.Interpreter;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A whole REPL session as text in, text out: a dumb terminal on byte streams, as a user at a
 * terminal without colours would see it. `results` holds only what the interpreter printed
 * (values and echoes), for comparing with a script's output.
 */
final class ScriptedSession {
    final String screen;
    final String results;
    final int exitCode;

    private ScriptedSession(String screen, String results, int exitCode) {
        this.screen = screen;
        this.results = results;
        this.exitCode = exitCode;
    }

    static ScriptedSession run(String input, Path history) {
        return run(input, history, Interpreter.Options.defaults());
    }

    static ScriptedSession run(String input, Path history, Interpreter.Options options) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        PrintStream resultStream = new PrintStream(results, true, StandardCharsets.UTF_8);
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            Repl repl = new Repl(terminal, options, terminalStream -> new TeeOutput(new TextOutput(terminalStream), new TextOutput(resultStream)), history);
            int code = repl.run();
            terminal.flush();
            return new ScriptedSession(normalise(screen.toString(StandardCharsets.UTF_8)), normalise(results.toString(StandardCharsets.UTF_8)), code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace("\r", "");
    }

    /** Prints to the terminal and to the results at once. */
    private record TeeOutput(TextOutput screen, TextOutput results) implements org.beable.interp.Output {
        @Override
        public void print(java.util.List<Object> values) {
            screen.print(values);
            results.print(values);
        }
    }
}
