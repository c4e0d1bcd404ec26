package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beable.analysis.MeasuredCounts;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * `load "counts.csv"` and `load "counts.csv" for EXPERIMENT`: a table of counts made into a result
 * that the analyses accept ({@link MeasuredCounts}). The columns are read from the header:
 * <ul>
 * <li>`count` (required): how many trials showed that row's outcomes under its settings, a whole
 *     number ≥ 0;</li>
 * <li>`probability`, `standard_error`, `trials`: what Beable's export derives from the counts;
 *     ignored; so is `X_label` beside a column `X` (the export's label of a setting or outcome
 *     whose number is in `X`);</li>
 * <li>`for EXPERIMENT`: the experiment's measured detectors are the outcome columns and its
 *     settings the setting columns, matched by name (every one must be there); outcomes are
 *     matched to the detector's labels or values (+1, -1), setting values to the experiment's
 *     (numbers within 1e-6);</li>
 * <li>without an experiment: a column whose name starts with a capital letter is a detector
 *     (Beable's convention, A, B), any other a setting; a setting named like a detector in lower
 *     case (a for A) is that detector's setting. Outcomes and setting values are the ones the
 *     table shows (numeric outcomes in descending order, so +1 comes first).</li>
 * </ul>
 * Every setting combination needs at least one trial, a row may not repeat another's settings
 * and outcomes, and a detector whose setting is `none` shows `none`.
 */
final class MeasuredData {
    private static final double SETTING_TOLERANCE = 1e-6;
    private static final Set<String> DERIVED = Set.of("probability", "standard_error", "trials");

    private MeasuredData() {}

    /** A column the export derives from the others: read nothing from it. */
    private static boolean derived(String column, List<String> columns) {
        if (DERIVED.contains(column.toLowerCase(Locale.ROOT))) return true;
        return column.endsWith("_label") && columns.contains(column.substring(0, column.length() - "_label".length()));
    }

    static MeasuredCounts load(String path, Experiment declared, Span span) {
        CountsFile.Table table = CountsFile.read(path, span);
        return new MeasuredData.Reader(table, span).read(declared);
    }

    private static final class Reader {
        private final CountsFile.Table table;
        private final Span call;
        private String countColumn;
        private final List<String> detectorColumns = new ArrayList<>();
        private final List<String> settingColumns = new ArrayList<>();

        Reader(CountsFile.Table table, Span call) {
            this.table = table;
            this.call = call;
        }

        private BeableError error(CountsFile.Row row, String column, String message, String hint) {
            if (table.json() || row == null) {
                return new BeableError(call, table.name() + (row == null ? "" : ", " + table.where(row)) + ": " + message, hint);
            }
            return new BeableError(table.at(row.line(), column), message, hint);
        }

        private BeableError headerError(String message, String hint) {
            if (table.json()) return new BeableError(call, table.name() + ": " + message, hint);
            int line = table.rows().isEmpty() ? 1 : headerLine();
            return new BeableError(table.at(line, null), message, hint);
        }

        private int headerLine() {
            for (int line = 1; ; line++) {
                String text = table.source().line(line).strip();
                if (!text.isEmpty() && !text.startsWith("#")) return line;
            }
        }

        MeasuredCounts read(Experiment declared) {
            for (String column : table.columns()) {
                if (column.equalsIgnoreCase("count")) countColumn = column;
            }
            if (countColumn == null) {
                throw headerError("the table has no count column (columns: " + String.join(", ", table.columns()) + ")",
                        "a counts table has setting columns, outcome columns and `count`, e.g. a,b,A,B,count");
            }
            Experiment e = declared != null ? matchColumns(declared) : fromColumns();
            long[][] counts = new long[e.combinations()][];
            for (int c = 0; c < counts.length; c++) counts[c] = new long[e.outcomes(c).size()];
            Map<String, CountsFile.Row> seen = new LinkedHashMap<>();
            for (CountsFile.Row row : table.rows()) {
                int combination = combination(e, row);
                int joint = joint(e, combination, row);
                long n = count(row);
                CountsFile.Row before = seen.put(combination + "/" + joint, row);
                if (before != null) {
                    throw error(row, null, "this row repeats the settings and outcomes of " + table.where(before),
                            "give each combination of settings and outcomes one row (add the counts up)");
                }
                counts[combination][joint] += n;
            }
            for (int c = 0; c < counts.length; c++) {
                long total = 0;
                for (long n : counts[c]) total += n;
                if (total == 0) {
                    throw error(null, null, "no trials under " + e.settings().describe(c) + ": every setting combination needs at least one",
                            declared != null ? "load it for an experiment whose settings are the ones measured" : "drop that setting value or add its counts");
                }
            }
            String source = "measured (" + table.name() + ")";
            return new MeasuredCounts(e, source, counts, declared != null);
        }

        // ---------------------------------------------------------------- columns

        private Experiment matchColumns(Experiment e) {
            List<String> wanted = new ArrayList<>();
            for (int slot = 0; slot < e.slotCount(); slot++) wanted.add(e.slotDetector(slot).name());
            detectorColumns.addAll(wanted);
            settingColumns.addAll(e.settings().names());
            List<String> all = new ArrayList<>(wanted);
            all.addAll(settingColumns);
            for (String name : all) {
                if (!table.columns().contains(name)) {
                    throw headerError("the table has no column '" + name + "', which experiment '" + e.name() + "' "
                            + (wanted.contains(name) ? "measures (a detector)" : "sets (a setting)"),
                            "its columns are: " + String.join(", ", table.columns()));
                }
            }
            for (String column : table.columns()) {
                if (!all.contains(column) && !column.equals(countColumn) && !derived(column, table.columns())) {
                    throw headerError("column '" + column + "' is neither a detector nor a setting of experiment '" + e.name() + "'",
                            "detectors: " + String.join(", ", wanted) + "; settings: " + String.join(", ", settingColumns));
                }
            }
            return e;
        }

        private Experiment fromColumns() {
            for (String column : table.columns()) {
                if (column.equals(countColumn) || derived(column, table.columns()) || column.isEmpty()) continue;
                if (Character.isUpperCase(column.codePointAt(0))) detectorColumns.add(column);
                else settingColumns.add(column);
            }
            if (detectorColumns.isEmpty()) {
                throw headerError("no column names a detector (detectors are the columns whose names start with a capital letter,"
                        + " e.g. A, B; columns: " + String.join(", ", table.columns()) + ")",
                        "or load the table for a declared experiment: load \"" + table.name() + "\" for e");
            }
            List<List<SettingValue>> values = new ArrayList<>();
            for (String s : settingColumns) values.add(settingValues(s));
            SettingSpace settings = new SettingSpace(settingColumns, values);
            List<Detector> detectors = new ArrayList<>();
            List<String> systems = new ArrayList<>();
            int[] dims = new int[detectorColumns.size()];
            for (int d = 0; d < detectorColumns.size(); d++) {
                String name = detectorColumns.get(d);
                List<String> labels = outcomeLabels(name);
                double[] numbers = new double[labels.size()];
                for (int k = 0; k < numbers.length; k++) numbers[k] = number(labels.get(k));
                CMatrix[] basis = new CMatrix[labels.size()];
                for (int k = 0; k < basis.length; k++) {
                    double[] re = new double[basis.length];
                    re[k] = 1;
                    basis[k] = CMatrix.column(re, null);
                }
                Measurement m = Measurement.ofBasis(basis);
                String setting = settingColumns.contains(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : null;
                detectors.add(new Detector(name, d, setting, v -> m, labels, numbers));
                systems.add(name.toLowerCase(Locale.ROOT) + "_system");
                dims[d] = labels.size();
            }
            SystemLayout layout = new SystemLayout(systems, dims);
            int[] all = new int[detectors.size()];
            for (int d = 0; d < all.length; d++) all[d] = d;
            CMatrix mixed = CMatrix.identity(layout.dimension()).scale(1.0 / layout.dimension());
            String name = table.name().replaceFirst("\\.[^.]*$", "");
            long trials = 0;
            for (CountsFile.Row row : table.rows()) trials = Math.max(trials, count(row));
            return new Experiment(name, layout, mixed, List.of(new Step.Measure(all)), detectors, settings, new SettingChoice.All(),
                    Math.max(1, trials));
        }

        /** The values a setting column shows, in the order they first appear. */
        private List<SettingValue> settingValues(String column) {
            List<SettingValue> values = new ArrayList<>();
            for (CountsFile.Row row : table.rows()) {
                SettingValue v = settingValue(row.cells().get(column));
                if (values.stream().noneMatch(x -> sameSetting(x, v))) values.add(v);
            }
            return values;
        }

        /** The outcomes a detector column shows: numbers in descending order (+1 first), then labels as they appear. */
        private List<String> outcomeLabels(String column) {
            List<String> labels = new ArrayList<>();
            for (CountsFile.Row row : table.rows()) {
                String cell = row.cells().get(column);
                if (cell == null || cell.isEmpty() || cell.equals("none")) continue;
                if (!labels.contains(cell)) labels.add(cell);
            }
            if (labels.size() < 2) {
                throw headerError("detector column '" + column + "' shows " + (labels.isEmpty() ? "no outcome" : "only the outcome " + labels.get(0))
                        + "; a table made into an experiment needs every outcome of a detector to appear (with count 0 if need be)",
                        "add a row with count 0 for the other outcome, or load the table for a declared experiment");
            }
            List<String> numeric = new ArrayList<>(labels.stream().filter(l -> !Double.isNaN(number(l))).toList());
            numeric.sort((x, y) -> Double.compare(number(y), number(x)));
            List<String> out = new ArrayList<>(numeric);
            for (String l : labels) if (Double.isNaN(number(l))) out.add(l);
            return out;
        }

        // ---------------------------------------------------------------- cells

        private static SettingValue settingValue(String cell) {
            if (cell == null || cell.isEmpty() || cell.equalsIgnoreCase("none")) return SettingValue.NONE;
            double x = number(cell);
            return Double.isNaN(x) ? SettingValue.named(cell) : SettingValue.of(x, cell);
        }

        private static boolean sameSetting(SettingValue x, SettingValue y) {
            if (x.none() || y.none()) return x.none() == y.none();
            if (!Double.isNaN(x.number()) && !Double.isNaN(y.number())) return Math.abs(x.number() - y.number()) <= SETTING_TOLERANCE;
            return x.label().equals(y.label());
        }

        /** A number written in a cell (+1, -0.5, 1e3), or NaN. */
        private static double number(String cell) {
            try {
                return Double.parseDouble(cell.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private int combination(Experiment e, CountsFile.Row row) {
            SettingSpace space = e.settings();
            int[] digits = new int[space.size()];
            for (int s = 0; s < space.size(); s++) {
                String column = space.names().get(s);
                String cell = row.cells().get(column);
                SettingValue v = settingValue(cell);
                digits[s] = -1;
                List<SettingValue> values = space.values(s);
                for (int k = 0; k < values.size(); k++) if (sameSetting(values.get(k), v)) digits[s] = k;
                if (digits[s] < 0) {
                    throw error(row, cell, "setting '" + column + "' has no value " + (cell == null || cell.isEmpty() ? "(empty)" : cell)
                            + " in experiment '" + e.name() + "'", "its values are: "
                            + String.join(", ", values.stream().map(SettingValue::label).toList()) + " (numbers match within 1e-6)");
                }
            }
            return space.encode(digits);
        }

        private int joint(Experiment e, int combination, CountsFile.Row row) {
            int[] outcome = new int[e.slotCount()];
            for (int slot = 0; slot < e.slotCount(); slot++) {
                Detector d = e.slotDetector(slot);
                String cell = row.cells().get(d.name());
                boolean fires = e.outcomes(combination).fires(slot);
                boolean blank = cell == null || cell.isEmpty() || cell.equalsIgnoreCase("none");
                if (!fires) {
                    if (!blank) throw error(row, cell, "detector " + d.name() + " does not measure under " + e.settings().describe(combination)
                            + " (its setting is none), but this row gives it the outcome " + cell, "write none for it");
                    outcome[slot] = 0;
                    continue;
                }
                outcome[slot] = blank ? -1 : outcomeIndex(d, cell);
                if (outcome[slot] < 0) {
                    throw error(row, blank ? null : cell, "detector " + d.name() + " has no outcome " + (blank ? "(empty)" : cell),
                            "its outcomes are: " + String.join(", ", d.outcomeLabels()));
                }
            }
            return e.outcomes(combination).encode(outcome);
        }

        private static int outcomeIndex(Detector d, String cell) {
            for (int k = 0; k < d.outcomes(); k++) if (d.outcomeLabels().get(k).equals(cell)) return k;
            double x = number(cell);
            if (!Double.isNaN(x)) for (int k = 0; k < d.outcomes(); k++) if (d.outcomeValues()[k] == x) return k;
            return -1;
        }

        private long count(CountsFile.Row row) {
            String cell = row.cells().get(countColumn);
            double x = cell == null ? Double.NaN : number(cell);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw error(row, cell, "the count " + (cell == null || cell.isEmpty() ? "is empty" : "'" + cell + "' is not a number"),
                        "count is how many trials showed this row's outcomes: a whole number, 0 or more");
            }
            if (x < 0) throw error(row, cell, "the count " + cell + " is negative", "a count is a number of trials, 0 or more");
            if (x != Math.rint(x) || x > 9.0e15) {
                throw error(row, cell, "the count " + cell + " is not a whole number", "counts are numbers of trials, e.g. 80");
            }
            return (long) x;
        }
    }
}
