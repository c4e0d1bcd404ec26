package org.beable.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.beable.interp.LineCarrier;
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
        printed.add(node(values));
    }

    @Override public String form() { return Carrier.FORM; }

    @Override
    public void printCarried(String carried) {
        try {
            printed.add(JsonExport.MAPPER.readTree(carried));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a carried line is not JSON: " + e.getMessage(), e);
        }
    }

    /** What one print adds: the value, or an array of the values. */
    private static com.fasterxml.jackson.databind.JsonNode node(List<Object> values) {
        if (values.size() == 1) return JsonValues.of(values.get(0));
        ArrayNode line = NODES.arrayNode();
        for (Object v : values) line.add(JsonValues.of(v));
        return line;
    }

    /** Carries a line printed elsewhere (a journaled or remote sweep cell) as the JSON it adds. */
    public static final class Carrier implements LineCarrier {
        static final String FORM = "json";

        @Override public String form() { return FORM; }

        @Override
        public String carry(List<Object> values) {
            try {
                return JsonExport.MAPPER.writeValueAsString(node(values));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
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
