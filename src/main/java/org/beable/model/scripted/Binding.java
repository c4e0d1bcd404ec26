package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel.WeightedHidden;
import org.beable.model.TrialSampler;

/**
 * A script model bound to one experiment: names resolved to slots, every expression compiled
 * once, and per combination (made on first use) the plan that samples and averages. Does the
 * work behind each method of {@link ScriptedModel}.
 */
final class Binding {
    /** Absolute accuracy of `predict`. */
    static final double PREDICT_ACCURACY = 1e-9;
    /** Absolute accuracy of a response averaged over the hidden variables not given (locality compares these at 1e-9). */
    static final double GIVEN_ACCURACY = 1e-11;
    /** Continuous dimensions `predict` integrates. */
    static final int MAX_DIMENSIONS = 2;
    /** Continuous dimensions a response given part of λ averages over (it is evaluated once per sampled λ and setting). */
    static final int MAX_GIVEN_DIMENSIONS = 1;
    /** Discrete values enumerated at most (the product of the supports). */
    static final long MAX_ENUMERATION = 1_000_000;

    private final String model;
    private final Experiment experiment;
    private final Layout layout;
    private final List<ScriptedModel.Hidden> declared;
    private final BoundHidden[] hidden;
    private final BoundRule[] rules;
    private final AtomicReferenceArray<CombinationPlan> plans;
    private final AtomicReferenceArray<double[]> predictions;

    Binding(ScriptedModel model, Experiment experiment) {
        this.model = model.name();
        this.experiment = experiment;
        this.declared = model.hidden();
        List<String> names = new ArrayList<>();
        int[] widths = new int[declared.size()];
        for (int h = 0; h < widths.length; h++) {
            String name = declared.get(h).name();
            if (experiment.settings().indexOf(name) >= 0) {
                throw new IllegalArgumentException("hidden variable '" + name + "' of model '" + this.model + "' has the name of a setting of"
                        + " experiment '" + experiment.name() + "'; rename one of them");
            }
            if (experiment.detectors().stream().anyMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException("hidden variable '" + name + "' of model '" + this.model + "' has the name of a detector of"
                        + " experiment '" + experiment.name() + "'; rename one of them");
            }
            names.add(name);
            widths[h] = declared.get(h).distribution().components();
        }
        List<String> detectors = model.rules().stream().map(ScriptedModel.Rule::detector).toList();
        this.layout = new Layout(this.model, experiment, names, widths, detectors);
        for (int slot = 0; slot < experiment.slotCount(); slot++) {
            String measured = experiment.slotDetector(slot).name();
            if (!detectors.contains(measured)) {
                throw new IllegalArgumentException("model '" + this.model + "' has no outcome rule for detector " + measured
                        + ", which experiment '" + experiment.name() + "' measures");
            }
        }
        this.hidden = new BoundHidden[declared.size()];
        for (int h = 0; h < hidden.length; h++) hidden[h] = BoundHidden.bind(layout, h, declared.get(h).distribution());
        List<BoundRule> bound = new ArrayList<>();
        for (int r = 0; r < detectors.size(); r++) {
            if (layout.outcomeSlot(r) < 0) continue;     // a detector this experiment does not measure
            bound.add(BoundRule.bind(layout, r, detector(detectors.get(r)), model.rules().get(r).rule()));
        }
        this.rules = bound.toArray(new BoundRule[0]);
        this.plans = new AtomicReferenceArray<>(experiment.combinations());
        this.predictions = new AtomicReferenceArray<>(experiment.combinations());
    }

    private Detector detector(String name) {
        for (Detector d : experiment.detectors()) if (d.name().equals(name)) return d;
        throw new IllegalArgumentException("experiment '" + experiment.name() + "' has no detector " + name);
    }

    Layout layout() {
        return layout;
    }

    CombinationPlan plan(int combination) {
        CombinationPlan known = plans.get(combination);
        if (known == null) {
            plans.compareAndSet(combination, null, new CombinationPlan(experiment, layout, hidden, rules, combination));
            known = plans.get(combination);
        }
        return known;
    }

    // ------------------------------------------------------------------ predict

    /** Continuous dimensions of the hidden variables whose index is not marked in {@code held} (null: all). */
    private int dimensions(boolean[] held) {
        int d = 0;
        for (int h = 0; h < declared.size(); h++) if (held == null || !held[h]) d += declared.get(h).distribution().dimensions();
        return d;
    }

