package org.beable.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes exported rows to a file, CSV or JSON by its extension: the one place `export` and
 * `beable merge` write through, so a merged file has the bytes the unsharded run would write.
 */
public final class ExportFile {
    private ExportFile() {}

    public static boolean isExportable(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".csv") || name.endsWith(".json");
    }

    /** A CSV file gets its provenance beside it ({@link CsvExport#sideFile}); a JSON file holds it. */
    public static void write(Rows rows, Provenance provenance, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase().endsWith(".csv")) CsvExport.write(rows, provenance, file);
        else JsonExport.write(rows, provenance, file);
    }
}
