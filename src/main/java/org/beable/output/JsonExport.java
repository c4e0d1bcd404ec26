package org.beable.output;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rows as one JSON document: provenance ({@link Provenance#toJson}), what was exported, the
 * column names and types, and one object per row. Numbers are exact, missing values null, and
 * 64-bit integers such as seeds are strings (JSON readers keep only 53 bits of a number).
 */
public final class JsonExport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Shortest round-trip doubles (Schubfach) instead of Java 17's Double.toString. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private JsonExport() {}

    /** The document to {@code path}. */
    public static void write(Rows rows, Provenance provenance, Path path) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(rows, provenance, out);
        }
    }

    public static void write(Rows rows, Provenance provenance, Writer out) throws IOException {
        ObjectNode document = header(rows, provenance);
        if (provenance.scriptText() != null) document.put("script_text", provenance.scriptText());
        ArrayNode list = document.putArray("rows");
        List<String> types = rows.types();
        for (List<Object> row : rows.rows()) {
            ObjectNode object = list.addObject();
            for (int c = 0; c < rows.columns().size(); c++) object.set(rows.columns().get(c), cell(row.get(c), types.get(c)));
        }
        out.write(MAPPER.writeValueAsString(document));
        out.write("\n");
    }

    /** A CSV file's side file: the same header, the name of the CSV file it describes, and no rows. */
    static void writeSideFile(Rows rows, Provenance provenance, String csvName, Writer out) throws IOException {
        ObjectNode document = header(rows, provenance);
        document.put("file", csvName);
        out.write(MAPPER.writeValueAsString(document));
        out.write("\n");
    }

    private static ObjectNode header(Rows rows, Provenance provenance) {
        ObjectNode document = provenance.toJson();
        document.put("kind", rows.kind());
        for (Map.Entry<String, Object> e : rows.about().entrySet()) document.set(e.getKey(), value(e.getValue()));
        rows.columns().forEach(document.putArray("columns")::add);
        rows.types().forEach(document.putArray("column_types")::add);
        return document;
    }

    /** A cell in a column of its type: numbers exact, strings for a string column's numbers, null when missing. */
    public static JsonNode cell(Object cell, String type) {
        if (cell == null) return NODES.nullNode();
        if (type.equals(Rows.STRING)) return NODES.textNode(Rows.text(cell));
        return value(cell);
    }

    /** A value of an `about` entry or a cell: Long as a string when it is a seed-sized number. */
    private static JsonNode value(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Double d) return DataNumbers.json(d);
        if (v instanceof Long n) return NODES.numberNode(n);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Seed s) return NODES.textNode(Long.toString(s.value()));
        return NODES.textNode(v.toString());
    }

    /** A 64-bit seed in `about`: written as a string in JSON. */
    public record Seed(long value) {
        @Override public String toString() { return Long.toString(value); }
    }
}
