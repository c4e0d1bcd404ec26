package org.beable.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Where things are in one document's text: LSP positions (0-based line, UTF-16 column) against
 * char offsets. The lexer counts code points; a line with a character outside the BMP is
 * converted, so an editor's column always lands on the same character the message names.
 */
final class Positions {
    private final String text;
    /** Char offset at which each line starts. */
    private final int[] lineStarts;

    Positions(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lineStarts[line++] = i + 1;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** A 1-based line's text without its terminator. */
    String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    /** The char offset of an LSP position, clamped into the text. */
    int offset(Position position) {
        int line = Math.max(0, Math.min(position.getLine(), lineStarts.length - 1));
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        return Math.max(start, Math.min(start + Math.max(0, position.getCharacter()), end));
    }

    Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        return new Position(line, clamped - lineStarts[line]);
    }

    /** The range of a lexer token: 1-based line, code-point column, char length. */
    Range tokenRange(int line, int codePointColumn, int charLength) {
        int start = charOffset(line, codePointColumn);
        return new Range(position(start), position(start + charLength));
    }

    /** Char offset of a 1-based line and 0-based code-point column. */
    int charOffset(int line, int codePointColumn) {
        if (line < 1) return 0;
        if (line > lineStarts.length) return text.length();
        int start = lineStarts[line - 1];
        int at = start;
        for (int k = 0; k < codePointColumn && at < text.length() && text.charAt(at) != '\n'; k++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    private int lineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
