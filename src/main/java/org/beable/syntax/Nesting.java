package org.beable.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The brackets of a source, checked before parsing: nesting deeper than {@link #LIMIT} is refused
 * at once (the parser, the AST builder and the interpreter all recurse once per level, so a
 * pathological input would otherwise take minutes or the whole stack), and the innermost bracket
 * left open is remembered, so "unexpected end of input" can point at it.
 */
final class Nesting {
    /** Deeper than any script a person writes (Python refuses 200); shallow enough for every stack. */
    static final int LIMIT = 256;

    private static final Map<String, String> CLOSERS = Map.of("(", ")", "[", "]", "{", "}");

    private final BeableError unclosed;

    private Nesting(BeableError unclosed) {
        this.unclosed = unclosed;
    }

    static Nesting of(Source source, List<Token> tokens) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token token : tokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) continue;
            String text = token.getText();
            if (CLOSERS.containsKey(text)) {
                open.push(token);
                if (open.size() > LIMIT) {
                    throw new SyntaxErrors(List.of(new BeableError(BeableError.Kind.LIMIT, span(source, token),
                            "brackets nested more than " + LIMIT + " deep",
                            "name the inner parts with `let` to flatten the expression")), false);
                }
            } else if (!open.isEmpty() && text.equals(CLOSERS.get(open.peek().getText()))) {
                open.pop();
            }
        }
        if (open.isEmpty()) return new Nesting(null);
        Token innermost = open.peek();
        String bracket = innermost.getText();
        return new Nesting(new BeableError(BeableError.Kind.SYNTAX, span(source, innermost),
                "this " + bracket + " is never closed", "close it with " + CLOSERS.get(bracket)));
    }

    /** The error for the innermost bracket left open, or null when every bracket is closed. */
    BeableError unclosed() {
        return unclosed;
    }

    private static Span span(Source source, Token token) {
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1, 1);
    }
}
