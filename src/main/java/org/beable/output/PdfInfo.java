package org.beable.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds an Info dictionary (Producer: how the file was made) to a finished PDF by an incremental
 * update (PDF 1.4 §3.4.5): a new object, a cross-reference section for it and a trailer pointing
 * back to the previous one are appended, so the original bytes and offsets stay valid.
 */
final class PdfInfo {
    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");
    private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d+)");
    private static final Pattern ROOT = Pattern.compile("/Root\\s+(\\d+\\s+\\d+\\s+R)");

    private PdfInfo() {}

    static byte[] append(byte[] pdf, String producer) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher start = START_XREF.matcher(text);
        int trailerAt = text.lastIndexOf("trailer");
        if (!start.find() || trailerAt < 0) throw new IllegalStateException("the PDF writer left no trailer to extend");
        String trailer = text.substring(trailerAt);
        Matcher size = SIZE.matcher(trailer);
        Matcher root = ROOT.matcher(trailer);
        if (!size.find() || !root.find()) throw new IllegalStateException("the PDF trailer has no /Size or /Root");
        int object = Integer.parseInt(size.group(1));
        StringBuilder update = new StringBuilder();
        if (!text.endsWith("\n")) update.append('\n');
        int objectAt = pdf.length + update.length();
        update.append(object).append(" 0 obj\n<< /Producer (").append(escape(producer)).append(") >>\nendobj\n");
        int xrefAt = pdf.length + update.length();
        update.append("xref\n").append(object).append(" 1\n").append(String.format("%010d 00000 n \n", objectAt));
        update.append("trailer\n<< /Size ").append(object + 1).append(" /Root ").append(root.group(1))
                .append(" /Info ").append(object).append(" 0 R /Prev ").append(start.group(1)).append(" >>\n")
                .append("startxref\n").append(xrefAt).append("\n%%EOF\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + update.length());
        out.writeBytes(pdf);
        out.writeBytes(update.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A PDF literal string: backslash, parentheses escaped; anything outside ASCII as '?'. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') b.append('\\').append(c);
            else b.append(c < 32 || c > 126 ? '?' : c);
        }
        return b.toString();
    }
}
