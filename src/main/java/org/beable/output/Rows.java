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
 *
 * <p>Cells are Double, Long, Boolean, String or null (missing). Every column has one
 * {@link #types type}: a column of numbers (and missing values) is "number", of booleans
 * "boolean", and any other column "string", its numbers then written as text.
 */
public record Rows(String kind, Map<String, Object> about, List<String> columns, List<List<Object>> rows) {
    public static final String NUMBER = "number";
    public static final String BOOLEAN = "boolean";
    public static final String STRING = "string";

    /** Each column's type: {@link #NUMBER}, {@link #BOOLEAN} or {@link #STRING} (a column of missing values only is a number column). */
    public List<String> types() {
        List<String> types = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            boolean numbers = true;
            boolean booleans = true;
            boolean any = false;
            for (List<Object> row : rows) {
                Object cell = row.get(c);
                if (cell == null) continue;
                any = true;
                numbers &= cell instanceof Double || cell instanceof Long;
                booleans &= cell instanceof Boolean;
            }
            types.add(numbers ? NUMBER : booleans && any ? BOOLEAN : STRING);
        }
        return types;
    }

    /** A cell as text in a column of any type: numbers exact ({@link DataNumbers}), missing as "". */
    public static String text(Object cell) {
        if (cell == null) return "";
        if (cell instanceof Double d) return DataNumbers.text(d);
        return cell.toString();
    }

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

    /**
     * An analysis's printed table: a column whose cells all read as numbers (or are empty or "—")
     * becomes a number column; the numbers are as printed.
     */
    private static Rows ofTable(Table table) {
        int width = table.header().size();
        boolean[] numeric = new boolean[width];
        java.util.Arrays.fill(numeric, true);
        for (List<String> row : table.rows()) {
            for (int c = 0; c < width; c++) numeric[c] &= c >= row.size() || isMissing(row.get(c)) || isNumber(row.get(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<Object> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                cells.add(!numeric[c] ? cell : isMissing(cell) ? null : (Object) parse(cell.strip()));
            }
            rows.add(cells);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        if (table.title() != null) about.put("title", table.title());
        return new Rows("analysis", about, table.header(), rows);
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("—");
    }

    private static boolean isNumber(String cell) {
        return Table.isNumeric(cell) && !cell.contains("±") || cell.equals("nan") || cell.equals("inf") || cell.equals("-inf");
    }

    private static double parse(String cell) {
        return switch (cell) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }
}
