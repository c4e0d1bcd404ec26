package org.beable.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.beable.bindings.Bindings;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The REPL without a terminal, for another front end (the Jupyter kernel): the same session
 * (one interpreter, its transcript, `:` commands), the same completion, the same `:help` texts
 * and the grammar's own completeness test. What the REPL would have written to its screen
 * (errors with their caret, `:help` text, "cancelled") is handed back with each outcome instead.
 */
public final class EmbeddedRepl {
    /** How an input ended. */
    public enum Status { DONE, FAILED, CANCELLED, QUIT }

    /**
     * One input's end: its status, whether the session echoed the value of its last expression
     * (the REPL prints that value after the input's own `print`s), and what the REPL said.
     */
    public record Outcome(Status status, boolean echoed, String said) {}

    /** Completion matches for the word from `start` to `end` (indices into the text). */
    public record Completions(List<String> matches, int start, int end) {}

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final ReplSession session;
    private final Commands commands;
    private final Completion completion;
    private final HelpTopics help = HelpTopics.load();
    private final LineReader reader;

    /** A session whose interpreters (the first and those of `:reset`) come from `interpreters`. */
    public EmbeddedRepl(Supplier<Interpreter> interpreters) {
        PrintStream screen = new PrintStream(said, true, StandardCharsets.UTF_8);
        this.session = new ReplSession(interpreters, new Screen(screen, false));
        this.commands = new Commands(session, help);
        this.completion = new Completion(session::interpreter, commands);
        this.reader = LineReaderBuilder.builder().terminal(silentTerminal()).build();
    }

    /** A terminal nobody sees: JLine's completers (file names after `:load`) style their candidates for one. */
    private static Terminal silentTerminal() {
        try {
            return new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session's current interpreter (`:reset` replaces it). */
    public Interpreter interpreter() {
        return session.interpreter();
    }

    /**
     * Runs an input as the REPL does: a `:` command, or code whose last expression's value is
     * echoed; errors in it are located as {@code name:line:col}.
     */
    public Outcome run(String input, String name) {
        said.reset();
        Interpreter interpreter = session.interpreter();
        interpreter.cancellation().reset();
        if (Commands.isCommand(input.strip())) {
            boolean goesOn = commands.execute(input.strip());
            return new Outcome(goesOn ? Status.DONE : Status.QUIT, false, said());
        }
        int before = session.transcript().entries().size();
        boolean ok = session.evaluate(input, name);
        if (!ok) return new Outcome(interpreter.cancellation().isCancelled() ? Status.CANCELLED : Status.FAILED, false, said());
        List<Transcript.Entry> entries = session.transcript().entries();
        boolean echoed = entries.size() > before && isEchoed(entries.get(entries.size() - 1));
        return new Outcome(Status.DONE, echoed, said());
    }

    /** The transcript saves an echoed entry with `print` put before its last statement. */
    private static boolean isEchoed(Transcript.Entry entry) {
        String input = entry.input();
        return !entry.script().equals(input.endsWith("\n") ? input : input + "\n");
    }

    /** Cancels the input running now, from any thread (an interrupt request, SIGINT). */
    public void cancel() {
        session.interpreter().cancellation().cancel();
    }

    /** A fresh interpreter with the same options; every name is forgotten. */
    public void reset() {
        session.reset();
    }

    /** True when the grammar asks for more lines (an open brace, a dangling operator): the REPL's rule. */
    public static boolean isIncomplete(String text) {
        return !Commands.isCommand(text.strip()) && LineParser.isIncomplete(text);
    }

    /** What Tab offers at `cursor` (an index into `text`), filtered to the word typed so far. */
    public Completions complete(String text, int cursor) {
        ParsedLine line = new LineParser().parse(text, cursor, ParseContext.COMPLETE);
        int start = cursor - line.wordCursor();
        String typed = line.word().substring(0, line.wordCursor());
        List<Candidate> candidates = new ArrayList<>();
        completion.complete(reader, line, candidates);
        TreeSet<String> matches = new TreeSet<>();
        for (Candidate c : candidates) if (c.value().startsWith(typed)) matches.add(c.value());
        return new Completions(new ArrayList<>(matches), start, start + line.word().length());
    }

    /**
     * `:help NAME` for a statement, model, analysis, builtin or command; for a name the session
     * defined, its type and value. Empty when nothing is known of the name.
     */
    public Optional<String> help(String name) {
        if (name.isBlank()) return Optional.empty();
        Interpreter interpreter = session.interpreter();
        boolean documented = help.has(name) || interpreter.builtins().containsKey(name)
                || Bindings.models(interpreter).containsKey(name) || commands.find(":" + name) != null;
        if (documented) {
            said.reset();
            commands.execute(":help " + name);
            return Optional.of(said().stripTrailing());
        }
        Object value = interpreter.lookup(name);
        if (value == null) return Optional.empty();
        return Optional.of(name + " : " + Values.typeName(value) + "\n" + Values.show(value));
    }

    private String said() {
        return said.toString(StandardCharsets.UTF_8);
    }
}
