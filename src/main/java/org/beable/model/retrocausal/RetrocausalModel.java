package org.beable.model.retrocausal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.ExperimentCache;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.RealFunction;
import org.beable.model.TrialSampler;

/**
 * Schulman's retrocausal spin model and its two-particle extension by Almada, Ch'ng, Kintner,
 * Morrison and Wharton (shared/docs/models/retrocausal.md, paper 003).
 *
 * <p>Spin vectors live in the x–z plane; every measurement is a boundary condition the spin must
 * meet, aligned (outcome +1) or anti-aligned (−1) with the detector. Between boundaries a spin
 * may turn anomalously by α, and a whole history has the unnormalised weight ρ(s) Π W(α), with
 * W(α) = 1/(α² + γ²) unless the user gives another W, and s the unconstrained initial direction
 * of the singlet's spins (density ρ, uniform unless given). {@link HistoryPlan} computes the
 * probabilities and samples histories; {@link SpinExperiment} says which experiments the
 * model can describe.
 *
 * <h2>As an ontological model</h2>
 * λ is the whole history: {@value #SPINS} (each spin's initial direction; {s, s + π} for the
 * singlet) and {@value #ROTATIONS} (the anomalous rotation ending at each outcome slot, in
 * measuring order: {α, β} for the singlet measured by A and B; a spin with no boundary after a
 * rotation turns freely, drawn from W). p(λ | settings) depends on the future settings — that is
 * the retrocausal escape from Bell — while the response is deterministic and local: each
 * detector reads off the direction its own spin ends in ({@link HistoryPlan#response}).
 */
