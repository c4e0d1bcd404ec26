package org.beable.jupyter;

/**
 * Cursor positions: the protocol counts Unicode code points, Java strings count UTF-16 units
 * (they differ after a character such as 𝜓).
 */
final class CodePoints {
    private CodePoints() {}

    /** The string index of a cursor given in code points (clamped to the text). */
    static int toIndex(String text, int codePoints) {
        int n = Math.max(0, Math.min(codePoints, text.codePointCount(0, text.length())));
        return text.offsetByCodePoints(0, n);
    }

    /** The code-point position of a string index. */
    static int fromIndex(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }

    /** The name under or just before the cursor, or the one a call's open parenthesis follows; "" when none. */
    static String nameAt(String text, int cursor) {
        int at = cursor;
        if (at > 0 && at <= text.length() && text.charAt(at - 1) == '(' && (at == text.length() || !isNameChar(text.charAt(at)))) at--;
        int start = at;
        while (start > 0 && isNameChar(text.charAt(start - 1))) start--;
        int end = at;
        while (end < text.length() && isNameChar(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
