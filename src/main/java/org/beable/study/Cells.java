package org.beable.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.beable.format.Tabular;
import org.beable.interp.KeptRow;
import org.beable.interp.LineCarrier;
import org.beable.interp.PrintedLine;
import org.beable.interp.Values;
import org.beable.output.Measured;

/**
 * Rows as JSON that reads back to the same cells bit for bit: a number as its shortest
 * round-trip text (`{"n": "0.1"}`, NaN and infinities included), text as `{"s": …}`, a measured
 * value as `{"m": [value, error]}`, a missing cell as null.
 */
final class Cells {
    static final ObjectMapper JSON = new ObjectMapper();

    private Cells() {}

    static ObjectNode row(KeptRow row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("table", row.table());
        ArrayNode columns = node.putArray("columns");
        row.columns().forEach(columns::add);
        ArrayNode cells = node.putArray("cells");
        for (Object cell : row.cells()) cells.add(cell(cell));
        return node;
    }

    static KeptRow row(JsonNode node) {
        List<String> columns = new ArrayList<>();
        node.get("columns").forEach(c -> columns.add(c.asText()));
        List<Object> cells = new ArrayList<>();
        node.get("cells").forEach(c -> cells.add(cell(c)));
        return new KeptRow(node.get("table").asText(), columns, cells, null);
    }

    /** A cell's effects: its rows and its printed lines, carried in the session's output form. */
    static ArrayNode effects(List<?> effects, LineCarrier carrier) {
        ArrayNode array = JSON.createArrayNode();
        for (Object e : effects) {
            if (e instanceof KeptRow row) array.addObject().set("row", row(row));
            else if (e instanceof PrintedLine line) array.addObject().put("print", carrier.carry(line.values()));
            else if (e instanceof String text) array.addObject().put("print", text);
        }
        return array;
    }

    /** Effects read back: rows as {@link KeptRow}s, printed lines as carried (for {@link org.beable.interp.Output#printCarried}). */
    static List<Object> effects(JsonNode array) {
        List<Object> effects = new ArrayList<>();
        for (JsonNode e : array) effects.add(e.has("row") ? row(e.get("row")) : e.get("print").asText());
        return effects;
    }

    static ArrayNode rows(List<KeptRow> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (KeptRow row : rows) array.add(row(row));
        return array;
    }

    static List<KeptRow> rows(JsonNode array) {
        List<KeptRow> rows = new ArrayList<>();
        array.forEach(r -> rows.add(row(r)));
        return rows;
    }

    private static JsonNode cell(Object cell) {
        ObjectNode node = JSON.createObjectNode();
        if (cell == null) return JSON.nullNode();
        if (cell instanceof Double d) node.put("n", Double.toString(d));
        else if (cell instanceof Measured m) node.putArray("m").add(Double.toString(m.value())).add(Double.toString(m.standardError()));
        else node.put("s", cell.toString());
        return node;
    }

    private static Object cell(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.has("n")) return Double.parseDouble(node.get("n").asText());
        if (node.has("m")) return new Measured(Double.parseDouble(node.get("m").get(0).asText()), Double.parseDouble(node.get("m").get(1).asText()));
        return node.get("s").asText();
    }
}
