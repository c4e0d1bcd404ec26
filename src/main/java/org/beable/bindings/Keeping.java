package org.beable.bindings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.analysis.Chsh;
import org.beable.analysis.Correlation;
import org.beable.analysis.Estimate;
import org.beable.analysis.Probability;
import org.beable.files.WritableFolders;
import org.beable.format.DataTable;
import org.beable.interp.Interpreter;
import org.beable.interp.KeptRow;
import org.beable.interp.NoneValue;
import org.beable.interp.Values;
import org.beable.output.ExportFile;
import org.beable.output.Measured;
import org.beable.output.PlotData;
import org.beable.output.PlotDisplay;
import org.beable.output.PlotFile;
import org.beable.output.Provenance;
import org.beable.output.Rows;
import org.beable.output.TextPlot;
import org.beable.output.Version;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Results to keep: `row` builds tables, `plot` draws them, `export` writes results and tables to CSV or JSON. */
final class Keeping {
    static final String DEFAULT_TABLE = "results";

    private final Interpreter interpreter;

    Keeping(Interpreter interpreter) {
        this.interpreter = interpreter;
        interpreter.setRowSink(this::append);
    }

    /** Keeps a row: its cells now, its place in the table when the session says (at once, or in a sweep's cell order). */
    void row(String tableName, List<String> columns, List<Object> values, Span span) {
        String name = tableName == null ? DEFAULT_TABLE : tableName;
        List<Object> cells = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) cells.add(cell(values.get(k), columns.get(k), span));
        interpreter.keepRow(new KeptRow(name, columns, cells, span));
    }

    /** Appends a row to its table, creating the table (a global of that name) on first use. */
    private void append(KeptRow row) {
        String name = row.table();
        Span span = row.span();
        Object existing = interpreter.lookup(name);
        DataTable table;
        if (existing instanceof DataTable t) {
            table = t;
        } else if (existing == null) {
            table = new DataTable(name);
            interpreter.define(name, table);
        } else {
            throw new BeableError(span, "'" + name + "' is a " + Values.typeName(existing) + ", not a table",
                    "write `row into another_name …` to start a new table");
        }
        table.add(row.columns(), row.cells());
    }

    /** A table cell: a number, a measured value (an analysis with its standard error), or text. */
    private static Object cell(Object v, String column, Span span) {
        if (v instanceof Double) return v;
        if (v instanceof Estimate e) return measured(e.value(), e.standardError());
        if (v instanceof Chsh c) return measured(c.value(), c.standardError());
        if (v instanceof Correlation c) return measured(c.value(), c.standardError());
        if (v instanceof Probability p) return measured(p.value(), p.standardError());
        if (v instanceof Complex c && Math.abs(c.getImaginary()) < 1e-12 * Math.max(1, Math.abs(c.getReal()))) return c.getReal();
        if (v instanceof String || v instanceof Boolean || v instanceof Complex || v == NoneValue.NONE) return Values.show(v);
        throw new BeableError(span, "column '" + column + "' gets a " + Values.typeName(v) + "; a table holds numbers, analysis results and text");
    }

    /** Exact results (no standard error) are plain numbers; sampled ones keep their error for error bars. */
    private static Object measured(double value, double standardError) {
        return standardError > 0 ? new Measured(value, standardError) : (Object) value;
    }

    void plot(List<String> ys, String x, String tableName, Object path, Object title, Span span) {
        String name = tableName == null ? DEFAULT_TABLE : tableName;
        if (!(interpreter.lookup(name) instanceof DataTable table)) {
            throw new BeableError(span, "there is no table '" + name + "' to plot", "build one with `row " + x + " = …, " + ys.get(0) + " = …` in a loop");
        }
        PlotData data;
        try {
            data = PlotData.of(table, ys, x);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage());
        }
        String heading = title == null ? String.join(", ", ys) + " vs " + x : Values.show(title);
        if (interpreter.output() instanceof PlotDisplay display) {
            display.show(data, heading, provenance());      // a notebook draws every plot inline
        } else if (path == null) {
            interpreter.output().print(List.of(TextPlot.render(data, heading)));
        }
        if (path == null) return;
        Path file = writable(path, span);
        try {
            PlotFile.write(data, heading, file, provenance());
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage(), "write `to \"plot.svg\"`, `to \"plot.pdf\"` or `to \"plot.png\"`");
        } catch (IOException | RuntimeException e) {
            throw new BeableError(span, "cannot write '" + file + "': " + reason(e));
        }
    }

    void export(Object value, Object path, Span span) {
        Path file = writable(path, span);
        String name = file.getFileName().toString().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            throw new BeableError(span, "export writes .csv or .json files, not '" + file.getFileName() + "'",
                    "for a picture of a table use `plot y vs x to \"file.svg\"`");
        }
        String table = value instanceof DataTable t ? t.name() : null;
        try {
            if (table != null && interpreter.study().export(table, file)) return;     // a shard writes its part instead
        } catch (java.io.UncheckedIOException e) {
            throw new BeableError(span, e.getMessage());
        }
        Rows rows;
        try {
            rows = ResultTables.exportable(value);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, "cannot export a " + Values.typeName(value) + ": " + e.getMessage());
        }
        try {
            ExportFile.write(rows, provenance(), file);
        } catch (IOException | RuntimeException e) {
            throw new BeableError(span, "cannot write '" + file + "': " + reason(e));
        }
        if (table != null) interpreter.study().exported(table, file);
    }

    /** A relative path is taken from the output folder (--out, the current folder by default); WritableFolders says where a script may write. */
    private Path writable(Object path, Span span) {
        if (!(path instanceof String s) || s.isBlank()) {
            throw new BeableError(span, "a file name must be a string, got " + Values.aTypeName(path));
        }
        try {
            return new WritableFolders(interpreter.options().outputDirectory(), interpreter.options().writableFolders()).resolve(s);
        } catch (WritableFolders.Refused e) {
            throw new BeableError(span, e.getMessage(), e.hint());
        }
    }

    /** What files written by this session record: version, seed, and the script that ran first. */
    private Provenance provenance() {
        return new Provenance(Version.current(), interpreter.seed(), interpreter.scriptName(), interpreter.scriptText());
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
