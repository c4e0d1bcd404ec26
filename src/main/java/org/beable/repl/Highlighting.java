package org.beable.repl;

import org.antlr.v4.runtime.Token;
import org.beable.syntax.BeableError;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.SyntaxErrors;
import org.beable.syntax.grammar.BeableLexer;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours an entry with the language's own lexer, so colours never disagree with the grammar:
 * keywords, numbers, strings, kets and bras, comments (hidden tokens included), and errors —
 * characters the lexer rejects and the place of a syntax error that is not just unfinished input.
 */
final class Highlighting implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle KET = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    /** The styled entry; a `:command` shows its name, and `:time` its expression as code. */
    static AttributedString highlight(String buffer) {
        if (!Commands.isCommand(buffer)) return code(buffer);
        int end = 0;
        while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) end++;
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(COMMAND, buffer.substring(0, end));
        String rest = buffer.substring(end);
        if (buffer.substring(0, end).equals(":time")) out.append(code(rest));
        else out.append(rest);
        return out.toAttributedString();
    }

    static AttributedString code(String text) {
        AttributedStyle[] styles = new AttributedStyle[text.length()];
        int[] charIndex = codePointToChar(text);
        for (Token token : Parser.tokens(text)) {
            AttributedStyle style = style(token.getType());
            if (style == null) continue;
            int from = charIndex[Math.min(token.getStartIndex(), charIndex.length - 1)];
            int to = charIndex[Math.min(token.getStopIndex() + 1, charIndex.length - 1)];
            for (int i = from; i < to; i++) styles[i] = style;
        }
        markSyntaxErrors(text, styles);
        AttributedStringBuilder out = new AttributedStringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.style(styles[i] == null ? AttributedStyle.DEFAULT : styles[i]);
            out.append(text.charAt(i));
        }
        return out.toAttributedString();
    }

    private static AttributedStyle style(int type) {
        if (Keywords.isKeyword(type)) return KEYWORD;
        switch (type) {
            case BeableLexer.NUMBER: case BeableLexer.IMAGINARY: return NUMBER;
            case BeableLexer.STRING: case BeableLexer.UNCLOSED_STRING: return STRING;
            case BeableLexer.KET: case BeableLexer.BRA: return KET;
            case BeableLexer.COMMENT: return COMMENT;
            case BeableLexer.ERROR_CHAR: return ERROR;
            default: return null;
        }
    }

    /** Underlines where the parser stopped, unless the entry is merely unfinished. */
    private static void markSyntaxErrors(String text, AttributedStyle[] styles) {
        try {
            Parser.parse(new Source("<repl>", text));
        } catch (SyntaxErrors e) {
            if (e.atEndOfInput()) return;
            for (BeableError error : e.errors()) {
                int start = offset(text, error.span().line(), error.span().column());
                if (start < 0) continue;
                int end = Math.min(text.length(), start + Math.max(1, error.span().length()));
                for (int i = start; i < end; i++) styles[i] = ERROR;
            }
        } catch (RuntimeException e) {
            // Highlighting never fails an edit; a later Enter shows the real error.
        }
    }

    /** The char offset of a 1-based line and column, or -1 past the end. */
    static int offset(String text, int line, int column) {
        int index = 0;
        for (int l = 1; l < line; l++) {
            index = text.indexOf('\n', index);
            if (index < 0) return -1;
            index++;
        }
        int at = index + column - 1;
        return at >= 0 && at < text.length() ? at : -1;
    }

    /** ANTLR counts code points; JLine counts chars. */
    private static int[] codePointToChar(String text) {
        int[] index = new int[text.codePointCount(0, text.length()) + 1];
        int c = 0;
        for (int cp = 0; cp < index.length - 1; cp++) {
            index[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        index[index.length - 1] = text.length();
        return index;
    }
}
