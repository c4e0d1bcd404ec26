package org.beable.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.format.DataTable;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * Any exportable value as one flat list of rows with named columns, shared by the CSV and
 * JSON writers so both files carry the same numbers. Tables give their rows, a measured cell
 * splitting into the value and a `_se` column; results of run / predict come from the bindings
 * (one row per setting combination and joint outcome).
 */
public record Rows(String kind, Map<String, Object> about, List<String> columns, List<List<Object>> rows) {

    /** A table built with `row`, or an analysis's table. Results of run / predict are turned into rows by the bindings. */
    public static Rows of(Object value) {
        if (value instanceof DataTable t) return ofDataTable(t);
        if (value instanceof Tabular t) return ofTable(t.toTable());
        throw new IllegalArgumentException("only results of run / predict, tables built with `row`, and analyses can be exported");
    }

    private static Rows ofDataTable(DataTable t) {
        List<String> names = t.columns();
        boolean[] measured = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            for (int row = 0; row < t.size(); row++) measured[c] |= t.cell(row, names.get(c)) instanceof Measured;
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(names.get(c));
            if (measured[c]) columns.add(names.get(c) + "_se");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < t.size(); row++) {
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                Object cell = t.cell(row, names.get(c));
                if (cell instanceof Measured m) {
                    out.add(m.value());
                    out.add(m.standardError());
                } else {
                    out.add(cell);
                    if (measured[c]) out.add(null);
                }
            }
            rows.add(out);
        }
        return new Rows("table", Map.of("table", t.name()), columns, rows);
    }

    private static Rows ofTable(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) rows.add(new ArrayList<>(row));
        Map<String, Object> about = new LinkedHashMap<>();
        if (table.title() != null) about.put("title", table.title());
        return new Rows("analysis", about, table.header(), rows);
    }
}
