package org.beable.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help texts under resources/help/: `index.txt` lists every topic with a one-line summary,
 * and `TOPIC.txt` holds its text, ending with a runnable example after a line `Example:`.
 */
final class HelpTopics {
    private static final String FOLDER = "/help/";
    private static final String EXAMPLE = "Example:";

    private final Map<String, String> summaries;

    private HelpTopics(Map<String, String> summaries) {
        this.summaries = summaries;
    }

    static HelpTopics load() {
        Map<String, String> summaries = new LinkedHashMap<>();
        for (String line : read("index").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            int space = trimmed.indexOf(' ');
            summaries.put(space < 0 ? trimmed : trimmed.substring(0, space), space < 0 ? "" : trimmed.substring(space).strip());
        }
        return new HelpTopics(Collections.unmodifiableMap(summaries));
    }

    /** Topic names in the order of the index. */
    List<String> topics() {
        return new ArrayList<>(summaries.keySet());
    }

    boolean has(String topic) {
        return summaries.containsKey(topic);
    }

    String summary(String topic) {
        return summaries.get(topic);
    }

    /** The whole text of a topic. */
    String text(String topic) {
        return read(topic).stripTrailing();
    }

    /** The runnable example at the end of a topic, unindented; "" when it has none. */
    String example(String topic) {
        String text = read(topic);
        int at = text.indexOf("\n" + EXAMPLE + "\n");
        if (at < 0) return "";
        StringBuilder code = new StringBuilder();
        for (String line : text.substring(at + EXAMPLE.length() + 2).split("\n", -1)) {
            code.append(line.startsWith("  ") ? line.substring(2) : line.strip()).append('\n');
        }
        return code.toString().strip() + "\n";
    }

    private static String read(String name) {
        try (InputStream in = HelpTopics.class.getResourceAsStream(FOLDER + name + ".txt")) {
            if (in == null) throw new IllegalStateException("missing help resource " + FOLDER + name + ".txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
