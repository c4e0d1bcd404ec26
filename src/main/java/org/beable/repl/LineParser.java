package org.beable.repl;

import java.util.ArrayList;
import java.util.List;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.SyntaxErrors;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;

/**
 * JLine's view of an entry. Completeness comes from the real grammar: an entry whose first
 * syntax error is at the end of the input (an open brace, a dangling operator) asks for another
 * line; an entry that is simply wrong counts as complete, so its error shows at once. `:`
 * commands are always one line. For completion, the word under the cursor is a name (code) or
 * a blank-separated word (command arguments such as file names).
 */
final class LineParser implements org.jline.reader.Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !Commands.isCommand(line)) checkComplete(line);
        return Commands.isCommand(line) && !inCode(line, cursor) ? blankWords(line, cursor) : nameWord(line, cursor);
    }

    /**
     * Throws EOFError when the grammar needs more input. Two empty lines end an unfinished
     * entry anyway, so its error shows instead of the prompt waiting for ever.
     */
    static void checkComplete(String text) {
        if (text.endsWith("\n\n") && !text.isBlank()) return;
        if (text.endsWith("\\")) throw new EOFError(-1, -1, "line continues", "\\");
        try {
            Parser.parse(new Source("<repl>", text));
        } catch (SyntaxErrors e) {
            if (e.atEndOfInput()) {
                String open = openBrackets(text);
                String closing = open.isEmpty() ? null : closing(open.charAt(open.length() - 1));
                throw new EOFError(e.span().line(), e.span().column(), e.getMessage(), closing, open.length(), closing);
            }
        }
    }

    /** True when the grammar would ask for another line after this text. */
    static boolean isIncomplete(String text) {
        try {
            checkComplete(text);
            return false;
        } catch (EOFError e) {
            return true;
        }
    }

    /** The brackets left open, outermost first (JLine indents continuation lines by their number). */
    private static String openBrackets(String text) {
        StringBuilder open = new StringBuilder();
        for (var token : Parser.tokens(text)) {
            String t = token.getText();
            switch (t) {
                case "{", "(", "[" -> open.append(t);
                case "}", ")", "]" -> {
                    if (open.length() > 0) open.setLength(open.length() - 1);
                }
                default -> { }
            }
        }
        return open.toString();
    }

    private static String closing(char open) {
        return open == '{' ? "}" : open == '(' ? ")" : "]";
    }

    /** `:time EXPR` completes its argument as code. */
    private static boolean inCode(String line, int cursor) {
        String prefix = ":time ";
        return line.startsWith(prefix) && cursor >= prefix.length();
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The name under the cursor: letters, digits and underscores around it. */
    private static ParsedLine nameWord(String line, int cursor) {
        int start = cursor;
        while (start > 0 && isNameChar(line.charAt(start - 1))) start--;
        int end = cursor;
        while (end < line.length() && isNameChar(line.charAt(end))) end++;
        String word = line.substring(start, end);
        List<String> words = new ArrayList<>();
        String before = line.substring(0, start).trim();
        if (!before.isEmpty()) words.add(before);
        words.add(word);
        return new Line(line, cursor, words, words.size() - 1, cursor - start);
    }

    /** Blank-separated words, for `:command ARG`. */
    private static ParsedLine blankWords(String line, int cursor) {
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            if (wordIndex < 0 && cursor < start) {
                wordIndex = words.size();
                words.add("");
            }
            if (wordIndex < 0 && cursor <= i) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            words.add(line.substring(start, i));
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
        }
        return new Line(line, cursor, words, wordIndex, wordCursor);
    }

    /** A parsed line whose words need no escaping. */
    record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor) implements CompletingParsedLine {
        @Override public String word() { return words.get(wordIndex); }
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return wordCursor; }
        @Override public int rawWordLength() { return word().length(); }
    }
}