    private long enumeration() {
        long n = 1;
        for (ScriptedModel.Hidden h : declared) {
            if (h.distribution() instanceof HiddenDistribution.Discrete d) n = Math.min(Long.MAX_VALUE / 1024, n * d.values().length);
        }
        return n;
    }

    /** Why predict is empty, or null when it is not. */
    String noPredictionReason() {
        int d = dimensions(null);
        if (d > MAX_DIMENSIONS) {
            List<String> parts = new ArrayList<>();
            for (ScriptedModel.Hidden h : declared) {
                int dh = h.distribution().dimensions();
                if (dh > 0) parts.add(h.name() + " (" + h.distribution().kind() + ", " + dh + ")");
            }
            return "its continuous hidden variables have " + d + " dimensions in all (" + String.join(", ", parts)
                    + ") and predict integrates at most " + MAX_DIMENSIONS + " exactly; use run to sample it";
        }
        if (enumeration() > MAX_ENUMERATION) {
            return "its discrete hidden variables take " + enumeration() + " combinations of values, more than the "
                    + MAX_ENUMERATION + " predict enumerates; use run to sample it";
        }
        return null;
    }

    Optional<double[]> predict(int combination) {
        if (noPredictionReason() != null) return Optional.empty();
        double[] known = predictions.get(combination);
        if (known == null) {
            CombinationPlan plan = plan(combination);
            Averager averager = new Averager(plan, null, true, true, PREDICT_ACCURACY);
            double[] total = averager.average(plan.initialContext());
            if (averager.unresolved() > PREDICT_ACCURACY) {
                throw new IllegalArgumentException("predict could not integrate model '" + model + "' to " + Numbers.format(PREDICT_ACCURACY)
                        + " at " + experiment.settings().describe(combination) + " (estimated error " + Numbers.format(averager.unresolved())
                        + "); use run to sample it");
            }
            predictions.compareAndSet(combination, null, normalised(total));
            known = predictions.get(combination);
        }
        return Optional.of(known.clone());
    }

    /** The response part of an averaged vector divided by its total weight (the last component). */
    private static double[] normalised(double[] total) {
        int n = total.length - 1;
        double[] p = new double[n];
        for (int o = 0; o < n; o++) p[o] = total[o] / total[n];
        return p;
    }

    // ------------------------------------------------------------------ run

    TrialSampler sampler(int combination) {
        return new RuleSampler(plan(combination).program());
    }

    ChosenTrials chosen() {
        TrialProgram[] programs = new TrialProgram[experiment.combinations()];
        for (int c = 0; c < programs.length; c++) programs[c] = plan(c).program();
        return new ChosenTrials(programs);
    }

    // ------------------------------------------------------------------ λ as Beables

    Beables sampleHidden(int combination, UniformRandomProvider rng) {
        TrialProgram program = plan(combination).program();
        Trial trial = program.start(rng);
        program.drawHidden(trial);
        return beables(trial.context);
    }

