package org.beable.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beable.interp.Interpreter;
import org.beable.interp.LineCarrier;
import org.beable.interp.KeptRow;
import org.beable.interp.StudyHook;
import org.beable.interp.SweepGrid;
import org.beable.output.Provenance;
import org.beable.output.Version;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;

/**
 * A session's sweeps as a study: with {@code --shard I/K} only this shard's cells run and each
 * `export` of a table writes the shard's part ({@code s.csv.part-I-of-K}) for `beable merge`;
 * without it, a sweep whose rows are exported to a file resumes from that file's journal.
 */
public final class Study implements StudyHook {
    private final Interpreter interpreter;
    private final Shard shard;
    private final PrintStream notes;
    private Map<Integer, String> targets;
    /** With a shard: every row kept, in order, with the place it would have in the unsharded table. */
    private final Map<String, List<Placed>> kept = new HashMap<>();

    /** A row and where it belongs: its group (before / in / after each sweep) and cell (-1 outside sweeps). */
    record Placed(long group, long cell, KeptRow row) {}

    /** With a farm (Spark): the rows of every sweep cell so far, which tasks of later sweeps take along. */
    private final Map<Integer, Map<Long, List<KeptRow>>> sweepRows = new HashMap<>();
    private final Farm farm;

    public Study(Interpreter interpreter, Shard shard, PrintStream notes) {
        this(interpreter, shard, notes, null);
    }

    /** @param farm where cells run (Spark), or null for the session's own threads */
    public Study(Interpreter interpreter, Shard shard, PrintStream notes, Farm farm) {
        this.interpreter = interpreter;
        this.shard = shard;
        this.notes = notes;
        this.farm = farm;
    }

    @Override
    public SweepPlan plan(int sweep, SweepGrid grid) {
        Journal journal = shard == null ? journal(sweep) : null;
        return new SweepPlan() {
            @Override public boolean runsHere(long cell) { return shard == null || shard.runs(cell); }
            @Override public List<?> done(long cell) { return journal == null ? null : journal.done(cell); }
            @Override public void finished(long cell, List<Object> effects) { if (journal != null) journal.finished(cell, effects); }
            @Override public void close(boolean completed) { if (journal != null) journal.close(); }
            @Override public RemoteCells remote() { return farm == null ? null : Study.this::runOnFarm; }
        };
    }

    /**
     * Sends cells to the farm in a few interleaved chunks per worker (cell i to chunk i mod n, so a
     * grid whose cost grows along an axis is shared out evenly) and gives back each cell's effects.
     */
    private List<List<Object>> runOnFarm(int sweep, long[] cells) {
        Interpreter.Options options = interpreter.options();
        RemoteTask task = new RemoteTask(interpreter.scriptName(), interpreter.scriptText(), options.seedOverride(), options.maxTrials(),
                options.maxDimension(), options.maxSparseDimension(), sweep, TaskRunner.encodeEarlier(sweepRows), interpreter.output().form());
        int n = (int) Math.max(1, Math.min(cells.length, 4L * farm.parallelism()));
        List<List<Long>> chunks = new ArrayList<>();
        for (int k = 0; k < n; k++) chunks.add(new ArrayList<>());
        for (int i = 0; i < cells.length; i++) chunks.get(i % n).add(cells[i]);
        List<long[]> arrays = chunks.stream().map(c -> c.stream().mapToLong(Long::longValue).toArray()).toList();
        Map<Long, List<Object>> byCell = new HashMap<>();
        org.beable.syntax.Source script = new org.beable.syntax.Source(interpreter.scriptName(), interpreter.scriptText());
        for (String answer : farm.run(task, arrays)) byCell.putAll(TaskRunner.decode(answer, script));
        List<List<Object>> out = new ArrayList<>();
        for (long cell : cells) {
            out.add(byCell.getOrDefault(cell, List.of(new IllegalStateException("no answer came back for cell " + cell))));
        }
        return out;
    }

    private Journal journal(int sweep) {
        String target = targets().get(sweep);
        if (target == null) return null;
        Path file = Journal.beside(interpreter.options().outputDirectory().resolve(target));
        try {
            return new Journal(file, sweep, PartHeader.of(provenance(), null, null), LineCarrier.of(interpreter.output().form()), notes);
        } catch (IOException e) {
            if (notes != null) notes.println("beable: cannot keep " + file + " (" + e.getMessage() + "); this sweep will not resume if stopped");
            return null;
        }
    }

    private Map<Integer, String> targets() {
        if (targets == null) {
            String text = interpreter.scriptText();
            try {
                targets = text == null ? Map.of() : ExportTargets.of(Parser.parse(new Source(interpreter.scriptName(), text)));
            } catch (org.beable.syntax.BeableError e) {
                targets = Map.of();      // a REPL session's text may hold an entry that did not parse: no journal then
            }
        }
        return targets;
    }

    @Override
    public void rowKept(KeptRow row, int sweep, long cell) {
        if (farm != null && sweep >= 0) sweepRows.computeIfAbsent(sweep, s -> new HashMap<>()).computeIfAbsent(cell, c -> new ArrayList<>()).add(row);
        if (shard == null) return;
        long group = sweep >= 0 ? 2L * sweep + 1 : 2L * interpreter.sweepsStarted();
        kept.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(new Placed(group, cell, row));
    }

    @Override
    public boolean export(String table, Path target) {
        if (shard == null) return false;
        Path part = shard.partOf(target);
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write(PartHeader.of(provenance(), table, shard).json() + "\n");
            for (Placed p : kept.getOrDefault(table, List.of())) {
                ObjectNode line = Cells.row(p.row());
                line.put("group", p.group());
                line.put("cell", p.cell());
                out.write(line + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
        }
        if (notes != null) notes.println("beable: shard " + shard + " wrote " + part + " (combine the parts with `beable merge`)");
        return true;
    }

    @Override
    public void exported(String table, Path target) {
        try {
            Files.deleteIfExists(Journal.beside(target));
        } catch (IOException e) {
            if (notes != null) notes.println("beable: cannot remove " + Journal.beside(target) + ": " + e.getMessage());
        }
    }

    private Provenance provenance() {
        return new Provenance(Version.current(), interpreter.seed(), interpreter.scriptName(), interpreter.scriptText());
    }
}
