package org.beable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.bindings.QValue;
import org.beable.bindings.ResultTables;
import org.beable.format.Tabular;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;
import org.beable.output.DataNumbers;
import org.beable.output.JsonExport;
import org.beable.output.Rows;

/**
 * Script values as JSON: numbers (exact; NaN as null), complex {re, im}, lists, kets and operators
 * with their entries, tables. A result of run / predict is its export rows (exact numbers, typed
 * columns); an analysis is its printed table, numbers as printed.
 */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    static JsonNode of(Object v) {
        if (v instanceof Double d) return number(d);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Complex c) {
            ObjectNode o = NODES.objectNode();
            o.set("re", number(c.getReal()));
            o.set("im", number(c.getImaginary()));
            return o;
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            for (Object item : list) a.add(of(item));
            return a;
        }
        if (v instanceof QValue q) return quantum(q);
        if (v instanceof Tabular t) return table(t, v);
        if (v instanceof OutcomeStatistics r) return rows(ResultTables.of(r).title(), ResultTables.rows(r));
        return NODES.textNode(Values.show(v));
    }

    private static JsonNode number(double d) {
        return DataNumbers.json(d);
    }

    /** Rows as {title, columns, column_types, rows: [[…], …]}, each cell typed by its column. */
    private static JsonNode rows(String title, Rows rows) {
        ObjectNode o = NODES.objectNode();
        if (title != null) o.put("title", title);
        rows.columns().forEach(o.putArray("columns")::add);
        List<String> types = rows.types();
        types.forEach(o.putArray("column_types")::add);
        ArrayNode list = o.putArray("rows");
        for (List<Object> row : rows.rows()) {
            ArrayNode r = list.addArray();
            for (int c = 0; c < row.size(); c++) r.add(JsonExport.cell(row.get(c), types.get(c)));
        }
        return o;
    }

    private static JsonNode quantum(QValue q) {
        ObjectNode o = NODES.objectNode();
        o.put("kind", q.kind());
        ArrayNode dims = o.putArray("dims");
        for (int d : q.dims()) dims.add(d);
        ArrayNode re = o.putArray("re");
        ArrayNode im = o.putArray("im");
        for (int r = 0; r < q.matrix().rows; r++) {
            ArrayNode rowRe = re.addArray();
            ArrayNode rowIm = im.addArray();
            for (int c = 0; c < q.matrix().cols; c++) {
                rowRe.add(number(q.matrix().re(r, c)));
                rowIm.add(number(q.matrix().im(r, c)));
            }
        }
        o.put("text", Values.show(q));
        return o;
    }

    /** An analysis or a table built with `row`: its rows (and the number it stands for, if any). */
    private static JsonNode table(Tabular tabular, Object source) {
        ObjectNode o = (ObjectNode) rows(tabular.toTable().title(), Rows.of(tabular));
        Object scalar = org.beable.interp.Values.scalarOf(source);
        if (scalar instanceof Double d) o.set("value", number(d));
        return o;
    }

}
