package org.beable.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A script run through the whole command line, in-process, for tests: its exit code and what it printed. */
public record ScriptRun(int exit, String out, String err) {

    /** Writes {@code text} to {@code folder/name} and runs {@code beable FILE args…}. */
    public static ScriptRun of(Path folder, String name, String text, String... args) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        String[] words = new String[args.length + 1];
        words[0] = file.toString();
        System.arraycopy(args, 0, words, 1, args.length);
        return command(words);
    }

    /** {@code beable args…}. */
    public static ScriptRun command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ScriptRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
