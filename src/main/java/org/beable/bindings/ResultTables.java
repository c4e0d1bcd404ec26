package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.model.OutcomeStatistics;
import org.beable.model.SampledRun;
import org.beable.output.JsonExport;
import org.beable.output.Rows;

/**
 * A prediction or a run in long form: one row per setting combination and joint outcome, with
 * the settings, each detector's outcome, the probability, and for sampled results the standard
 * error and the count. As a printed table, and as rows to export; both walk the result once,
 * through {@link #forEachRow}, so the two forms can never disagree.
 */
public final class ResultTables {
    private ResultTables() {}

    /** One row of the long form. {@code outcome[slot]} is {@link OutcomeSpace#NO_OUTCOME} where a detector does not measure. */
    private interface RowSink {
        void row(List<SettingValue> settings, int[] outcome, double probability, double standardError, long count, long trials);
    }

    private static void forEachRow(OutcomeStatistics result, RowSink sink) {
        Experiment experiment = result.experiment();
        for (int c = 0; c < experiment.combinations(); c++) {
            OutcomeSpace space = experiment.outcomes(c);
            double[] p = result.probabilities(c);
            long[] counts = result.counts(c);
            long n = result.trials(c);
            List<SettingValue> settings = List.of(experiment.settings().valuesOf(c));
            for (int joint = 0; joint < space.size(); joint++) {
                double se = result.isSampled() && n > 0 ? Math.sqrt(p[joint] * (1 - p[joint]) / n) : 0;
                sink.row(settings, space.decode(joint), p[joint], se, counts == null ? -1 : counts[joint], n);
            }
        }
    }

    /** The printed table; "—" where a detector does not measure. */
    public static Table of(OutcomeStatistics result) {
        Experiment experiment = result.experiment();
        List<String> header = new ArrayList<>(experiment.settings().names());
        for (int slot = 0; slot < experiment.slotCount(); slot++) header.add(experiment.slotDetector(slot).name());
        header.add("P");
        if (result.isSampled()) {
            header.add("SE");
            header.add("count");
        }
        Table table = new Table(header).title(experiment.name() + " under " + result.modelName()
                + (result.isSampled() ? " (sampled)" : " (exact)"));
        forEachRow(result, (settings, outcome, p, se, count, trials) -> {
            List<String> row = new ArrayList<>();
            for (SettingValue v : settings) row.add(v.label());
            for (int slot = 0; slot < outcome.length; slot++) row.add(outcomeLabel(experiment, slot, outcome[slot], "—"));
            row.add(Numbers.format(p));
            if (result.isSampled()) {
                row.add(Numbers.format(se));
                row.add(Long.toString(count));
            }
            table.row(row);
        });
        return table;
    }

    /**
     * The rows `export` writes, tidy: per setting its value as a number (missing when it is
     * `none` or not a number), and its label beside it ({@code a_label}) unless every label is
     * just its number; per detector the outcome's value as a number (missing when the detector
     * does not fire or its outcomes are not numbers), and its label ({@code A_label}) unless the
     * labels are the values; the probability, its standard error (0 when exact), and for a run
     * the count and the trials of the combination (missing for a prediction). Numbers are kept
     * whole; the writers print them exactly.
     */
    public static Rows rows(OutcomeStatistics result) {
        Experiment e = result.experiment();
        SettingSpace space = e.settings();
        boolean[] settingLabel = new boolean[space.size()];
        boolean[] outcomeLabel = new boolean[e.slotCount()];
        List<String> columns = new ArrayList<>();
        for (int s = 0; s < space.size(); s++) {
            settingLabel[s] = space.values(s).stream().anyMatch(v -> !isNumberText(v.label(), v.number()));
            columns.add(space.name(s));
            if (settingLabel[s]) columns.add(space.name(s) + "_label");
        }
        for (int slot = 0; slot < e.slotCount(); slot++) {
            Detector d = e.slotDetector(slot);
            for (int k = 0; k < d.outcomeLabels().size(); k++) outcomeLabel[slot] |= !isNumberText(d.outcomeLabels().get(k), d.outcomeValues()[k]);
            columns.add(d.name());
            if (outcomeLabel[slot]) columns.add(d.name() + "_label");
        }
        columns.addAll(List.of("probability", "standard_error", "count", "trials"));
        List<List<Object>> rows = new ArrayList<>();
        forEachRow(result, (settings, outcome, p, se, count, trials) -> {
            List<Object> row = new ArrayList<>();
            for (int s = 0; s < settings.size(); s++) {
                SettingValue v = settings.get(s);
                row.add(Double.isNaN(v.number()) ? null : (Object) v.number());
                if (settingLabel[s]) row.add(v.label());
            }
            for (int slot = 0; slot < outcome.length; slot++) {
                boolean fired = outcome[slot] != OutcomeSpace.NO_OUTCOME;
                double value = fired ? e.slotDetector(slot).outcomeValues()[outcome[slot]] : Double.NaN;
                row.add(Double.isNaN(value) ? null : (Object) value);
                if (outcomeLabel[slot]) row.add(fired ? outcomeLabel(e, slot, outcome[slot], null) : null);
            }
            row.add(p);
            row.add(se);
            row.add(count < 0 ? null : (Object) count);
            row.add(result.isSampled() ? (Object) trials : null);
            rows.add(row);
        });
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("experiment", e.name());
        about.put("model", result.modelName());
        about.put("sampled", result.isSampled());
        if (result instanceof SampledRun run) about.put("run_seed", new JsonExport.Seed(run.seed()));
        return new Rows(result.isSampled() ? "run" : "prediction", about, columns, rows);
    }

    /** Whether a label says nothing its number does not ("1", "+1", "-0.5" for 1, 1, −0.5). */
    private static boolean isNumberText(String label, double number) {
        if (Double.isNaN(number)) return false;
        try {
            return Double.parseDouble(label) == number;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Any exportable value as rows: results of run / predict here, tables and analyses by {@link Rows#of}. */
    public static Rows exportable(Object value) {
        return value instanceof OutcomeStatistics r ? rows(r) : Rows.of(value);
    }

    private static String outcomeLabel(Experiment experiment, int slot, int outcome, String none) {
        return outcome == OutcomeSpace.NO_OUTCOME ? none : experiment.slotDetector(slot).outcomeLabels().get(outcome);
    }
}
