package org.beable.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of named columns, built up by `row` statements in a loop. A row may bring new columns;
 * earlier rows then have no value there (null). Cells are Double, String or {@link Measured}.
 */
public final class DataTable implements Tabular {
    private final String name;
    private final List<String> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    public DataTable(String name) {
        this.name = name;
    }

    public String name() { return name; }
    public List<String> columns() { return Collections.unmodifiableList(columns); }
    public int size() { return rows.size(); }

    public void add(List<String> names, List<Object> values) {
        List<Object> row = new ArrayList<>(Collections.nCopies(columns.size(), null));
        for (int k = 0; k < names.size(); k++) {
            int column = columns.indexOf(names.get(k));
            if (column < 0) {
                columns.add(names.get(k));
                for (List<Object> earlier : rows) earlier.add(null);
                row.add(null);
                column = columns.size() - 1;
            }
            row.set(column, values.get(k));
        }
        rows.add(row);
    }

    /** The cell of a row under a column, or null. */
    public Object cell(int row, String column) {
        int c = columns.indexOf(column);
        return c < 0 ? null : rows.get(row).get(c);
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    @Override
    public Table toTable() {
        Table table = new Table(new ArrayList<>(columns)).title("table " + name + " (" + rows.size() + " rows)");
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object cell : row) cells.add(show(cell));
            table.row(cells);
        }
        return table;
    }

    static String show(Object cell) {
        if (cell == null) return "";
        if (cell instanceof Double d) return Numbers.format(d);
        return cell.toString();
    }

    @Override
    public String toString() {
        return "table " + name + " with columns " + String.join(", ", columns) + " (" + rows.size() + " rows)";
    }
}
