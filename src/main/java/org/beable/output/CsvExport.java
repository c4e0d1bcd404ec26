package org.beable.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows as one plain CSV table (RFC 4180: a header line, then one record per row; numbers exact,
 * missing values empty), which Python's csv, pandas and R read with no options. What the table is
 * and how it was made go beside it, in {@code x.csv.json} ({@link JsonExport#sideFile}).
 */
public final class CsvExport {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private CsvExport() {}

    /** The table to {@code path} and its provenance to {@code path + ".json"}. */
    public static void write(Rows rows, Provenance provenance, Path path) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(rows, out);
        }
        Path side = sideFile(path);
        try (Writer out = Files.newBufferedWriter(side, StandardCharsets.UTF_8)) {
            JsonExport.writeSideFile(rows, provenance, path.getFileName().toString(), out);
        }
    }

    /** Where a CSV file's provenance goes: {@code x.csv.json}. */
    public static Path sideFile(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".json");
    }

    /** The table alone: header and records. */
    public static void write(Rows rows, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(rows.columns());
        for (List<Object> row : rows.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) cells.add(Rows.text(cell));
            printer.printRecord(cells);
        }
        printer.flush();
    }
}