public final class RetrocausalModel implements OntologicalModel {
    public static final String NAME = "retrocausal";
    public static final String SPINS = "spins";
    public static final String ROTATIONS = "rotations";
    public static final double DEFAULT_GAMMA = 0.1;

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }

        @Override
        public String summary() {
            return "retrocausal spins (Schulman; Almada et al.): histories weighted by W(α) per anomalous rotation,"
                    + " the singlet's direction s set by the future settings; λ is spins, rotations";
        }

        @Override
        public List<ModelParameter> parameters() {
            return List.of(
                    new ModelParameter("gamma", ModelParameter.Kind.NUMBER, DEFAULT_GAMMA,
                            "γ > 0 of Schulman's weight W(α) = 1/(α² + γ²); γ → 0 is the Born rule"),
                    new ModelParameter("weight", ModelParameter.Kind.FUNCTION, null,
                            "your own W(α) ≥ 0, integrable, symmetric or not (replaces the Lorentzian; gamma is then unused)"),
                    new ModelParameter("initial", ModelParameter.Kind.FUNCTION, null,
                            "density of the singlet's initial direction s on [0, 2π) (uniform if not given)"),
                    new ModelParameter("weight_A", ModelParameter.Kind.FUNCTION, null,
                            "W_A(α) for the first system's spin only (not set: weight, or the Lorentzian)"),
                    new ModelParameter("weight_B", ModelParameter.Kind.FUNCTION, null,
                            "W_B(β) for the second system's spin only (not set: weight, or the Lorentzian)"),
                    new ModelParameter("convention", ModelParameter.Kind.TEXT, Convention.GEOMETRY.word(),
                            "how the singlet's signed rotations meet the outcomes: geometry (antiparallel spins from a free s),"
                                    + " net (the net rotation α + β, δ = θ or π − θ) or mirror (δ = ±θ, ±(π − θ))"));
        }

        @Override
        public OntologicalModel create(ModelArguments arguments) {
            double gamma = arguments.number("gamma");
            RealFunction weight = arguments.has("weight") ? arguments.function("weight") : null;
            RealFunction initial = arguments.has("initial") ? arguments.function("initial") : null;
            RealFunction weightA = arguments.has("weight_A") ? arguments.function("weight_A") : null;
            RealFunction weightB = arguments.has("weight_B") ? arguments.function("weight_B") : null;
            Convention convention = Convention.named(arguments.text("convention"));
            return new RetrocausalModel(gamma, weight, weightA, weightB, initial, convention);
        }
    };

    private final Weight weight;
    /** The first and the second system's weights (the default weight where not given separately). */
    private final Weight weightA;
    private final Weight weightB;
    private final Convention convention;
    /** The grids of weight, weightA and weightB, all of one size (null in closed form). */
    private final PeriodicGrid grid;
    private final PeriodicGrid gridA;
    private final PeriodicGrid gridB;
    /** The singlet's kernel under the convention (null in closed form). */
    private final PairKernel kernel;
    private final boolean exact;
    private final RealFunction initial;
    /** The experiments seen last (a few dozen, by identity): an optimiser builds a new one per evaluation. */
    private final ExperimentCache<Prepared> prepared = new ExperimentCache<>(32, e -> new Prepared(new SpinExperiment(e)));

    /**
     * @param weight  the user's W, or null for the Lorentzian of width gamma
     * @param initial the density of s, or null for uniform
     */
    public RetrocausalModel(double gamma, RealFunction weight, RealFunction initial) {
        this(gamma, weight, null, null, initial, Convention.GEOMETRY);
    }

    /**
     * @param weightA    W for the first system's spin only, or null for weight
     * @param weightB    W for the second system's spin only, or null for weight
     * @param convention how the singlet's rotations meet the outcomes
     */
    public RetrocausalModel(double gamma, RealFunction weight, RealFunction weightA, RealFunction weightB, RealFunction initial,
                            Convention convention) {
        Weight lorentzian = new Weight.Lorentzian(gamma);    // checks γ even when a user's W replaces it
        this.weight = weight == null ? lorentzian : numeric(weight);
        this.weightA = weightA == null ? this.weight : numeric(weightA);
        this.weightB = weightB == null ? this.weight : numeric(weightB);
        this.convention = convention;
        if (convention != Convention.GEOMETRY && initial != null) {
            throw new IllegalArgumentException("initial (the density of s) plays no part under convention = " + convention
                    + ": there an outcome pair depends only on the net rotation α + β; use convention = geometry to give s a density");
        }
        this.exact = weight == null && weightA == null && weightB == null && initial == null;
        this.initial = initial;
        if (exact && convention == Convention.GEOMETRY) {
            this.grid = null;
            this.gridA = null;
            this.gridB = null;
            this.kernel = null;
        } else {
            PeriodicGrid g = PeriodicGrid.of(this.weight, initial);
            PeriodicGrid a = this.weightA == this.weight ? g : PeriodicGrid.of(this.weightA, initial);
            PeriodicGrid b = this.weightB == this.weight ? g : PeriodicGrid.of(this.weightB, initial);
            int size = Math.max(g.size(), Math.max(a.size(), b.size()));
            this.grid = g.size() == size ? g : PeriodicGrid.of(this.weight, initial, size);
            this.gridA = this.weightA == this.weight ? grid : a.size() == size ? a : PeriodicGrid.of(this.weightA, initial, size);
            this.gridB = this.weightB == this.weight ? grid : b.size() == size ? b : PeriodicGrid.of(this.weightB, initial, size);
            this.kernel = new PairKernel(gridA, gridB, convention);
        }
    }

    private static Weight numeric(RealFunction w) {
        WindingSum.requireIntegrable(w);
        return new Weight.Numeric(w);
    }

    @Override public String name() { return NAME; }
    @Override public List<String> beables() { return List.of(SPINS, ROTATIONS); }

    public Weight weight() { return weight; }

    /** The first system's spin's weight (weight unless weight_A was given). */
    public Weight weightA() { return weightA; }

    /** The second system's spin's weight (weight unless weight_B was given). */
    public Weight weightB() { return weightB; }

    public Convention convention() { return convention; }

    /** Whether the two spins have different weights. */
    public boolean separateWeights() { return weightA != weightB; }

    /** Whether every probability is in closed form (the Lorentzian with a uniform s). */
    public boolean closedForm() { return exact && convention == Convention.GEOMETRY; }

    /** Grid points of the quadrature in s (0 in closed form). */
    public int gridSize() { return grid == null ? 0 : grid.size(); }

    /** How far the grid's Fourier spectrum had fallen at its upper half (0 in closed form): the quadrature's relative accuracy. */
    public double gridResolution() { return grid == null ? 0 : grid.resolution(); }

    public boolean uniformInitial() { return grid == null || grid.density() == null; }

    /** How the numbers are computed, and to what accuracy. */
    public Numerics numerics() { return Numerics.of(this); }

    // ------------------------------------------------------------------ the ontological model

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        Prepared p = prepare(experiment);
        double[] start = new double[p.spins.particles];
        double[] rotation = new double[p.spins.slots()];
        p.plan(combination).draw(rng, start, rotation, new int[p.spins.slots()]);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(SPINS, start);
        parts.put(ROTATIONS, rotation);
        return new Beables(parts);
    }

    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        Object start = hidden.get(SPINS);
        Object rotation = hidden.get(ROTATIONS);
        if (!(start instanceof double[] s) || !(rotation instanceof double[] r)) {
            throw new IllegalArgumentException("the retrocausal model's hidden state is " + SPINS + " and " + ROTATIONS
                    + " (arrays of angles); got " + hidden.parts().keySet());
        }
        if (convention != Convention.GEOMETRY) return NetRotationPlan.response(prepare(experiment).spins, convention, combination, r);
        return HistoryPlan.response(prepare(experiment).spins, combination, s, r);
    }

    /**
     * Given all of λ the response; given nothing the prediction; given {@value #SPINS} alone,
     * P(o | settings, s) with the rotations averaged over ({@link HistoryPlan#givenInitial}).
     */
    @Override
    public double[] responseGiven(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        if (given.containsAll(beables())) return response(experiment, combination, hidden);
        if (given.isEmpty()) return predict(experiment, combination).orElseThrow();
        if (given.equals(Set.of(SPINS))) {
            Prepared p = prepare(experiment);
            return p.plan(combination).givenInitial(initialDirection(p.spins, hidden));
        }
        if (given.equals(Set.of(ROTATIONS)) && convention != Convention.GEOMETRY) return response(experiment, combination, hidden);
        throw new IllegalArgumentException("the retrocausal model can average over the rotations given the spins, but not over"
                + " the spins given the rotations; give spins, or spins and rotations");
    }

    /** Given {@value #SPINS} alone, the density of s under the settings (for statistical independence); otherwise none. */
    @Override
    public OptionalDouble hiddenDensity(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        if (!given.equals(Set.of(SPINS))) return OptionalDouble.empty();
        Prepared p = prepare(experiment);
        if (!p.spins.hasFree) return OptionalDouble.of(1);     // fixed starts: the same point mass under every setting
        return OptionalDouble.of(p.plan(combination).initialDensity(initialDirection(p.spins, hidden), initial));
    }

    /** λ from named values: {@value #SPINS} = s (a number: the singlet's s) or one direction per spin, {@value #ROTATIONS} = one angle per slot. */
    @Override
    public Beables hiddenFrom(Experiment experiment, Map<String, Object> values) {
        SpinExperiment spins = prepare(experiment).spins;
        double[] start = spins.start.clone();
        double[] rotation = new double[spins.slots()];
        for (Map.Entry<String, Object> e : values.entrySet()) {
            double[] given = angles(e.getValue(), e.getKey());
            if (e.getKey().equals(SPINS)) {
                if (given.length == 1 && spins.hasFree) {
                    for (int p = 0; p < start.length; p++) start[p] = spins.free[p] ? given[0] + spins.start[p] : spins.start[p];
                } else if (given.length == start.length) {
                    start = given;
                } else {
                    throw new IllegalArgumentException(SPINS + " takes " + (spins.hasFree ? "s (one number) or " : "") + start.length
                            + " directions, one per spin");
                }
            } else if (e.getKey().equals(ROTATIONS)) {
                if (given.length != rotation.length) {
                    throw new IllegalArgumentException(ROTATIONS + " takes " + rotation.length + " angles, one per measurement slot");
                }
                rotation = given;
            } else {
                throw new IllegalArgumentException("the retrocausal model has no beable '" + e.getKey() + "'; its beables are "
                        + SPINS + " and " + ROTATIONS);
            }
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(SPINS, start);
        parts.put(ROTATIONS, rotation);
        return new Beables(parts);
    }

    private static double[] angles(Object value, String name) {
        if (value instanceof Double d) return new double[] {d};
        if (value instanceof double[] a) return a.clone();
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int k = 0; k < out.length; k++) {
                if (!(list.get(k) instanceof Double d)) throw new IllegalArgumentException(name + " must be numbers (angles)");
                out[k] = d;
            }
            return out;
        }
        throw new IllegalArgumentException(name + " must be a number or a list of numbers (angles)");
    }

    /** s from λ: the initial direction of the first spin that starts at s. */
    private static double initialDirection(SpinExperiment spins, Beables hidden) {
        if (!(hidden.get(SPINS) instanceof double[] start) || start.length != spins.particles) {
            throw new IllegalArgumentException("the retrocausal model's " + SPINS + " are one direction per spin");
        }
        for (int p = 0; p < spins.particles; p++) if (spins.free[p]) return start[p] - spins.start[p];
        return 0;
    }

    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        return Optional.of(prepare(experiment).plan(combination).probabilities());
    }

    /** Samples whole histories; the outcome is the response to each history, so `run` tests the history sampler against `predict`. */
    @Override
    public TrialSampler sampler(Experiment experiment, int combination) {
        Prepared p = prepare(experiment);
        CombinationPlan plan = p.plan(combination);
        int particles = p.spins.particles;
        int slots = p.spins.slots();
        return new TrialSampler() {
            @Override
            public int sample(UniformRandomProvider rng) {
                return plan.draw(rng, new double[particles], new double[slots], new int[slots]);
            }

            @Override
            public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
                double[] start = new double[particles];
                double[] rotation = new double[slots];
                int[] outcome = new int[slots];
                for (int t = from; t < to; t++) out[t] = plan.draw(rng, start, rotation, outcome);
            }
        };
    }

    /** Draws one history of a combination into the arrays (spins per particle, rotation and outcome per slot); returns the joint outcome. */
    int drawHistory(Experiment experiment, int combination, UniformRandomProvider rng, double[] start, double[] rotation, int[] outcome) {
        return prepare(experiment).plan(combination).draw(rng, start, rotation, outcome);
    }

    SpinExperiment spins(Experiment experiment) {
        return prepare(experiment).spins;
    }

    private Prepared prepare(Experiment experiment) {
        return prepared.get(experiment);
    }

    /** The model's view of one experiment, with each combination's plan made on first use. */
    private final class Prepared {
        final SpinExperiment spins;
        private final CombinationPlan[] plans;

        Prepared(SpinExperiment spins) {
            this.spins = spins;
            this.plans = new CombinationPlan[spins.experiment.combinations()];
            if (convention != Convention.GEOMETRY) NetRotationPlan.pairSlots(spins, convention);
        }

        synchronized CombinationPlan plan(int combination) {
            if (plans[combination] == null) {
                plans[combination] = convention == Convention.GEOMETRY
                        ? new HistoryPlan(perSpin(new Weight[spins.particles], weightA, weightB, weight),
                                exact ? null : perSpin(new PeriodicGrid[spins.particles], gridA, gridB, grid), exact, spins, combination)
                        : new NetRotationPlan(convention, weightA, weightB, gridA, gridB, kernel, spins, combination);
            }
            return plans[combination];
        }

        /** One entry per spin: the first system's, the second's, and the default for any further spin. */
        private <T> T[] perSpin(T[] out, T first, T second, T rest) {
            for (int p = 0; p < out.length; p++) out[p] = p == 0 ? first : p == 1 ? second : rest;
            return out;
        }
    }

    // ------------------------------------------------------------------ the singlet's correlation

    /**
     * E(a, b) = P(same) − P(different) for the singlet measured once on each side along a and
     * b, as a function of primitive doubles, safe to call from many threads: the exact
     * correlation behind {@link ChshSearch}.
     * <ul>
     * <li>Lorentzian, uniform s: −sech(2γ) cos(b − a) (paper eq 13 with eqs 9–10).</li>
     * <li>Any W, uniform s: the s-integral is C(Δ) = (1/2π) Σ_k |Ŵ(k)|² e^{ikΔ} with Ŵ the Fourier
     *     transform of W, so E(θ) = −Σ_{k odd} |Ŵ(k)|² cos kθ / Σ_{k even} |Ŵ(k)|² cos kθ, summed
     *     over the grid's resolved spectrum. E is even in θ and the marginals are ½ for every W.</li>
     * <li>A non-uniform s: E depends on a and b apart; each call integrates on the grid.</li>
     * </ul>
     */
    public Correlation singletCorrelation() {
        if (closedForm()) {
            double k = 1 / Math.cosh(2 * ((Weight.Lorentzian) weight).gamma());
            return (a, b) -> -k * Math.cos(b - a);
        }
        if (convention != Convention.GEOMETRY || (separateWeights() && grid.density() == null)) {
            int ab = convention.requiredIndex(0, 0);
            int aBbar = convention.requiredIndex(0, 1);
            int aBarB = convention.requiredIndex(1, 0);
            int aBarBbar = convention.requiredIndex(1, 1);
            return (a, b) -> {
                double[] k = kernel.atFour(b - a);
                double same = k[ab] + k[aBarBbar];
                double different = k[aBbar] + k[aBarB];
                return (same - different) / (same + different);
            };
        }
        if (grid.density() == null) {
            double[] power = grid.powerSpectrum();
            return (a, b) -> {
                double theta = b - a;
                double odd = 0;
                double even = power[0];
                for (int k = 1; k < power.length; k++) {
                    double term = 2 * power[k] * Math.cos(k * theta);
                    if ((k & 1) == 1) odd += term;
                    else even += term;
                }
                return -odd / even;
            };
        }
        return (a, b) -> {
            double tA = a;
            double tB = b - Math.PI;
            double[] tableA = gridA.shifted(tA);
            double[] tableB = gridB.shifted(tB);
            double[] density = grid.density();
            int m = grid.size();
            double same = 0;
            double different = 0;
            for (int j = 0; j < m; j++) {
                int opposite = (j + m / 2) % m;
                double rho = density[j];
                same += rho * (tableA[j] * tableB[j] + tableA[opposite] * tableB[opposite]);
                different += rho * (tableA[j] * tableB[opposite] + tableA[opposite] * tableB[j]);
            }
            return (same - different) / (same + different);
        };
    }

    /** E(a, b) for the singlet; implementations are thread-safe. */
    @FunctionalInterface
    public interface Correlation {
        double at(double a, double b);
    }

    @Override
    public String toString() {
        String weights = separateWeights() || weightA != weight
                ? "W_A: " + weightA.describe() + ", W_B: " + weightB.describe() : weight.describe();
        return NAME + "(" + weights + (uniformInitial() ? "" : ", s from a user density")
                + (convention == Convention.GEOMETRY ? "" : ", convention = " + convention) + ")";
    }
}
