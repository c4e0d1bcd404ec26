package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.analysis.BornDeviation;
import org.beable.analysis.Chsh;
import org.beable.analysis.Correlation;
import org.beable.analysis.Marginals;
import org.beable.analysis.MeasuredCounts;
import org.beable.analysis.Probability;
import org.beable.analysis.SignallingTest;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * The analyses as script functions. Events and settings are named arguments: a detector's
 * name picks its outcome (`A = +1`), a setting's name picks its value (`a = pi/4`), so
 * `prob(r, A = +1, B = -1, a = 0, b = pi/4)` reads like P(A=+1, B=−1 | a=0, b=π/4).
 */
public final class AnalysisBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("prob", new Builtin("prob", "prob(result, DETECTOR = outcome, …, SETTING = value, …)",
                "P(outcomes | settings); settings not named are pooled", 1, 1, (it, a, n, s) -> probability(a.get(0), n, s)));
        in.define("marginal", Builtins.fixed("marginal", "marginal(result, DETECTOR)",
                "the outcome distribution of one detector under every setting combination", 2,
                (it, a, n, s) -> Marginals.of(result(a.get(0), s), slot(result(a.get(0), s), a.get(1), s))));
        in.define("correlation", new Builtin("correlation", "correlation(result, A, B, SETTING = value, …)",
                "E(a, b) = Σ o_A o_B P(o_A, o_B | a, b): P(same) − P(different) for ±1 outcomes", 3, 3,
                (it, a, n, s) -> correlation(a, n, s)));
        in.define("chsh", new Builtin("chsh", "chsh(result) or chsh(result, A, B)",
                "S = |E(a1,b1) + E(a1,b2) + E(a2,b1) − E(a2,b2)| with its standard error and the bounds 2, 2√2, 4", 1, 3,
                (it, a, n, s) -> {
                    OutcomeStatistics r = result(a.get(0), s);
                    if (a.size() == 2) throw new BeableError(s, "chsh() takes a result, or a result and two detectors");
                    return a.size() == 1 ? Chsh.of(r) : Chsh.of(r, slot(r, a.get(1), s), slot(r, a.get(2), s));
                }));
        in.define("signalling", Builtins.fixed("signalling", "signalling(result)",
                "no-signalling test: does any detector's marginal change with a remote setting? (chi-square p-values)", 1,
                (it, a, n, s) -> SignallingTest.of(result(a.get(0), s))));
        in.define("load", new Builtin("load", "load \"counts.csv\" or load \"counts.csv\" for EXPERIMENT",
                "measured counts from a CSV or JSON table (setting columns, outcome columns, count) as a result the analyses accept", 1, 2,
                (it, a, n, s) -> {
                    if (!(a.get(0) instanceof String path)) throw new BeableError(s, "load needs a file name in quotes, got " + Values.aTypeName(a.get(0)));
                    Experiment e = a.size() == 2 ? experimentOf(a.get(1), s) : null;
                    return MeasuredData.load(path, e, s);
                }));
        in.define("born_deviation", new Builtin("born_deviation", "born_deviation(run) or born_deviation(run, prediction)",
                "chi-square goodness of fit and total variation distance of a sampled run against a prediction (quantum by default)", 1, 2,
                (it, a, n, s) -> {
                    OutcomeStatistics run = result(a.get(0), s);
                    if (!run.isSampled()) throw new BeableError(s, "born_deviation() compares a sampled run with a prediction; got an exact result");
                    if (a.size() == 1 && run instanceof MeasuredCounts m && !m.declared()) {
                        throw new BeableError(s, "these counts were loaded without an experiment, so there is no prepared state to compare them with",
                                "load them for a declared experiment (load \"counts.csv\" for e), or give the prediction: born_deviation(data, predict e)");
                    }
                    OutcomeStatistics reference = a.size() == 2 ? result(a.get(1), s) : Prediction.of(run.experiment(), new QuantumModel());
                    if (reference.experiment() != run.experiment() && !(run instanceof MeasuredCounts)) {
                        throw new BeableError(s, "the run and the prediction are of different experiments");
                    }
                    return BornDeviation.of(run, reference);
                }));
    }

    private static Experiment experimentOf(Object v, Span span) {
        if (v instanceof Domain.ExperimentValue e) return e.experiment();
        throw new BeableError(span, "load … for needs an experiment, got " + Values.aTypeName(v), "declare one with `experiment name { … }`");
    }

    static OutcomeStatistics result(Object v, Span span) {
        if (v instanceof OutcomeStatistics r) return r;
        throw new BeableError(span, "expected the result of `run` or `predict`, got " + Values.aTypeName(v),
                "write e.g. `let r = run chsh under quantum`");
    }

    private static int slot(OutcomeStatistics r, Object detector, Span span) {
        String name = detector instanceof DetectorValue d ? d.name() : detector instanceof String str ? str : null;
        if (name == null) throw new BeableError(span, "expected a detector, got " + Values.aTypeName(detector));
        int slot = r.experiment().slotOf(name);
        if (slot < 0) throw new BeableError(span, "experiment '" + r.experiment().name() + "' does not measure detector '" + name + "'");
        return slot;
    }

    private static Probability probability(Object value, Map<String, Object> named, Span span) {
        OutcomeStatistics r = result(value, span);
        Experiment e = r.experiment();
        Map<Integer, Integer> event = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> arg : named.entrySet()) {
            int slot = e.slotOf(arg.getKey());
            if (slot >= 0) event.put(slot, outcomeIndex(e.slotDetector(slot), arg.getValue(), span));
            else if (e.settings().indexOf(arg.getKey()) >= 0) settings.put(arg.getKey(), arg.getValue());
            else throw new BeableError(span, "'" + arg.getKey() + "' is neither a detector nor a setting of experiment '" + e.name() + "'",
                    "detectors: " + detectorNames(e) + "; settings: " + String.join(", ", e.settings().names()));
        }
        return Probability.of(r, event, matching(e, settings, span));
    }

    private static Correlation correlation(List<Object> args, Map<String, Object> named, Span span) {
        OutcomeStatistics r = result(args.get(0), span);
        Experiment e = r.experiment();
        for (String key : named.keySet()) {
            if (e.settings().indexOf(key) < 0) throw new BeableError(span, "'" + key + "' is not a setting of experiment '" + e.name() + "'");
        }
        List<Integer> combinations = matching(e, named, span);
        if (combinations.size() != 1) {
            throw new BeableError(span, "the settings given match " + combinations.size() + " combinations; a correlation needs one",
                    "name every setting, e.g. correlation(r, A, B, " + String.join(" = …, ", e.settings().names()) + " = …)");
        }
        return Correlation.of(r, slot(r, args.get(1), span), slot(r, args.get(2), span), combinations.get(0));
    }

    /** The setting combinations whose values agree with the named ones. */
    static List<Integer> matching(Experiment e, Map<String, Object> named, Span span) {
        SettingSpace space = e.settings();
        int[] wanted = new int[space.size()];
        java.util.Arrays.fill(wanted, -1);
        for (Map.Entry<String, Object> entry : named.entrySet()) {
            int s = space.indexOf(entry.getKey());
            Object v = entry.getValue();
            SettingValue probe = v == NoneValue.NONE ? SettingValue.NONE
                    : v instanceof Double x ? SettingValue.of(x, "") : SettingValue.named(Values.show(v));
            wanted[s] = space.valueIndex(s, probe);
            if (wanted[s] < 0) {
                throw new BeableError(span, "setting '" + entry.getKey() + "' has no value " + Values.show(v),
                        "its values are: " + String.join(", ", space.values(s).stream().map(SettingValue::label).toList()));
            }
        }
        List<Integer> combinations = new ArrayList<>();
        for (int c = 0; c < space.combinations(); c++) {
            int[] digits = space.decode(c);
            boolean ok = true;
            for (int s = 0; s < digits.length; s++) ok &= wanted[s] < 0 || wanted[s] == digits[s];
            if (ok) combinations.add(c);
        }
        return combinations;
    }

    /** An outcome given by its value (+1, -1, 0) or its label ("up"). */
    static int outcomeIndex(Detector d, Object v, Span span) {
        for (int k = 0; k < d.outcomes(); k++) {
            boolean same = v instanceof Double x ? Math.abs(x - d.outcomeValues()[k]) < 1e-9 : Values.show(v).equals(d.outcomeLabels().get(k));
            if (same) return k;
        }
        throw new BeableError(span, "detector '" + d.name() + "' has no outcome " + Values.show(v),
                "its outcomes are: " + String.join(", ", d.outcomeLabels()));
    }

    private static String detectorNames(Experiment e) {
        List<String> names = new ArrayList<>();
        for (int slot = 0; slot < e.slotCount(); slot++) names.add(e.slotDetector(slot).name());
        return String.join(", ", names);
    }
}
