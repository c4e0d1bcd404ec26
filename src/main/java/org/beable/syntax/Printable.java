package org.beable.syntax;

/**
 * Source text made safe to show in a terminal: control characters (an escape sequence could
 * recolour or clear the screen, a carriage return hide the line) are shown as `\xHH`.
 */
public final class Printable {
    private Printable() {}

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) out.append(of(text.charAt(k)));
        return out.toString();
    }

    /** One character as shown; a tab stays a tab, so a caret line can copy it. */
    static String of(char c) {
        boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
        return control ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
