package org.beable.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line this process was started with, as data files record it: "beable" and the
 * arguments. Set once by the launcher (the command line is global to the process).
 */
public final class Invocation {
    private static volatile List<String> commandLine = List.of("beable");

    private Invocation() {}

    public static void record(String[] args) {
        List<String> words = new ArrayList<>();
        words.add("beable");
        words.addAll(List.of(args));
        commandLine = List.copyOf(words);
    }

    public static List<String> commandLine() {
        return commandLine;
    }
}
