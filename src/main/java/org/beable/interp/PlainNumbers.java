package org.beable.interp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beable.format.Numbers;

/**
 * Numbers in a library's message written the way Beable writes them: Java's `0.0`, `-1000000.0`,
 * `1.0E-5`, `NaN` become `0`, `-1000000`, `0.00001`, `nan`, so "got 0.0" reads "got 0" as the
 * script wrote it. Decimals Java already writes plainly (0.25) are left as they are.
 */
public final class PlainNumbers {
    private PlainNumbers() {}

    private static final Pattern JAVA_DOUBLE =
            Pattern.compile("(?<![\\w.])(-?\\d+\\.\\d+E-?\\d+|-?\\d+\\.0|NaN|-?Infinity)(?![\\w]|\\.\\d)");

    public static String of(String message) {
        Matcher m = JAVA_DOUBLE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(Numbers.format(Double.parseDouble(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }
}
