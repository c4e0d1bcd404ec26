package org.beable.syntax;

import org.antlr.v4.runtime.Token;
import org.beable.syntax.grammar.BeableLexer;

/** Turns ANTLR's messages into plain sentences a physicist can act on. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    static String explain(String antlrMessage, Token token) {
        if (token == null) {
            if (antlrMessage.startsWith("token recognition error at: ")) {
                return "unexpected character " + Printable.of(antlrMessage.substring("token recognition error at: ".length()));
            }
            return antlrMessage;
        }
        if (token.getType() == Token.EOF) return "unexpected end of input";
        if (token.getType() == BeableLexer.UNCLOSED_STRING) return "this string is never closed";
        if (token.getType() == BeableLexer.ERROR_CHAR) return "unexpected character '" + Printable.of(token.getText()) + "'";
        String text = token.getType() == BeableLexer.NL ? "end of line" : "'" + token.getText() + "'";
        if (antlrMessage.startsWith("missing ")) {
            String missing = antlrMessage.substring("missing ".length(), antlrMessage.indexOf(" at "));
            return "expected " + missing + " before " + text;
        }
        if (antlrMessage.startsWith("mismatched input") || antlrMessage.startsWith("extraneous input")
                || antlrMessage.startsWith("no viable alternative")) {
            return "unexpected " + text;
        }
        return antlrMessage;
    }

    /** A word the grammar spells out (`for`, `state`, `if`…), as opposed to a name. */
    private static boolean isKeyword(Token token) {
        String literal = BeableLexer.VOCABULARY.getLiteralName(token.getType());
        return literal != null && Character.isLetter(token.getText().charAt(0));
    }

    /** Tokens after which the grammar wants a name: a keyword there was meant as one (`row for = 1`). */
    private static final java.util.Set<String> NAME_FOLLOWS = java.util.Set.of("row", "let", "state", "fn", "for", "into", ",");

    static String hint(Token token, Token before) {
        if (token == null) return null;
        if (token.getType() == Token.EOF) return "a bracket, brace or string may be left open";
        String text = token.getText();
        if (token.getType() == BeableLexer.UNCLOSED_STRING) return "end the string with \" on the same line";
        if (isKeyword(token) && before != null && NAME_FOLLOWS.contains(before.getText())) {
            return "'" + text + "' is a reserved word, so it cannot be a name here; choose another";
        }
        if (text.equals("=")) return "use `let name = value` to define a name, `==` to compare";
        if (text.equals("{")) return "a block needs a statement before it, e.g. `for x in 0 .. 3 { print x }`";
        if (token.getType() == BeableLexer.ERROR_CHAR && text.equals("|")) return "kets are written |0>, |01>, |0,2>, |+> or |->";
        return null;
    }
}
