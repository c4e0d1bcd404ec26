package org.beable.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A named piece of Beable text: a file, a REPL entry or a `-e` expression. */
public record Source(String name, String text) {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * A script file's text: strict UTF-8 (a binary file is an error naming the first bad byte, not
     * text with replacement characters), a leading byte-order mark dropped.
     */
    public static Source read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            Source named = new Source(file.toString(), "");
            throw new BeableError(Span.unknown(named), "not a text file (invalid UTF-8 at byte " + in.position() + ")",
                    "a Beable script is UTF-8 text");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) text = text.substring(1);
        return new Source(file.toString(), text);
    }

    /** The text of a 1-based line, without its line terminator ("" past the end). */
    public String line(int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
