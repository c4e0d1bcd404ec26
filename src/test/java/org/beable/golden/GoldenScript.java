package org.beable.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden script and the expectations written inside it as comments (the jlox convention):
 *
 * <pre>
 *   print 1 + 1            # expect: 2
 *   # expect:                       (an empty stdout line: nothing after the colon)
 *   # expect error: f.beable:3:7: 'x' is not defined
 *   # expect error:   print x       (everything after "error: " is kept, leading spaces too)
 *   # expect exit: 1
 *   # args: --max-trials 1000
 * </pre>
 *
 * <ul>
 *   <li>{@code # expect: TEXT} — the next stdout line is exactly TEXT. Stdout must consist of
 *       exactly these lines, in order, no more and no fewer.</li>
 *   <li>{@code # expect error: TEXT} — the next stderr line is exactly TEXT. When a script has any,
 *       stderr must consist of exactly these lines (message, source line, caret line, hint), in
 *       order. A file name in stderr is shown relative to the script's folder, so a script writes
 *       its own name (`name.beable:LINE:COL: …`). When a script has none, stderr must be empty.</li>
 *   <li>{@code # expect exit: N} — the exit code; by default 1 when an error is expected, else 0.</li>
 *   <li>{@code # args: A B …} — extra command-line arguments, placed before the script path
 *       (after the runner's own {@code --threads 2}).</li>
 * </ul>
 *
 * Expectations may sit at the end of a code line or on a line of their own; a marker is
 * recognised anywhere on the line, so a script must not print text containing one. An expected
 * line ending in "…" (U+2026) matches any actual line that starts with the text before it — for
 * the rare line whose tail is not the script's business (the list of standard modules, which
 * grows).
 */
public record GoldenScript(Path path, String name, List<String> stdout, List<String> stderr, int exit, List<String> args) {
    static final String EXPECT = "# expect:";
    static final String EXPECT_ERROR = "# expect error:";
    static final String EXPECT_EXIT = "# expect exit:";
    static final String ARGS = "# args:";

    public static GoldenScript read(Path path, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        List<String> args = new ArrayList<>();
        Integer exit = null;
        for (String line : lines) {
            String error = after(line, EXPECT_ERROR);
            String out = after(line, EXPECT);
            String code = after(line, EXPECT_EXIT);
            String extra = after(line, ARGS);
            if (error != null) stderr.add(error);
            else if (out != null) stdout.add(out);
            else if (code != null) exit = Integer.parseInt(code.strip());
            else if (extra != null) {
                for (String a : extra.strip().split("\\s+")) if (!a.isEmpty()) args.add(a);
            }
        }
        return new GoldenScript(path, name, List.copyOf(stdout), List.copyOf(stderr),
                exit != null ? exit : stderr.isEmpty() ? 0 : 1, List.copyOf(args));
    }

    static final String ANY_TAIL = "…";

    /** Whether an actual line meets an expected one (exactly, or by prefix when the expectation ends in "…"). */
    static boolean matches(String expected, String actual) {
        if (expected.endsWith(ANY_TAIL)) return actual.startsWith(expected.substring(0, expected.length() - ANY_TAIL.length()));
        return expected.equals(actual);
    }

    /** Whether actual lines meet expected ones, line by line, with no extra or missing lines. */
    static boolean matches(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) return false;
        for (int k = 0; k < expected.size(); k++) if (!matches(expected.get(k), actual.get(k))) return false;
        return true;
    }

    /** The text after a marker: one space after the colon is part of the marker, the rest is kept. */
    private static String after(String line, String marker) {
        int at = line.indexOf(marker);
        if (at < 0) return null;
        String rest = line.substring(at + marker.length());
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }
}
