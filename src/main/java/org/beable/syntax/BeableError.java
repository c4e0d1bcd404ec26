package org.beable.syntax;

/**
 * The one error type a user ever sees: a plain sentence at a place in the source, with an
 * optional hint. Syntax, runtime and assertion errors are all of this type, so every front end
 * (command line, REPL, tests) prints them the same way.
 */
public class BeableError extends RuntimeException {
    public enum Kind { SYNTAX, RUNTIME, ASSERTION, LIMIT }

    private final transient Span span;
    private final String hint;
    private final Kind kind;

    public BeableError(Kind kind, Span span, String message, String hint) {
        super(message, null, false, false);
        this.kind = kind;
        this.span = span;
        this.hint = hint;
    }

    public BeableError(Span span, String message) {
        this(Kind.RUNTIME, span, message, null);
    }

    public BeableError(Span span, String message, String hint) {
        this(Kind.RUNTIME, span, message, hint);
    }

    public Span span() { return span; }
    public String hint() { return hint; }
    public Kind kind() { return kind; }

    /** The same error placed at a span, when it was raised by code that did not know one. */
    public BeableError at(Span where) {
        return span != null && span.line() > 0 ? this : new BeableError(kind, where, getMessage(), hint);
    }

    /** `file:line:col: message`, the source line, a caret under the column, and the hint. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (span == null) {
            out.append(getMessage());
        } else {
            out.append(span.location()).append(": ").append(getMessage());
            if (span.line() > 0) {
                String line = span.source().line(span.line());
                out.append('\n').append("  ").append(Printable.of(line)).append('\n').append("  ");
                for (int i = 1; i < span.column() && i <= line.length(); i++) {
                    char c = line.charAt(i - 1);
                    out.append(c == '\t' ? "\t" : " ".repeat(Printable.of(c).length()));
                }
                out.append('^');
                int underlined = 0;
                for (int i = span.column(); i < span.column() + span.length() && i <= line.length(); i++) {
                    underlined += Printable.of(line.charAt(i - 1)).length();
                }
                out.append("~".repeat(Math.max(0, underlined - 1)));
            }
        }
        if (hint != null) out.append('\n').append("hint: ").append(hint);
        return out.toString();
    }
}
