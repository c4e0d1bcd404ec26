package org.beable.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What a run notebook must show: every code cell ran, none failed, and there are HTML tables and SVG plots. */
final class NotebookChecks {
    private NotebookChecks() {}

    static List<String> problems(JsonNode notebook) {
        List<String> problems = new ArrayList<>();
        boolean html = false;
        boolean svg = false;
        int index = 0;
        for (JsonNode cell : notebook.path("cells")) {
            index++;
            if (!cell.path("cell_type").asText().equals("code")) continue;
            if (cell.path("execution_count").isNull() || cell.path("execution_count").isMissingNode()) problems.add("cell " + index + " did not run");
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("output_type").asText().equals("error")) problems.add("cell " + index + " failed: " + output.path("evalue").asText());
                html |= output.path("data").has("text/html") && text(output.path("data").path("text/html")).contains("<table");
                svg |= output.path("data").has("image/svg+xml") && text(output.path("data").path("image/svg+xml")).contains("<svg");
            }
        }
        if (!html) problems.add("no text/html table among the outputs");
        if (!svg) problems.add("no image/svg+xml plot among the outputs");
        return problems;
    }

    /** A notebook stores long text as one string or as a list of lines. */
    private static String text(JsonNode node) {
        if (node.isTextual()) return node.asText();
        StringBuilder text = new StringBuilder();
        node.forEach(line -> text.append(line.asText()));
        return text.toString();
    }
}
