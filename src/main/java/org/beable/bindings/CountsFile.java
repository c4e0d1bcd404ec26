package org.beable.bindings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.beable.syntax.Span;

/**
 * Reads a table of counts from a file: the one place where a script reads a data file, so that
 * the file rules (which folders a script may read) can be applied here. A relative path is taken
 * from the folder of the script that names it. Tolerant of the format, driven by the header:
 * <ul>
 * <li>CSV: lines starting with # are comments (Beable's export writes its provenance there);
 *     the first other line names the columns; quoted cells are allowed.</li>
 * <li>JSON: Beable's export ({"columns": [...], "rows": [{...}, ...]}, other fields ignored) or a
 *     plain array of objects, one per row.</li>
 * </ul>
 * Cells are kept as text; {@link MeasuredData} gives the columns their meaning.
 */
final class CountsFile {
    private CountsFile() {}

    /** One row: its cells by column name, and where it is in the file (line for CSV, row number for JSON). */
    record Row(int line, Map<String, String> cells) {}

    /** The table as read: the file as a source (for located errors), its column names, its rows. */
    record Table(Source source, String name, List<String> columns, List<Row> rows, boolean json) {
        /** A span on a line of the file (the whole line), for errors that point into it. */
        Span at(int line, String column) {
            if (json) return new Span(source, 0, 0, 0);
            String text = source.line(line);
            int col = column == null ? -1 : text.indexOf(column);
            return col < 0 ? new Span(source, line, 1, Math.max(1, text.length())) : new Span(source, line, col + 1, column.length());
        }

        /** "line 7" or "row 3", for messages. */
        String where(Row row) {
            return json ? "row " + row.line() : "line " + row.line();
        }
    }

    static Table read(String path, Span span) {
        Path base = Path.of(span.source().name()).toAbsolutePath().getParent();
        Path file = base == null || Path.of(path).isAbsolute() ? Path.of(path) : base.resolve(path);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BeableError(span, "cannot read '" + path + "': no such file (looked in " + file.toAbsolutePath().normalize() + ")",
                    "paths are relative to the script's folder");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BeableError(span, "cannot read '" + path + "': " + e.getMessage());
        }
        Source source = new Source(file.toString(), text);
        String name = file.getFileName().toString();
        boolean json = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{")
                || text.stripLeading().startsWith("[");
        return json ? json(source, name, text, span) : csv(source, name, text, span);
    }

    private static Table csv(Source source, String name, String text, Span span) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).build();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = lineOf(text, record.getCharacterPosition());
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = cells;
                    continue;
                }
                if (cells.size() != columns.size()) {
                    throw new BeableError(new Span(source, line, 1, Math.max(1, source.line(line).length())),
                            "this row has " + cells.size() + " cells but the header names " + columns.size() + " columns ("
                                    + String.join(", ", columns) + ")");
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int k = 0; k < cells.size(); k++) byName.put(columns.get(k), cells.get(k));
                rows.add(new Row(line, byName));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new BeableError(span, "cannot read '" + name + "' as CSV: " + e.getMessage());
        }
        if (columns == null) throw new BeableError(span, "'" + name + "' has no header line", "the first line names the columns, e.g. a,b,A,B,count");
        return new Table(source, name, columns, rows, false);
    }

    private static int lineOf(String text, long position) {
        int line = 1;
        for (int k = 0; k < position && k < text.length(); k++) if (text.charAt(k) == '\n') line++;
        return line;
    }

    private static Table json(Source source, String name, String text, Span span) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BeableError(span, "cannot read '" + name + "' as JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        JsonNode rowsNode = root.isArray() ? root : root.get("rows");
        if (rowsNode == null || !rowsNode.isArray()) {
            throw new BeableError(span, "'" + name + "' holds no rows: expected an array of objects, or an object with \"rows\"",
                    "e.g. [{\"a\": 0, \"b\": 0.785, \"A\": \"+1\", \"B\": \"-1\", \"count\": 80}, …]");
        }
        List<String> columns = new ArrayList<>();
        JsonNode declared = root.isObject() ? root.get("columns") : null;
        if (declared != null && declared.isArray()) declared.forEach(n -> columns.add(n.asText()));
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode row : rowsNode) {
            index++;
            if (!row.isObject()) throw new BeableError(span, "'" + name + "': row " + index + " is not an object with named cells");
            Map<String, String> cells = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = it.next();
                cells.put(cell.getKey(), cell.getValue().isNull() ? "none" : cell.getValue().asText());
                if (!columns.contains(cell.getKey())) columns.add(cell.getKey());
            }
            rows.add(new Row(index, cells));
        }
        return new Table(source, name, columns, rows, true);
    }
}
