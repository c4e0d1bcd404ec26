package org.beable.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.beable.format.DataTable;
import org.beable.interp.KeptRow;
import org.beable.output.ExportFile;
import org.beable.output.Rows;

/**
 * `beable merge PART… --to FILE`: the parts of a sharded run combined into the file the unsharded
 * run writes, byte for byte. The parts must come from the same script, seed and version, and
 * be all K shards of one split; rows outside the sweeps (every shard makes them) must agree.
 */
public final class Merge {
    private Merge() {}

    /** Why parts cannot be merged, naming the part at fault. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Part(Path file, PartHeader header, Shard shard, List<Study.Placed> rows) {}

    public static void merge(List<Path> files, Path to) throws IOException {
        if (files.isEmpty()) throw new Refused("give the parts to merge, e.g. beable merge s.csv.part-* --to s.csv");
        if (!ExportFile.isExportable(to)) throw new Refused("--to " + to + ": merge writes .csv or .json files");
        List<Part> parts = new ArrayList<>();
        for (Path file : files) parts.add(read(file));
        Part first = parts.get(0);
        int count = first.shard.count();
        Part[] byIndex = new Part[count];
        for (Part p : parts) {
            String difference = first.header.differenceFrom(p.header);
            if (difference != null) throw new Refused(p.file + ": made by " + difference + " than " + first.file + "; parts of different runs cannot be merged");
            if (p.shard.count() != count) throw new Refused(p.file + ": shard " + p.shard + " is from a split into " + p.shard.count() + ", " + first.file + " from a split into " + count);
            if (byIndex[p.shard.index()] != null) throw new Refused(p.file + ": shard " + p.shard + " is given twice (also " + byIndex[p.shard.index()].file + ")");
            byIndex[p.shard.index()] = p;
        }
        for (int i = 0; i < count; i++) {
            if (byIndex[i] == null) throw new Refused("shard " + i + "/" + count + " is missing: merge needs all " + count + " parts");
        }
        List<Study.Placed> outside = outside(byIndex[0]);
        for (Part p : parts) {
            if (!outside(p).equals(outside)) {
                throw new Refused(p.file + ": its rows outside the sweeps differ from " + byIndex[0].file
                        + "'s; rows kept outside a sweep must not depend on the sweep's rows");
            }
        }
        List<Study.Placed> all = new ArrayList<>(outside);
        for (Part p : parts) for (Study.Placed r : p.rows) if (r.cell() >= 0) all.add(r);
        // A stable sort: rows of one cell (and the rows outside sweeps) keep the order they were kept in.
        all.sort(Comparator.comparingLong(Study.Placed::group).thenComparingLong(Study.Placed::cell));
        DataTable table = new DataTable(first.header.table());
        for (Study.Placed r : all) table.add(r.row().columns(), r.row().cells());
        ExportFile.write(Rows.of(table), first.header.provenance(), to);
    }

    private static List<Study.Placed> outside(Part p) {
        return p.rows.stream().filter(r -> r.cell() < 0).toList();
    }

    private static Part read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new Refused(file + ": no such file");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        PartHeader header = lines.isEmpty() ? null : PartHeader.read(json(file, lines.get(0)));
        if (header == null || header.shard() == null) {
            throw new Refused(file + ": not a part of a sharded run (those are written by `beable FILE --shard I/K` as NAME.part-I-of-K)");
        }
        Shard shard = Shard.parse(header.shard());
        List<Study.Placed> rows = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            if (lines.get(k).isBlank()) continue;
            JsonNode line = json(file, lines.get(k));
            if (line == null || !line.has("cell")) throw new Refused(file + ":" + (k + 1) + ": not a row of a part (the file is damaged)");
            KeptRow row = Cells.row(line);
            rows.add(new Study.Placed(line.get("group").asLong(), line.get("cell").asLong(), new KeptRow(row.table(), row.columns(), row.cells(), null)));
        }
        return new Part(file, header, shard, rows);
    }

    private static JsonNode json(Path file, String line) {
        try {
            return Cells.JSON.readTree(line);
        } catch (IOException e) {
            throw new Refused(file + ": not a part of a sharded run (a line is not JSON)");
        }
    }
}
