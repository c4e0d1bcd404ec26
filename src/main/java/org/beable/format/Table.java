package org.beable.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small text table: a header, rows of cells, an optional title. {@link #render()} aligns the
 * columns with two spaces between them and underlines the header with '─'. A column whose
 * non-empty cells all read as numbers (as {@link Numbers#format} writes them, or "x ± y") is
 * right-aligned; any other column is left-aligned. Cells are kept as strings so a JSON or CSV
 * writer can reuse {@link #header()} and {@link #rows()}.
 */
public final class Table {
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|nan|[-+]?inf";
    private static final Pattern NUMERIC = Pattern.compile("(?:" + NUMBER + ")(?:\\s*±\\s*(?:" + NUMBER + "))?");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private String title;

    public Table(List<String> header) {
        if (header.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
        this.header = List.copyOf(header);
    }

    public Table(String title, List<String> header) {
        this(header);
        this.title = title;
    }

    /** Sets the title printed above the table; returns this table. */
    public Table title(String title) {
        this.title = title;
        return this;
    }

    /** The title, or null. */
    public String title() {
        return title;
    }

    /** Adds a row; a short row is padded with empty cells. Returns this table. */
    public Table row(String... cells) {
        return row(List.of(cells));
    }

    public Table row(List<String> cells) {
        if (cells.size() > header.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells but the table has " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(header.size());
        for (String cell : cells) row.add(cell == null ? "" : cell);
        while (row.size() < header.size()) row.add("");
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    public List<String> header() {
        return header;
    }

    /** The rows, each exactly as wide as the header. */
    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Whether a cell reads as a number (or "number ± number"). */
    public static boolean isNumeric(String cell) {
        return NUMERIC.matcher(cell.strip()).matches();
    }

    public String render() {
        int columns = header.size();
        int[] width = new int[columns];
        boolean[] right = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = length(header.get(c));
            boolean any = false;
            boolean numeric = true;
            for (List<String> row : rows) {
                String cell = row.get(c);
                width[c] = Math.max(width[c], length(cell));
                if (cell.isEmpty()) continue;
                any = true;
                numeric &= isNumeric(cell);
            }
            right[c] = any && numeric;
        }
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) out.append(title).append('\n');
        line(out, header, width, right);
        List<String> rule = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) rule.add("─".repeat(width[c]));
        line(out, rule, width, right);
        for (List<String> row : rows) line(out, row, width, right);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) line.append("  ");
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - length(cell));
            line.append(right[c] ? pad + cell : cell + pad);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        out.append(line, 0, end).append('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @Override
    public String toString() {
        return render();
    }
}
