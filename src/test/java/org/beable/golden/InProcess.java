package org.beable.golden;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beable.cli.Main;

/**
 * Runs the whole command line in this JVM through {@link Main#run}, capturing stdout, stderr
 * and the exit code. Shared by the golden runner, the CLI tests and the fuzz tests.
 */
public final class InProcess {
    private InProcess() {}

    /** What one invocation of `beable` did. */
    public record Result(int exit, String out, String err) {
        public List<String> outLines() {
            return lines(out);
        }

        public List<String> errLines() {
            return lines(err);
        }

        /** A compact description for assertion messages. */
        public String describe() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err + "--------------";
        }
    }

    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Result run(List<String> args) {
        return run(args.toArray(new String[0]));
    }

    /** Text split into lines; a final line terminator does not make an extra empty line. */
    public static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }
}
