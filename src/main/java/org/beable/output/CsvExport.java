package org.beable.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beable.format.Numbers;

/** Rows as CSV, headed by `#` comment lines recording the version, seed and script (read back with a comment marker). */
public final class CsvExport {
    private CsvExport() {}

    public static void write(Rows rows, Provenance provenance, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator("\n").build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printComment(provenance.line());
            rows.about().forEach((key, value) -> {
                try {
                    printer.printComment(key + ": " + value);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            printer.printRecord(rows.columns());
            for (List<Object> row : rows.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) cells.add(cell == null ? "" : cell instanceof Double d ? Numbers.csv(d) : cell.toString());
                printer.printRecord(cells);
            }
        }
    }
}
