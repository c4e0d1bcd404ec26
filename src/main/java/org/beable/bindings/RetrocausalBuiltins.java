package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingValue;
import org.beable.format.DataTable;
import org.beable.interp.BareWord;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Callable;
import org.beable.interp.FunctionValue;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.interp.Values;
import org.beable.model.OntologicalModel;
import org.beable.model.retrocausal.ChshSearch;
import org.beable.model.retrocausal.Histories;
import org.beable.model.retrocausal.Maximizer;
import org.beable.model.retrocausal.RetrocausalModel;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * The retrocausal model's extras as script functions: its histories as a table (`histories`),
 * with `column` and `histogram` to look at them; the paper's exhaustive CHSH search
 * (`chsh_search`); `maximize` / `minimize` of any script function of a few numbers; and how a
 * model computes its numbers (`retrocausal_numerics`).
 */
public final class RetrocausalBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("histories", new Builtin("histories", "histories(experiment, model) or histories(experiment, model, n)",
                "whole histories of a retrocausal model, n per setting combination (the experiment's trials by default): settings,"
                        + " outcomes, the initial direction s and each rotation, one row each", 2, 3, RetrocausalBuiltins::histories));
        in.define("column", Builtins.fixed("column", "column(table, \"name\")", "the values of one column of a table, as a list", 2,
                (it, a, n, s) -> column(a.get(0), a.get(1), s)));
        in.define("histogram", new Builtin("histogram", "histogram(list, bins) or histogram(list, bins, low, high)",
                "counts of numbers in equal bins (from the smallest to the largest value by default): a table of center, count,"
                        + " density", 2, 4, RetrocausalBuiltins::histogram));
        in.define("maximize", optimizer("maximize", true));
        in.define("minimize", optimizer("minimize", false));
        in.define("chsh_search", new Builtin("chsh_search", "chsh_search(model, a1 = …, a2 = …, b1 = …, b2 = …, bound = …)",
                "S for the singlet at every combination of the given angles (numbers, lists or ranges), exactly; the largest S and"
                        + " where, and how many points exceed the bound", 1, 1, RetrocausalBuiltins::chshSearch));
        in.define("retrocausal_numerics", Builtins.fixed("retrocausal_numerics", "retrocausal_numerics(model)",
                "how a retrocausal model computes its probabilities (closed forms, or winding sums and a grid in s) and to what accuracy", 1,
                (it, a, n, s) -> retrocausal(it, a.get(0), s).numerics()));
    }

    private static RetrocausalModel retrocausal(Interpreter it, Object value, Span span) {
        OntologicalModel model = Domain.of(it).requireModel(value, span).model();
        if (model instanceof RetrocausalModel r) return r;
        throw new BeableError(span, "this needs a retrocausal model, got model '" + model.name() + "'",
                "write e.g. retrocausal(gamma = 0.1)");
    }

    // ------------------------------------------------------------------ histories

    private static DataTable histories(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        Experiment e = Domain.of(it).experiment(args.get(0), span);
        RetrocausalModel model = retrocausal(it, args.get(1), span);
        long n = args.size() == 3 ? Values.integer(args.get(2), span, "the number of histories") : e.trials();
        if (n < 1 || n > Histories.LIMIT) {
            throw new BeableError(span, "the number of histories per setting combination must be between 1 and " + Histories.LIMIT
                    + ", got " + n);
        }
        Histories h;
        try {
            h = Histories.sample(model, e, (int) n, it.nextRunSeed(),
                    new ChunkedRunner(it.threads(), it.cancellation()));
        } catch (IllegalArgumentException ex) {
            throw new BeableError(span, ex.getMessage());
        }
        return table(h);
    }

    /** One row per history: the settings, each detector's outcome, s (when free), and each slot's rotation. */
    private static DataTable table(Histories h) {
        Experiment e = h.experiment();
        List<String> names = new ArrayList<>(e.settings().names());
        List<String> detectors = unique(h.detectors());
        names.addAll(detectors);
        if (h.freeStart()) names.add("s");
        for (String d : detectors) names.add("rotation_" + d);
        DataTable table = new DataTable("histories");
        for (int t = 0; t < h.size(); t++) {
            int c = h.combination()[t];
            List<Object> row = new ArrayList<>(names.size());
            for (SettingValue v : e.settings().valuesOf(c)) row.add(v.none() ? "none" : Double.isNaN(v.number()) ? v.label() : (Object) v.number());
            for (int slot = 0; slot < detectors.size(); slot++) {
                int o = h.outcome()[slot][t];
                Detector d = e.slotDetector(slot);
                row.add(o == OutcomeSpace.NO_OUTCOME ? "none" : Double.isNaN(d.outcomeValues()[o]) ? d.outcomeLabels().get(o)
                        : (Object) d.outcomeValues()[o]);
            }
            if (h.freeStart()) row.add(h.start()[0][t]);
            for (int slot = 0; slot < detectors.size(); slot++) row.add(h.rotation()[slot][t]);
            table.add(names, row);
        }
        return table;
    }

    /** Detector names, a detector measured again getting _2, _3. */
    private static List<String> unique(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String candidate = name;
            for (int k = 2; out.contains(candidate); k++) candidate = name + "_" + k;
            out.add(candidate);
        }
        return out;
    }

    private static List<Object> column(Object table, Object name, Span span) {
        if (!(table instanceof DataTable t)) {
            throw new BeableError(span, "column() reads a table, got " + Values.aTypeName(table), "tables come from `row`, histories() or histogram()");
        }
        String column = name instanceof BareWord w ? w.name() : Values.show(name);
        if (!t.hasColumn(column)) {
            throw new BeableError(span, "table '" + t.name() + "' has no column '" + column + "'", "its columns are: " + String.join(", ", t.columns()));
        }
        List<Object> out = new ArrayList<>(t.size());
        for (int row = 0; row < t.size(); row++) {
            Object cell = t.cell(row, column);
            out.add(cell == null ? NoneValue.NONE : cell instanceof org.beable.output.Measured m ? (Object) m.value() : cell);
        }
        return List.copyOf(out);
    }

    private static DataTable histogram(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        List<Object> items = Builtins.items(args.get(0), span);
        long bins = Values.integer(args.get(1), span, "the number of bins");
        if (bins < 1 || bins > 1_000_000) throw new BeableError(span, "the number of bins must be between 1 and 1000000, got " + bins);
        if (args.size() == 3) throw new BeableError(span, "give both ends of the range, or neither", "usage: histogram(list, bins, low, high)");
        double[] xs = new double[items.size()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < xs.length; k++) {
            xs[k] = Values.real(items.get(k), span, "a value to count");
            low = Math.min(low, xs[k]);
            high = Math.max(high, xs[k]);
        }
        if (args.size() == 4) {
            low = Values.real(args.get(2), span, "the low end");
            high = Values.real(args.get(3), span, "the high end");
        }
        if (xs.length == 0 && args.size() < 4) throw new BeableError(span, "a histogram of no numbers needs its range", "usage: histogram(list, bins, low, high)");
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new BeableError(span, "the range of the histogram must be finite with low < high, got " + Values.show(low) + " .. " + Values.show(high));
        }
        long[] counts = new long[(int) bins];
        double width = (high - low) / bins;
        long inside = 0;
        for (double x : xs) {
            if (!(x >= low && x <= high)) continue;
            counts[(int) Math.min(bins - 1, Math.floor((x - low) / width))]++;
            inside++;
        }
        DataTable table = new DataTable("histogram");
        List<String> columns = List.of("center", "count", "density");
        for (int b = 0; b < bins; b++) {
            double density = xs.length == 0 ? 0 : counts[b] / (xs.length * width);
            table.add(columns, List.<Object>of(low + (b + 0.5) * width, (double) counts[b], density));
        }
        return table;
    }

    // ------------------------------------------------------------------ optimisation and the CHSH search

    private static Builtin optimizer(String name, boolean maximize) {
        return new Builtin(name, name + "(f, [x0, …], step = 0.1, tolerance = 1e-10, evaluations = 10000, method = \"nelder_mead\")",
                (maximize ? "the largest" : "the smallest") + " value of f(x1, …, xn) near the start point, without derivatives"
                        + " (Nelder–Mead with restarts, or BOBYQA): a result with value, point, evaluations", 2, 2,
                (it, a, n, s) -> optimize(it, a, n, s, maximize));
    }

    private static Maximizer.Optimum optimize(Interpreter it, List<Object> args, Map<String, Object> named, Span span, boolean maximize) {
        Object f = args.get(0);
        if (!(f instanceof Callable)) throw new BeableError(span, "the first argument must be a function, got " + Values.aTypeName(f));
        List<Object> startItems = args.get(1) instanceof Double ? List.of(args.get(1)) : Builtins.items(args.get(1), span);
        double[] start = new double[startItems.size()];
        for (int k = 0; k < start.length; k++) start[k] = Values.real(startItems.get(k), span, "the start point");
        double step = 0.1;
        double tolerance = 1e-10;
        int evaluations = 10_000;
        Maximizer.Method method = Maximizer.Method.NELDER_MEAD;
        for (Map.Entry<String, Object> option : named.entrySet()) {
            Object v = option.getValue();
            switch (option.getKey()) {
                case "step" -> step = Values.real(v, span, "step");
                case "tolerance" -> tolerance = Values.real(v, span, "tolerance");
                case "evaluations" -> evaluations = (int) Math.min(Integer.MAX_VALUE, Values.integer(v, span, "evaluations"));
                case "method" -> {
                    try {
                        method = Maximizer.Method.named(v instanceof BareWord w ? w.name() : Values.show(v));
                    } catch (IllegalArgumentException e) {
                        throw new BeableError(span, e.getMessage());
                    }
                }
                default -> throw new BeableError(span, "maximize() and minimize() have no option '" + option.getKey() + "'",
                        "the options are: step, tolerance, evaluations, method");
            }
        }
        boolean asList = start.length > 1 && f instanceof FunctionValue one && one.arity() == 1;
        if (f instanceof FunctionValue user && !asList && user.arity() != start.length) {
            throw new BeableError(span, user.name() + "() takes " + user.arity() + " numbers but the start point has " + start.length,
                    "give one start value per parameter");
        }
        try {
            return Maximizer.optimize(x -> {
                Object[] values = new Object[x.length];
                for (int k = 0; k < x.length; k++) values[k] = x[k];
                Object result = asList ? it.call(f, span, List.of(values)) : it.call(f, span, values);
                return Values.real(Values.scalarOf(result), span, "the value of the function");
            }, start, step, tolerance, evaluations, method, maximize);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage());
        }
    }

    private static ChshSearch chshSearch(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        RetrocausalModel model = retrocausal(it, args.get(0), span);
        double[][] angles = new double[4][];
        String[] names = {"a1", "a2", "b1", "b2"};
        for (int k = 0; k < 4; k++) {
            Object v = named.get(names[k]);
            if (v == null) throw new BeableError(span, "chsh_search() needs " + names[k] + " = …", "give a1, a2, b1 and b2, each a number, list or range");
            List<Object> items = v instanceof Double ? List.of(v) : Builtins.items(v, span);
            angles[k] = new double[items.size()];
            for (int j = 0; j < items.size(); j++) angles[k][j] = Values.real(items.get(j), span, names[k]);
        }
        for (String key : named.keySet()) {
            if (!List.of("a1", "a2", "b1", "b2", "bound").contains(key)) {
                throw new BeableError(span, "chsh_search() has no option '" + key + "'", "the options are: a1, a2, b1, b2, bound");
            }
        }
        double bound = named.containsKey("bound") ? Values.real(Values.scalarOf(named.get("bound")), span, "bound") : Double.NaN;
        try {
            return ChshSearch.over(model.singletCorrelation(), model.toString(), angles[0], angles[1], angles[2], angles[3], bound,
                    it.threads());
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage());
        }
    }
}
