package org.beable.repl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.Stmt;

/**
 * The session's successful inputs, in order, as script text: what `:save` writes and `:list`
 * shows. An entry whose value the REPL echoed is saved with `print` before its last statement,
 * so the saved script prints what the session printed.
 */
final class Transcript {
    /** One successful input: what the user typed, and its text in the saved script. */
    record Entry(String input, String script) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(String input, String script) {
        entries.add(new Entry(input, script.endsWith("\n") ? script : script + "\n"));
    }

    /** An entry evaluated at the prompt; `echoed` when its value was shown. */
    void addEntry(String input, boolean echoed) {
        add(input, echoed ? printingLast(input) : input);
    }

    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    void clear() {
        entries.clear();
    }

    /** The script: a header, then every entry's text. */
    String render() {
        return "# Saved from a Beable REPL session: running this script prints what the session printed.\n" + text();
    }

    /** Every entry's script text, in order. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) out.append(entry.script());
        return out.toString();
    }

    /**
     * The text of an input's first `completed` statements (a failed input's part that took
     * effect), without the separator before the statement that failed.
     */
    static String completedPart(String text, int completed) {
        List<Stmt> statements = Parser.parse(new Source("<repl>", text));
        if (completed >= statements.size()) return text;
        Stmt failed = statements.get(completed);
        int at = Highlighting.offset(text, failed.span().line(), failed.span().column());
        if (at < 0) return text;
        String part = text.substring(0, at).stripTrailing();
        while (part.endsWith(";")) part = part.substring(0, part.length() - 1).stripTrailing();
        return part;
    }

    /** The entry with its last statement (an expression) turned into `print`. */
    static String printingLast(String text) {
        List<Stmt> statements = Parser.parse(new Source("<repl>", text));
        if (statements.isEmpty()) return text;
        Stmt last = statements.get(statements.size() - 1);
        if (!(last instanceof Stmt.ExprStmt)) return text;
        int at = Highlighting.offset(text, last.span().line(), last.span().column());
        if (at < 0) return text;
        return text.substring(0, at) + "print " + text.substring(at);
    }
}
