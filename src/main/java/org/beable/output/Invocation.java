package org.beable.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line this process was started with, as data files record it: "beable" and the
 * arguments that decide what is computed. The options that decide only how — {@code --threads},
 * {@code --shard}, {@code --spark} — are left out: the output is the same bytes for any of them,
 * the file that records the command line included. Set once by the launcher (the command line
 * is global to the process).
 */
public final class Invocation {
    private static final java.util.Set<String> HOW_NOT_WHAT = java.util.Set.of("--threads", "--shard", "--spark");

    private static volatile List<String> commandLine = List.of("beable");

    private Invocation() {}

    public static void record(String[] args) {
        List<String> words = new ArrayList<>();
        words.add("beable");
        for (int k = 0; k < args.length; k++) {
            String option = args[k].contains("=") ? args[k].substring(0, args[k].indexOf('=')) : args[k];
            if (HOW_NOT_WHAT.contains(option)) {
                if (!args[k].contains("=")) k++;      // and its value
                continue;
            }
            words.add(args[k]);
        }
        commandLine = List.copyOf(words);
    }

    public static List<String> commandLine() {
        return commandLine;
    }
}
