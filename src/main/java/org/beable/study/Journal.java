package org.beable.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beable.interp.LineCarrier;

/**
 * The partly written file of a sweep that exports to {@code s.csv}: {@code s.csv.partial}, one
 * line per finished cell (sweep, cell, its rows and printed lines), flushed as each cell finishes, so a killed run
 * loses no finished cell. A later run of the same script and seed reads it and runs only the
 * missing cells; the journal is deleted once the export is written.
 */
final class Journal implements AutoCloseable {
    private final Path file;
    private final int sweep;
    private final LineCarrier carrier;     // printed lines are kept as the session's output shows them
    private final Map<Long, List<Object>> done = new HashMap<>();
    private final BufferedWriter out;

    static Path beside(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /** Opens (or starts) the journal for one sweep; {@code notes} hears what was found. */
    Journal(Path file, int sweep, PartHeader header, LineCarrier carrier, java.io.PrintStream notes) throws IOException {
        this.file = file;
        this.sweep = sweep;
        this.carrier = carrier;
        boolean fresh = true;
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            PartHeader found = lines.isEmpty() ? null : PartHeader.read(parse(lines.get(0)));
            String difference = found == null ? "no header" : header.differenceFrom(found);
            if (difference == null) {
                fresh = false;
                for (String line : lines.subList(1, lines.size())) {
                    JsonNode entry = parse(line);
                    if (entry == null || entry.path("sweep").asInt(-1) != sweep) continue;     // a torn last line is a cell to run again
                    if (!entry.path("form").asText("text").equals(carrier.form())) continue;      // printed for another --format: run it again
                    done.put(entry.get("cell").asLong(), Cells.effects(entry.get("effects")));
                }
                if (notes != null && !done.isEmpty()) notes.println("beable: resuming from " + file + ": " + done.size() + " cells of this sweep already done");
            } else if (notes != null) {
                notes.println("beable: not resuming from " + file + ": it was made by " + difference + "; starting again");
            }
        }
        if (fresh) Files.writeString(file, header.json() + "\n", StandardCharsets.UTF_8);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static JsonNode parse(String line) {
        try {
            return Cells.JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    List<Object> done(long cell) {
        return done.get(cell);
    }

    /** Records a finished cell; cells finish on several threads at once. */
    synchronized void finished(long cell, List<?> effects) {
        ObjectNode entry = Cells.JSON.createObjectNode();
        entry.put("sweep", sweep);
        entry.put("cell", cell);
        entry.put("form", carrier.form());
        entry.set("effects", Cells.effects(effects, carrier));
        try {
            out.write(entry + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
