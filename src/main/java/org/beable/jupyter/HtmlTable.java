package org.beable.jupyter;

import java.util.List;
import org.beable.format.Table;

/**
 * The terminal's table as HTML for a notebook: the same title, header and cells, numeric
 * columns right-aligned as {@link Table#render()} aligns them.
 */
final class HtmlTable {
    private HtmlTable() {}

    static String of(Table table) {
        List<String> header = table.header();
        boolean[] right = numericColumns(table);
        StringBuilder html = new StringBuilder("<table class=\"beable\">\n");
        if (table.title() != null && !table.title().isEmpty()) {
            html.append("<caption style=\"text-align:left\">").append(escape(table.title())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (int c = 0; c < header.size(); c++) html.append(cell("th", header.get(c), right[c]));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) html.append(cell("td", row.get(c), right[c]));
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** A column is numeric when it has a cell and every non-empty cell reads as a number. */
    private static boolean[] numericColumns(Table table) {
        boolean[] right = new boolean[table.header().size()];
        for (int c = 0; c < right.length; c++) {
            boolean any = false;
            boolean numeric = true;
            for (List<String> row : table.rows()) {
                String cell = row.get(c);
                if (cell.isEmpty()) continue;
                any = true;
                numeric &= Table.isNumeric(cell);
            }
            right[c] = any && numeric;
        }
        return right;
    }

    private static String cell(String tag, String text, boolean right) {
        return "<" + tag + (right ? " style=\"text-align:right\"" : " style=\"text-align:left\"") + ">" + escape(text) + "</" + tag + ">";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
