package org.beable.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.beable.interp.Output;
import org.beable.output.JsonExport;

/**
 * `--format json`: every printed value is collected, and one document is written at the end:
 * {"beable": version, "seed": "N", "output": [...], "error": "..."}. A print of one value adds
 * that value; a print of several adds them as an array. The seed is a string (it exceeds the
 * 2^53 a JSON number keeps exactly); numbers are exact (shortest round-trip form).
 */
public final class JsonOutput implements Output {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrintStream out;
    private final ArrayNode printed = NODES.arrayNode();

    public JsonOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(List<Object> values) {
        if (values.size() == 1) {
            printed.add(JsonValues.of(values.get(0)));
        } else {
            ArrayNode line = printed.addArray();
            for (Object v : values) line.add(JsonValues.of(v));
        }
    }

    public void finish(String version, long seed, String error) {
        ObjectNode document = NODES.objectNode();
        document.put("beable", version);
        document.put("seed", Long.toString(seed));
        document.set("output", printed);
        if (error != null) document.put("error", error);
        try {
            out.println(JsonExport.MAPPER.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
