package org.beable.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.interp.InternalFailure;
import org.beable.interp.Interpreter;
import org.beable.interp.KeptRow;
import org.beable.interp.LineCarrier;
import org.beable.interp.StudyHook;
import org.beable.interp.SweepGrid;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.beable.syntax.Span;

/**
 * One remote task: a fresh session runs the script up to the task's sweep (the earlier sweeps'
 * cells are not run again: their rows came with the task), runs the task's cells one after
 * another, and stops. The answer is JSON: per cell, its rows and its printed lines carried in the
 * driver's output form ({@link LineCarrier}).
 * Pure Java: Spark only moves tasks and answers.
 */
public final class TaskRunner {
    private TaskRunner() {}

    /** Thrown once the task's sweep is done, to stop the script there. */
    private static final class Reached extends RuntimeException {
        Reached() {
            super("the task's sweep is done", null, false, false);
        }
    }

    public static String run(RemoteTask task, long[] cells) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("beable-task");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Files go to a scratch folder deleted at the end, and no other folder is writable: the
        // driver's session does the exports.
        Interpreter session = new Interpreter(new Interpreter.Options(1, task.seedOverride(), task.maxTrials(), task.maxDimension(), scratch,
                List.of(), task.maxSparseDimension()), values -> { });
        Map<Long, List<Object>> made = new HashMap<>();
        session.setStudy(new Hook(task, cells, made));
        BeableError failure = null;
        try {
            session.run(new Source(task.scriptName(), task.scriptText()));
        } catch (InternalFailure e) {
            if (!(e.getCause() instanceof Reached)) throw e;
        } catch (Reached e) {
            // the script stops at the task's sweep
        } catch (BeableError e) {
            failure = e;
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a scratch folder left behind is harmless
            }
        }
        LineCarrier carrier = LineCarrier.of(task.printForm());
        ArrayNode answer = Cells.JSON.createArrayNode();
        for (long cell : cells) {
            ObjectNode entry = answer.addObject();
            entry.put("cell", cell);
            ArrayNode effects = entry.putArray("effects");
            if (!made.containsKey(cell)) {
                // The first of the task's cells that did not finish is the one that failed (they run in order).
                effects.addObject().set("error", error(failure));
                break;
            }
            effects.addAll(Cells.effects(made.get(cell), carrier));
        }
        return answer.toString();
    }

    private static ObjectNode error(BeableError e) {
        ObjectNode node = Cells.JSON.createObjectNode();
        if (e == null) {
            node.put("message", "the task stopped before this cell ran");
            return node;
        }
        node.put("kind", e.kind().name());
        node.put("message", e.getMessage());
        if (e.hint() != null) node.put("hint", e.hint());
        if (e.span() != null) {
            node.put("source", e.span().source().name());
            node.put("line", e.span().line());
            node.put("column", e.span().column());
            node.put("length", e.span().length());
        }
        return node;
    }

    /** A remote cell's error, located in the driver's copy of the script (or the module it came from, by name). */
    private static RuntimeException error(JsonNode node, Source script) {
        String message = node.path("message").asText();
        if (!node.has("line")) return new IllegalStateException("a remote cell failed: " + message);
        Source source = node.path("source").asText().equals(script.name()) ? script : new Source(node.path("source").asText(), "");
        Span span = new Span(source, node.get("line").asInt(), node.get("column").asInt(), node.get("length").asInt());
        return new BeableError(BeableError.Kind.valueOf(node.path("kind").asText("RUNTIME")), span, message,
                node.has("hint") ? node.get("hint").asText() : null);
    }

    /** Decodes an answer: each cell's effects, rows as {@link KeptRow}s and printed lines as carried. */
    static Map<Long, List<Object>> decode(String answer, Source script) {
        Map<Long, List<Object>> cells = new HashMap<>();
        try {
            for (JsonNode entry : Cells.JSON.readTree(answer)) {
                List<Object> effects = new ArrayList<>();
                for (JsonNode e : entry.get("effects")) {
                    effects.add(e.has("row") ? Cells.row(e.get("row")) : e.has("error") ? error(e.get("error"), script) : e.get("print").asText());
                }
                cells.put(entry.get("cell").asLong(), effects);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    /** Rows of earlier sweeps, by sweep and cell, as they travel in a task. */
    static String encodeEarlier(Map<Integer, Map<Long, List<KeptRow>>> rows) {
        ObjectNode node = Cells.JSON.createObjectNode();
        rows.forEach((sweep, cells) -> {
            ObjectNode bySweep = node.putObject(Integer.toString(sweep));
            cells.forEach((cell, list) -> bySweep.set(Long.toString(cell), Cells.rows(list)));
        });
        return node.toString();
    }

    private static Map<Integer, Map<Long, List<KeptRow>>> decodeEarlier(String json) {
        Map<Integer, Map<Long, List<KeptRow>>> rows = new HashMap<>();
        try {
            JsonNode node = Cells.JSON.readTree(json);
            node.fields().forEachRemaining(s -> {
                Map<Long, List<KeptRow>> cells = new HashMap<>();
                s.getValue().fields().forEachRemaining(c -> cells.put(Long.parseLong(c.getKey()), Cells.rows(c.getValue())));
                rows.put(Integer.parseInt(s.getKey()), cells);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The task's session: earlier sweeps from their shipped rows, the task's cells here, and nothing written. */
    private static final class Hook implements StudyHook {
        private final RemoteTask task;
        private final Set<Long> cells = new HashSet<>();
        private final Map<Long, List<Object>> made;
        private final Map<Integer, Map<Long, List<KeptRow>>> earlier;

        Hook(RemoteTask task, long[] cells, Map<Long, List<Object>> made) {
            this.task = task;
            for (long c : cells) this.cells.add(c);
            this.made = made;
            this.earlier = decodeEarlier(task.earlierRows());
        }

        @Override
        public SweepPlan plan(int sweep, SweepGrid grid) {
            if (sweep < task.sweep()) {
                Map<Long, List<KeptRow>> rows = earlier.getOrDefault(sweep, Map.of());
                return new SweepPlan() {
                    @Override public boolean runsHere(long cell) { return false; }
                    @Override public List<?> done(long cell) { return rows.getOrDefault(cell, List.of()); }
                };
            }
            return new SweepPlan() {
                @Override public boolean runsHere(long cell) { return cells.contains(cell); }
                @Override public synchronized void finished(long cell, List<Object> effects) { made.put(cell, effects); }
                @Override public void close(boolean completed) { if (completed) throw new Reached(); }
            };
        }

        @Override
        public boolean export(String table, Path target) {
            return true;     // a task writes nothing: the driver's session exports
        }
    }
}
