package org.beable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.bindings.QValue;
import org.beable.bindings.ResultTables;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;

/** Script values as JSON: numbers, complex {re, im}, lists, kets and operators with their entries, tables. */
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
        if (v instanceof Tabular t) return table(t.toTable(), v);
        if (v instanceof OutcomeStatistics r) return table(ResultTables.of(r), v);
        return NODES.textNode(Values.show(v));
    }

    /** JSON has no NaN or infinity: those become strings, as Beable prints them. */
    private static JsonNode number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return NODES.textNode(Numbers.format(d));
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return NODES.numberNode((long) d);
        return NODES.numberNode(d);
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

    private static JsonNode table(Table table, Object source) {
        ObjectNode o = NODES.objectNode();
        if (table.title() != null) o.put("title", table.title());
        Object scalar = org.beable.interp.Values.scalarOf(source);
        if (scalar instanceof Double d) o.set("value", number(d));
        ArrayNode columns = o.putArray("columns");
        table.header().forEach(columns::add);
        ArrayNode rows = o.putArray("rows");
        for (List<String> row : table.rows()) {
            ArrayNode r = rows.addArray();
            for (String cell : row) {
                if (Table.isNumeric(cell) && !cell.contains("±")) r.add(number(Double.parseDouble(cell)));
                else r.add(cell);
            }
        }
        return o;
    }
}
