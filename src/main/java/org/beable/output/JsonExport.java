package org.beable.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.beable.format.Numbers;

/** Rows as one JSON document: provenance, what was exported, the column names and one object per row. */
public final class JsonExport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {}

    public static void write(Rows rows, Provenance provenance, Writer out) throws IOException {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("beable", provenance.version());
        document.put("seed", provenance.seed());
        document.put("script", provenance.script());
        if (provenance.scriptText() != null) document.put("script_text", provenance.scriptText());
        document.put("kind", rows.kind());
        for (Map.Entry<String, Object> e : rows.about().entrySet()) document.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
        ArrayNode columns = document.putArray("columns");
        rows.columns().forEach(columns::add);
        ArrayNode list = document.putArray("rows");
        for (List<Object> row : rows.rows()) {
            ObjectNode object = list.addObject();
            for (int c = 0; c < rows.columns().size(); c++) {
                Object cell = row.get(c);
                String name = rows.columns().get(c);
                if (cell == null) object.putNull(name);
                else if (cell instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) object.put(name, (long) (double) d);
                else if (cell instanceof Double d && Double.isFinite(d)) object.put(name, d);
                else if (cell instanceof Double d) object.put(name, Numbers.format(d));
                else object.put(name, cell.toString());
            }
        }
        MAPPER.writeValue(out, document);
    }
}
