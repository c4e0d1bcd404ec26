package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.analysis.locality.LocalityAnalysis;
import org.beable.analysis.locality.LocalityComparison;
import org.beable.analysis.locality.LocalityReport;
import org.beable.experiment.Experiment;
import org.beable.interp.BareWord;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * Hidden-variable questions as functions: `hidden_prob` asks P(outcomes | settings, λ_B) for
 * named values of the hidden variables; `compare` puts several models' verdicts in one table.
 */
public final class LocalityBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("hidden_prob", new Builtin("hidden_prob", "hidden_prob(experiment, model, DETECTOR = outcome, … [| DETECTOR = outcome, …], SETTING = value, …, BEABLE = value, …)",
                "P(outcomes | settings, λ_B), or after | the conditional P(outcomes | other outcomes, settings, λ_B): the response of a model given named values of some of its hidden variables", 2, 2,
                (it, a, n, s) -> hiddenProbability(it, a, n, s)));
        in.define("compare", new Builtin("compare", "compare(experiment, [model, \"beable, beable\"], …, samples = N)",
                "Bell's conditions for several models and choices of hidden variables in one table, with CHSH, signalling and distance from quantum mechanics",
                2, -1, (it, a, n, s) -> compare(it, a, n, s)));
    }

    private static double hiddenProbability(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        Experiment e = Domain.of(it).experiment(args.get(0), span);
        OntologicalModel model = Domain.of(it).requireModel(args.get(1), span).model();
        Map<String, Object> event = new LinkedHashMap<>();
        Map<String, Object> condition = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> hidden = new LinkedHashMap<>();
        for (Map.Entry<String, Object> arg : named.entrySet()) {
            if (arg.getKey().startsWith("|")) {
                // After | (given): a detector's outcome is the condition; settings and beables are given either way.
                String name = arg.getKey().substring(1);
                if (e.slotOf(name) >= 0) condition.put(name, arg.getValue());
                else if (e.settings().indexOf(name) >= 0) settings.put(name, arg.getValue());
                else hidden.put(name, arg.getValue() instanceof BareWord w ? w.name() : arg.getValue());
                continue;
            }
            if (e.slotOf(arg.getKey()) >= 0) event.put(arg.getKey(), arg.getValue());
            else if (e.settings().indexOf(arg.getKey()) >= 0) settings.put(arg.getKey(), arg.getValue());
            else hidden.put(arg.getKey(), arg.getValue() instanceof BareWord w ? w.name() : arg.getValue());
        }
        List<Integer> combinations = AnalysisBuiltins.matching(e, settings, span);
        if (combinations.size() != 1) {
            throw new BeableError(span, "name every setting (" + String.join(", ", e.settings().names()) + "): the response is for one setting combination");
        }
        int c = combinations.get(0);
        try {
            Beables lambda = model.hiddenFrom(e, hidden);
            double[] response = model.responseGiven(e, c, lambda, new LinkedHashSet<>(hidden.keySet()));
            if (condition.isEmpty()) return eventProbability(e, c, response, event, span);
            // P(event | condition, s, λ) = P(event and condition | s, λ) / P(condition | s, λ)
            double given = eventProbability(e, c, response, condition, span);
            if (!(given > 0)) {
                throw new BeableError(span, "the condition " + describe(condition) + " has probability 0 under " + e.settings().describe(c)
                        + " given these hidden variables, so nothing can be conditioned on it");
            }
            Map<String, Object> both = new LinkedHashMap<>(condition);
            for (Map.Entry<String, Object> want : event.entrySet()) {
                if (both.containsKey(want.getKey())) {
                    throw new BeableError(span, "detector " + want.getKey() + " is on both sides of |", "write hidden_prob(e, m, A = +1 | B = -1, …)");
                }
                both.put(want.getKey(), want.getValue());
            }
            return eventProbability(e, c, response, both, span) / given;
        } catch (IllegalArgumentException ex) {
            throw new BeableError(span, ex.getMessage(), "the model's beables are: " + String.join(", ", model.beables()));
        }
    }

    /** The sum of P(o | s, λ) over the joint outcomes that agree with every named detector outcome. */
    private static double eventProbability(Experiment e, int c, double[] response, Map<String, Object> event, Span span) {
        double total = 0;
        var space = e.outcomes(c);
        for (int o = 0; o < response.length; o++) {
            boolean agrees = true;
            for (Map.Entry<String, Object> want : event.entrySet()) {
                int slot = e.slotOf(want.getKey());
                int k = space.outcome(o, slot);
                agrees &= k >= 0 && AnalysisBuiltins.outcomeIndex(e.slotDetector(slot), want.getValue(), span) == k;
            }
            if (agrees) total += response[o];
        }
        return total;
    }

    private static String describe(Map<String, Object> event) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> want : event.entrySet()) parts.add(want.getKey() + " = " + Values.show(want.getValue()));
        return String.join(", ", parts);
    }

    private static LocalityComparison compare(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        Experiment e = Domain.of(it).experiment(args.get(0), span);
        for (String key : named.keySet()) if (!key.equals("samples")) throw new BeableError(span, "compare() has no option '" + key + "'", "the option is samples = N");
        long samples = named.containsKey("samples") ? Values.integer(named.get("samples"), span, "samples") : Domain.DEFAULT_LOCALITY_SAMPLES;
        if (samples < 1 || samples > it.options().maxTrials()) throw new BeableError(span, "samples must be between 1 and " + it.options().maxTrials());
        Prediction quantum = Prediction.of(e, new QuantumModel());
        List<LocalityComparison.Row> rows = new ArrayList<>();
        for (Object entry : args.subList(1, args.size())) {
            List<Object> pair = Builtins.items(entry, span);
            if (pair.isEmpty() || pair.size() > 2) throw new BeableError(span, "each entry is [model, \"beables\"], got " + Values.show(entry));
            OntologicalModel model = Domain.of(it).requireModel(pair.get(0), span).model();
            Set<String> given = new LinkedHashSet<>();
            if (pair.size() == 2) for (String name : Values.show(pair.get(1)).split("[,\\s]+")) if (!name.isBlank()) given.add(name);
            if (given.isEmpty()) given.addAll(model.beables());
            LocalityReport report;
            try {
                report = LocalityAnalysis.of(e, model, given, new LocalityAnalysis.Sampling((int) samples,
                        it.nextRunSeed(), new org.beable.model.sampling.ChunkedRunner(it.threads(), it.cancellation())));
            } catch (IllegalArgumentException ex) {
                throw new BeableError(span, ex.getMessage(), "the model's beables are: " + String.join(", ", model.beables()));
            }
            Prediction prediction;
            try {
                prediction = Prediction.of(e, model);
            } catch (Prediction.NoClosedForm ex) {
                prediction = null;
            }
            rows.add(new LocalityComparison.Row(report, prediction, quantum));
        }
        return new LocalityComparison(e.name(), rows);
    }
}
