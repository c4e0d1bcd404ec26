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
 * and `TOPIC.txt` holds its text, ending with a runnable example after a line `Example:`. A model's
 * topic is drawn from its page in docs/models/ instead (its opening paragraph, parameters, Bell's
 * conditions and example), so the REPL and the documentation say the same thing.
 */
public final class HelpTopics {
    private static final String FOLDER = "/help/";
    private static final String EXAMPLE = "Example:";

    private final Map<String, String> summaries;

    private HelpTopics(Map<String, String> summaries) {
        this.summaries = summaries;
    }

    public static HelpTopics load() {
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

    public boolean has(String topic) {
        return summaries.containsKey(topic);
    }

    public String summary(String topic) {
        return summaries.get(topic);
    }

    /** The whole text of a topic. */
    public String text(String topic) {
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
        String page = resource(MODEL_PAGES + name + ".md");
        if (page != null) return fromPage(page, name);
        String text = resource(FOLDER + name + ".txt");
        if (text == null) throw new IllegalStateException("missing help resource " + FOLDER + name + ".txt");
        return text;
    }

    private static final String MODEL_PAGES = "/docs/models/";
    private static final java.util.Set<String> PAGE_SECTIONS = java.util.Set.of("## Parameters", "## Bell's conditions");

    /** A model's help: the page's opening paragraph, its parameters and Bell's conditions, and its example. */
    static String fromPage(String page, String name) {
        String[] lines = page.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < lines.length && (lines[k].isBlank() || lines[k].startsWith("# "))) k++;
        while (k < lines.length && !lines[k].isBlank()) out.append(lines[k++]).append('\n');
        String section = null;
        boolean inCode = false;
        StringBuilder example = new StringBuilder();
        for (; k < lines.length; k++) {
            String line = lines[k];
            if (!inCode && line.startsWith("## ")) {
                section = line.strip();
                if (PAGE_SECTIONS.contains(section)) out.append('\n').append(section.substring(3)).append(":\n");
                continue;
            }
            if ("## Example".equals(section)) {
                if (line.startsWith("```")) inCode = !inCode;
                else if (inCode) example.append("  ").append(line).append('\n');
            } else if (section != null && PAGE_SECTIONS.contains(section)) {
                out.append(line).append('\n');
            }
        }
        out.append("\nThe whole page: docs/models/").append(name).append(".md\n");
        if (example.length() > 0) out.append('\n').append(EXAMPLE).append('\n').append(example);
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String resource(String path) {
        try (InputStream in = HelpTopics.class.getResourceAsStream(path)) {
            if (in == null) return null;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
