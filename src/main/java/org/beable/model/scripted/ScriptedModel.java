package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.ChosenBlocks;
import org.beable.model.OntologicalModel;
import org.beable.model.TrialSampler;

/**
 * An ontological model written in a script: hidden variables drawn in order
 * ({@code hidden NAME ~ DIST}) and one outcome rule per detector ({@code outcome D = expr} or
 * {@code outcome D ~ discrete(…)}), assembled from compiled expressions (see the package
 * documentation for the contract).
 *
 * <pre>{@code
 * ScriptedModel bell64 = ScriptedModel.builder("bell64")
 *     .hidden("lam", HiddenDistribution.uniform(SlotExpression.constant(0), SlotExpression.constant(2 * Math.PI)))
 *     .outcome("A", scope -> { int a = scope.setting("a"), lam = scope.hidden("lam");
 *                              return c -> Math.signum(Math.cos(c[a] - c[lam])); })
 *     .outcome("B", scope -> { int b = scope.setting("b"), lam = scope.hidden("lam");
 *                              return c -> -Math.signum(Math.cos(c[b] - c[lam])); })
 *     .build();
 * }</pre>
 *
 * <p>The model's beables are its hidden variables, by name: a number is a {@code Double}, a
 * point of the disk or the sphere a {@code double[]}. It is bound to each experiment it meets
 * on first use (names resolved, expressions compiled, errors such as an unknown setting
 * reported then) and the binding is kept for the experiments used most recently.
 */
public final class ScriptedModel implements OntologicalModel {
    /** Bindings kept, most recently used first; an experiment is immutable, so its binding never goes stale. */
    private static final int KEPT_BINDINGS = 16;

    /** A declared hidden variable. */
    public record Hidden(String name, HiddenDistribution distribution) {}

    /** A declared outcome rule. */
    public record Rule(String detector, OutcomeRule rule) {}

    private final String name;
    private final List<Hidden> hidden;
    private final List<Rule> rules;
    private final Map<Experiment, Binding> bindings = new LinkedHashMap<>(KEPT_BINDINGS, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Experiment, Binding> eldest) {
            return size() > KEPT_BINDINGS;
        }
    };

    private ScriptedModel(String name, List<Hidden> hidden, List<Rule> rules) {
        this.name = name;
        this.hidden = List.copyOf(hidden);
        this.rules = List.copyOf(rules);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects declarations in order; every problem that needs no experiment is refused here. */
    public static final class Builder {
        private final String name;
        private final List<Hidden> hidden = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a model needs a name");
            this.name = name;
        }

        /** {@code hidden NAME ~ DIST}; drawn in the order declared. */
        public Builder hidden(String variable, HiddenDistribution distribution) {
            if (variable == null || variable.isBlank()) throw new IllegalArgumentException("model '" + name + "': a hidden variable needs a name");
            if (hidden.stream().anyMatch(h -> h.name().equals(variable))) {
                throw new IllegalArgumentException("model '" + name + "' declares hidden variable '" + variable + "' twice");
            }
            hidden.add(new Hidden(variable, distribution));
            return this;
        }

        /** {@code outcome D = expr} or {@code outcome D ~ discrete(…)}; a rule reads the outcomes of rules listed before it. */
        public Builder outcome(String detector, OutcomeRule rule) {
            if (detector == null || detector.isBlank()) throw new IllegalArgumentException("model '" + name + "': an outcome rule needs a detector");
            if (rules.stream().anyMatch(r -> r.detector().equals(detector))) {
                throw new IllegalArgumentException("model '" + name + "' has two outcome rules for detector " + detector);
            }
            rules.add(new Rule(detector, rule));
            return this;
        }

        /** {@code outcome D = expr}. */
        public Builder outcome(String detector, SlotExpression value) {
            return outcome(detector, OutcomeRule.value(value));
        }

        public ScriptedModel build() {
            if (rules.isEmpty()) throw new IllegalArgumentException("model '" + name + "' has no outcome rule; give one per detector");
            for (Hidden h : hidden) {
                if (rules.stream().anyMatch(r -> r.detector().equals(h.name()))) {
                    throw new IllegalArgumentException("model '" + name + "' uses '" + h.name() + "' both for a hidden variable and a detector");
                }
            }
            return new ScriptedModel(name, hidden, rules);
        }
    }

    public List<Hidden> hidden() { return hidden; }

    public List<Rule> rules() { return rules; }

    /**
     * The slot layout of this model for an experiment, binding it if it is not yet bound: an
     * interpreter may call this when a model meets an experiment, to report the model's errors
     * (unknown settings, rules out of order) at that point of the script.
     */
    public Layout layout(Experiment experiment) {
        return binding(experiment).layout();
    }

    private Binding binding(Experiment experiment) {
        synchronized (bindings) {
            Binding known = bindings.get(experiment);
            if (known == null) {
                known = new Binding(this, experiment);
                bindings.put(experiment, known);
            }
            return known;
        }
    }

    // ------------------------------------------------------------------ OntologicalModel

    @Override public String name() { return name; }

    @Override public List<String> beables() {
        return hidden.stream().map(Hidden::name).toList();
    }

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        return binding(experiment).sampleHidden(combination, rng);
    }

    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        return binding(experiment).response(combination, hidden);
    }

    /**
     * Exact where it can be: enumeration of discrete hidden variables, adaptive quadrature (to
     * 1e-9) over at most two continuous dimensions; empty beyond that, with the reason in
     * {@link #noPredictionReason}.
     */
    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        return binding(experiment).predict(combination);
    }

    @Override
    public String noPredictionReason(Experiment experiment, int combination) {
        return binding(experiment).noPredictionReason();
    }

    /** Always the compiled rules, even where predict is exact: `run` is the model's own Monte Carlo. */
    @Override
    public TrialSampler sampler(Experiment experiment, int combination) {
        return binding(experiment).sampler(combination);
    }

    /** The compiled rules of every combination, deciding trials of chosen combinations in blocks. */
    @Override
    public Optional<ChosenBlocks> chosenBlocks(Experiment experiment) {
        return Optional.of(binding(experiment).chosen());
    }

    @Override
    public Optional<List<WeightedHidden>> hiddenSupport(Experiment experiment, int combination) {
        return binding(experiment).hiddenSupport(combination);
    }

    @Override
    public double[] responseGiven(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        return binding(experiment).responseGiven(combination, hidden, given);
    }

    @Override
    public OptionalDouble hiddenDensity(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        return binding(experiment).hiddenDensity(combination, hidden, given);
    }

    @Override
    public Beables hiddenFrom(Experiment experiment, Map<String, Object> values) {
        return binding(experiment).hiddenFrom(values);
    }

    @Override
    public String describeHidden(Experiment experiment, Beables hidden, Set<String> given) {
        return binding(experiment).describe(hidden, given);
    }

    @Override
    public String toString() {
        return name;
    }
}