    private Beables beables(double[] context) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (BoundHidden h : hidden) parts.put(h.name, h.part(context));
        return new Beables(parts);
    }

    /** A context for a combination with the parts of λ in place: all of them, or those in {@code only} (the rest NaN). */
    private double[] context(int combination, Beables beables, Set<String> only) {
        double[] context = plan(combination).initialContext();
        for (BoundHidden h : hidden) {
            if (only != null && !only.contains(h.name)) continue;
            Object part = beables.get(h.name);
            if (part == null) throw new IllegalArgumentException("the hidden state " + beables.parts().keySet() + " has no value for " + h.name);
            h.put(part, context);
        }
        return context;
    }

    Beables hiddenFrom(Map<String, Object> values) {
        for (String name : values.keySet()) checkBeable(name);
        CombinationPlan plan = plan(0);
        double[] context = plan.initialContext();
        for (int h = 0; h < hidden.length; h++) {
            Object v = values.get(hidden[h].name);
            if (v != null) hidden[h].put(v, context);
            else plan.hidden()[h].anyValue(context);
        }
        return beables(context);
    }

    String describe(Beables beables, Set<String> given) {
        List<String> parts = new ArrayList<>();
        double[] context = new double[layout.size()];
        for (BoundHidden h : hidden) {
            if (!given.contains(h.name) || beables.get(h.name) == null) continue;
            h.put(beables.get(h.name), context);
            parts.add(h.show(context));
        }
        return parts.isEmpty() ? "(nothing)" : String.join(", ", parts);
    }

    private void checkBeable(String name) {
        for (BoundHidden h : hidden) if (h.name.equals(name)) return;
        throw new IllegalArgumentException("model '" + model + "' has no hidden variable '" + name + "'; "
                + (hidden.length == 0 ? "it has none" : "its hidden variables are: " + String.join(", ", layout.hiddenNamesList())));
    }

    // ------------------------------------------------------------------ P(o | s, λ)

    double[] response(int combination, Beables beables) {
        CombinationPlan plan = plan(combination);
        double[] context = context(combination, beables, null);
        double[] out = new double[plan.space().size()];
        new Averager(plan, held(Set.copyOf(layout.hiddenNamesList())), true, false, GIVEN_ACCURACY).respond(context, 0, 1, 0, out);
        return out;
    }

    private boolean[] held(Set<String> given) {
        boolean[] held = new boolean[hidden.length];
        for (int h = 0; h < hidden.length; h++) held[h] = given.contains(hidden[h].name);
        return held;
    }

    /** P(o | s, λ_B): the variables not given averaged over p(rest | s, λ_B), which Bayes' weights give when λ_B depends on the rest. */
    double[] responseGiven(int combination, Beables beables, Set<String> given) {
        for (String name : given) checkBeable(name);
        if (given.size() == hidden.length) return response(combination, beables);
        if (given.isEmpty() && noPredictionReason() == null) return predict(combination).orElseThrow();
        boolean[] held = held(given);
        int d = dimensions(held);
        if (d > MAX_GIVEN_DIMENSIONS) {
            throw new IllegalArgumentException("model '" + model + "' averages a response over at most " + MAX_GIVEN_DIMENSIONS
                    + " continuous dimension of the hidden variables not given, and here they have " + d + " ("
                    + String.join(", ", notGiven(given)) + "); give them too, or give all of " + String.join(", ", layout.hiddenNamesList()));
        }
        CombinationPlan plan = plan(combination);
        double[] context = context(combination, beables, given);
        Averager averager = new Averager(plan, held, true, true, GIVEN_ACCURACY);
        double[] total = averager.average(context);
        if (!(total[total.length - 1] > 0)) {
            // λ_B has probability zero here whatever the rest: the response is defined all the same, averaging the rest as drawn.
            averager = new Averager(plan, held, true, false, GIVEN_ACCURACY);
            total = averager.average(context);
        }
        return normalised(total);
    }

    private List<String> notGiven(Set<String> given) {
        return layout.hiddenNamesList().stream().filter(n -> !given.contains(n)).toList();
    }

    // ------------------------------------------------------------------ p(λ | s)

    /** p(λ_B | s): the product of the given variables' densities, integrated over the rest when a given one depends on it. */
    OptionalDouble hiddenDensity(int combination, Beables beables, Set<String> given) {
        for (String name : given) checkBeable(name);
        CombinationPlan plan = plan(combination);
        boolean[] held = held(given);
        boolean dependsOnRest = false;
        for (int h = 0; h < hidden.length; h++) {
            for (int j = 0; j < h; j++) dependsOnRest |= held[h] && !held[j] && hidden[h].reads(j);
        }
        double[] context = context(combination, beables, given);
        if (!dependsOnRest) {
            double p = 1;
            for (int h = 0; h < hidden.length; h++) if (held[h]) p *= plan.hidden()[h].density(context);
            return OptionalDouble.of(p);
        }
        if (dimensions(held) > MAX_GIVEN_DIMENSIONS) return OptionalDouble.empty();
        Averager averager = new Averager(plan, held, false, true, GIVEN_ACCURACY);
        double[] total = averager.average(context);
        return OptionalDouble.of(total[total.length - 1]);
    }

    /** The finite support of p(λ | s) when every hidden variable is discrete (and there are not too many values). */
    Optional<List<WeightedHidden>> hiddenSupport(int combination) {
        if (dimensions(null) > 0 || enumeration() > MAX_ENUMERATION) return Optional.empty();
        CombinationPlan plan = plan(combination);
        List<WeightedHidden> support = new ArrayList<>();
        enumerate(plan, 0, plan.initialContext(), 1, support);
        return Optional.of(support);
    }

    private void enumerate(CombinationPlan plan, int h, double[] context, double p, List<WeightedHidden> support) {
        if (h == hidden.length) {
            support.add(new WeightedHidden(beables(context), p));
            return;
        }
        HiddenAt.Enumerable values = plan.hidden()[h].enumerable();
        double[] q = values.probabilities(context);
        for (int k = 0; k < q.length; k++) {
            if (q[k] == 0) continue;
            values.set(k, context);
            enumerate(plan, h + 1, context, p * q[k], support);
        }
    }
}
