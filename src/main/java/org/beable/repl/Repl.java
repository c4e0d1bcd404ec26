package org.beable.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.beable.interp.Interpreter;
import org.beable.interp.Output;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.WriterOutputStream;

/**
 * The interactive loop: JLine reads an entry (as many lines as the grammar needs), the session
 * runs it. Ctrl-C at the prompt clears the line, Ctrl-C while an entry runs cancels it, and
 * Ctrl-D (or `:quit`) leaves with exit code 0. History persists in ~/.beable_history, or where
 * the system property `beable.history` or the environment variable BEABLE_HISTORY point.
 */
public final class Repl {
    public static final String HISTORY_PROPERTY = "beable.history";
    public static final String HISTORY_VARIABLE = "BEABLE_HISTORY";
    static final String PROMPT = "beable> ";
    static final String CONTINUATION = "   ...> ";

    private final Terminal terminal;
    private final ReplSession session;
    private final Commands commands;
    private final LineReader reader;
    private final ProgressDisplay progress;

    /**
     * A REPL on a terminal. Interpreters (the first one and those of `:reset`) are built with
     * these options, printing through `outputs` applied to the terminal's stream.
     */
    public Repl(Terminal terminal, Interpreter.Options options, Function<PrintStream, Output> outputs, Path historyFile) {
        this.terminal = terminal;
        Charset charset = terminal.encoding();
        PrintStream out = new PrintStream(new WriterOutputStream(terminal.writer(), charset), true, charset);
        boolean real = isReal(terminal);
        this.progress = real ? new ProgressDisplay(out, terminal::getWidth) : null;
        Output output = outputs.apply(out);
        this.session = new ReplSession(() -> {
            Interpreter interpreter = new Interpreter(options, output);
            if (progress != null) interpreter.setProgress(progress);
            return interpreter;
        }, new Screen(out, real));
        if (progress != null) session.screen().beforeCancelled(progress::abandon);
        this.commands = new Commands(session, HelpTopics.load());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("beable")
                .parser(new LineParser())
                .completer(new Completion(session::interpreter, commands))
                .highlighter(new Highlighting())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = builder.build();
    }

    /** The REPL on the process's own terminal; the exit code. */
    public static int start(Interpreter.Options options, Function<PrintStream, Output> outputs, String banner) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).name("beable").build()) {
            Repl repl = new Repl(terminal, options, outputs, historyFile(System.getenv(), System.getProperties()));
            repl.session.screen().note(banner + " — :help for help, Tab to complete, Ctrl-D to leave");
            return repl.run();
        } catch (IOException e) {
            System.err.println("beable: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /** Reads and runs entries until Ctrl-D or `:quit`; 0. */
    public int run() {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.interpreter().cancellation().cancel());
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (line.isBlank()) continue;
                if (!execute(line)) return 0;
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                session.screen().note("history not saved: " + e.getMessage());
            }
        }
    }

    /** One entry or command, with a fresh cancel flag; false when the session ends. */
    boolean execute(String line) {
        session.interpreter().cancellation().reset();
        try {
            if (Commands.isCommand(line.strip())) return commands.execute(line);
            session.evaluate(line);
            return true;
        } finally {
            if (progress != null) progress.finish();
            terminal.flush();
        }
    }

    /** ~/.beable_history, unless the system property or environment variable names another file. */
    static Path historyFile(Map<String, String> environment, Properties properties) {
        String property = properties.getProperty(HISTORY_PROPERTY);
        if (property != null && !property.isBlank()) return Path.of(property);
        String variable = environment.get(HISTORY_VARIABLE);
        if (variable != null && !variable.isBlank()) return Path.of(variable);
        return Path.of(properties.getProperty("user.home", "."), ".beable_history");
    }

    /** A terminal that can show colours and a progress bar (not a dumb one). */
    private static boolean isReal(Terminal terminal) {
        String type = terminal.getType();
        return !Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type);
    }
}
