package org.beable.output;

import org.beable.format.DataTable;
import org.beable.format.Tabular;
import org.beable.format.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingValue;
import org.beable.model.OutcomeStatistics;
import org.beable.model.SampledRun;

/**
 * Any exportable value as one flat list of rows with named columns, shared by the CSV and
 * JSON writers so both files carry the same numbers. Results give one row per setting
 * combination and joint outcome; tables give their rows, a measured cell splitting into the
 * value and a `_se` column.
 */
public record Rows(String kind, Map<String, Object> about, List<String> columns, List<List<Object>> rows) {

    public static Rows of(Object value) {
        if (value instanceof OutcomeStatistics r) return ofResult(r);
        if (value instanceof DataTable t) return ofDataTable(t);
        if (value instanceof Tabular t) return ofTable(t.toTable());
        throw new IllegalArgumentException("only results of run / predict, tables built with `row`, and analyses can be exported");
    }

    private static Rows ofResult(OutcomeStatistics r) {
        Experiment e = r.experiment();
        List<String> columns = new ArrayList<>(e.settings().names());
        for (int slot = 0; slot < e.slotCount(); slot++) columns.add(e.slotDetector(slot).name());
        columns.addAll(List.of("probability", "standard_error", "count", "trials"));
        List<List<Object>> rows = new ArrayList<>();
        for (int c = 0; c < e.combinations(); c++) {
            OutcomeSpace space = e.outcomes(c);
            double[] p = r.probabilities(c);
            long[] counts = r.counts(c);
            long n = r.trials(c);
            for (int joint = 0; joint < space.size(); joint++) {
                List<Object> row = new ArrayList<>();
                for (SettingValue v : e.settings().valuesOf(c)) row.add(Double.isNaN(v.number()) ? v.label() : (Object) v.number());
                int[] outcome = space.decode(joint);
                for (int slot = 0; slot < outcome.length; slot++) {
                    row.add(outcome[slot] == OutcomeSpace.NO_OUTCOME ? "none" : e.slotDetector(slot).outcomeLabels().get(outcome[slot]));
                }
                row.add(p[joint]);
                row.add(r.isSampled() && n > 0 ? Math.sqrt(p[joint] * (1 - p[joint]) / n) : 0.0);
                row.add(counts == null ? null : (Object) (double) counts[joint]);
                row.add(r.isSampled() ? (Object) (double) n : null);
                rows.add(row);
            }
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("experiment", e.name());
        about.put("model", r.modelName());
        about.put("sampled", r.isSampled());
        if (r instanceof SampledRun run) about.put("run_seed", run.seed());
        return new Rows(r.isSampled() ? "run" : "prediction", about, columns, rows);
    }

    private static Rows ofDataTable(DataTable t) {
        List<String> names = t.columns();
        boolean[] measured = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            for (int row = 0; row < t.size(); row++) measured[c] |= t.cell(row, names.get(c)) instanceof Measured;
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(names.get(c));
            if (measured[c]) columns.add(names.get(c) + "_se");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < t.size(); row++) {
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                Object cell = t.cell(row, names.get(c));
                if (cell instanceof Measured m) {
                    out.add(m.value());
                    out.add(m.standardError());
                } else {
                    out.add(cell);
                    if (measured[c]) out.add(null);
                }
            }
            rows.add(out);
        }
        return new Rows("table", Map.of("table", t.name()), columns, rows);
    }

    private static Rows ofTable(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) rows.add(new ArrayList<>(row));
        Map<String, Object> about = new LinkedHashMap<>();
        if (table.title() != null) about.put("title", table.title());
        return new Rows("analysis", about, table.header(), rows);
    }
}
