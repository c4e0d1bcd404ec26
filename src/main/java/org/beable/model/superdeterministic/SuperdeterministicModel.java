package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.ExperimentCache;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.Runner;
import org.beable.model.SequentialModel;
import org.beable.model.TrialSampler;
import org.beable.quantum.CMatrix;

/**
 * Donadi and Hossenfelder's superdeterministic collapse model (docs/models/superdeterministic.md).
 *
 * <p>Hidden variables λ_2 … λ_N (by default uniform on the unit disk) and the detectors' joint
 * eigenbasis at detection time fix σ_J = |α_J λ_J|² − (1 − |λ_J|²) Σ_{I<J} |α_I|², and with them
 * the jump operators of a Lindblad equation whose solution, for κ ≫ the energies of H, ends in
 * |K⟩⟨K| with K the highest J with σ_J > 0 (or 1). `run` and `predict` use that limit: the
 * outcome rule per trial and its exact distribution (P(K) = |α_K|² for uniform λ);
 * {@link Trajectories} follows the master equation at finite κ.
 *
 * <p>Beables: {@code lambda} — the |λ_J|² (only the modulus enters), D − 1 per measure step where
 * D is the dimension of the systems, in step order (a detection with M ≤ D basis states uses the
 * first M − 1); {@code basis} — the detection basis, i.e. the settings at detection time
 * ({@link DetectionBasis}); and with a permuted order {@code order} — per measure step a
 * permutation of 0 … D−1 whose restriction to 0 … M−1 orders the basis (position p holds state
 * order[p]). The response reads the basis from λ when it is given, so with λ = (lambda, basis)
 * the outcome is fixed by the hidden state alone.
 */
public final class SuperdeterministicModel implements OntologicalModel, SequentialModel {
    public static final String NAME = "superdeterministic";
    public static final String LAMBDA = "lambda";
    public static final String BASIS = "basis";
    public static final String ORDER = "order";
    public static final double DEFAULT_KAPPA = 1e3;

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }
        @Override public String summary() {
            return "Donadi–Hossenfelder: hidden λ and the detector basis at detection fix the outcome; Born rule on average over λ";
        }
        @Override public List<ModelParameter> parameters() {
            return List.of(
                    new ModelParameter("kappa", ModelParameter.Kind.NUMBER, DEFAULT_KAPPA,
                            "collapse rate κ > 0 of the master equation (trajectory); run and predict take κ ≫ the energies of H"),
                    new ModelParameter("order", ModelParameter.Kind.ANY, null,
                            "order of the detector basis |1⟩…|N⟩: default (outcomes in order), permuted (random per trial), "
                                    + "or a permutation such as [2, 1, 3, 0] or [[-1, +1], [+1, -1], …]"),
                    new ModelParameter("lambda", ModelParameter.Kind.ANY, null,
                            "distribution of |λ|²: uniform_disk() (default), uniform(lo, hi), beta(a, b), pdf(f), quantile(q), drift(step)"));
        }
        @Override public OntologicalModel create(ModelArguments arguments) {
            return new SuperdeterministicModel(arguments.number("kappa"), BasisOrder.parse(arguments.get("order")),
                    arguments.get("lambda"));
        }
    };

    private final double kappa;
    private final BasisOrder order;
    private final LambdaDistribution distribution;
    private final Drift drift;
    /** The last few experiments this model was asked about, each combination compiled on first use. */
    private final ExperimentCache<Compiled[]> compiled = new ExperimentCache<>(4, e -> new Compiled[e.combinations()]);

    /** What one combination looks like to the model, made on first use. */
    private record Compiled(DetectionPlan plan, OutcomeTree tree, DetectionBasis basis) {}

    public SuperdeterministicModel(double kappa, BasisOrder order, Object lambda) {
        if (!(kappa > 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a positive rate, got " + Numbers.format(kappa)
                    + "; κ sets how fast states collapse (κ ≫ the energies of H is the papers' regime)");
        }
        this.kappa = kappa;
        this.order = order;
        if (lambda == null) {
            this.distribution = UniformLambda.DISK;
            this.drift = null;
        } else if (lambda instanceof LambdaDistribution d) {
            this.distribution = d;
            this.drift = null;
        } else if (lambda instanceof Drift d) {
            this.distribution = d.base();
            this.drift = d;
        } else {
            throw new IllegalArgumentException("lambda needs a distribution of |λ|², such as uniform_disk(), uniform(0.2, 1), beta(2, 2), "
                    + "pdf(x => 6*x*(1-x)), quantile(u => u^2) or drift(0.01); got " + lambda);
        }
    }

    public SuperdeterministicModel() {
        this(DEFAULT_KAPPA, BasisOrder.DEFAULT, null);
    }

    public double kappa() { return kappa; }
    public BasisOrder order() { return order; }
    public LambdaDistribution distribution() { return distribution; }
    public Optional<Drift> drift() { return Optional.ofNullable(drift); }

    @Override public String name() { return NAME; }

    @Override
    public List<String> beables() {
        return order.kind() == BasisOrder.Kind.PERMUTED ? List.of(LAMBDA, BASIS, ORDER) : List.of(LAMBDA, BASIS);
    }

    private Compiled compiled(Experiment experiment, int combination) {
        Compiled[] all = compiled.get(experiment);
        Compiled c;
        synchronized (all) {
            c = all[combination];
        }
        if (c == null) {
            DetectionPlan plan = DetectionPlan.of(experiment, combination);
            c = new Compiled(plan, new OutcomeTree(plan, order), new DetectionBasis(settingsLabel(experiment, combination), plan.detections));
            synchronized (all) {
                if (all[combination] == null) all[combination] = c;
                c = all[combination];
            }
        }
        return c;
    }

    private static String settingsLabel(Experiment experiment, int combination) {
        return experiment.settings().size() == 0 ? "(no settings)" : experiment.settings().describe(combination);
    }

    /** λ components per measure step: D − 1. */
    private static int perStep(Experiment experiment) {
        return experiment.layout().dimension() - 1;
    }

    private static int measureSteps(Experiment experiment) {
        int n = 0;
        for (var s : experiment.steps()) if (s instanceof org.beable.experiment.Step.Measure) n++;
        return n;
    }

    // ------------------------------------------------------------------ p(λ | s) and P(o | s, λ)

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        int steps = measureSteps(experiment);
        int d = experiment.layout().dimension();
        double[] lambda = new double[steps * (d - 1)];
        for (int k = 0; k < lambda.length; k++) lambda[k] = distribution.sample(rng);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(LAMBDA, lambda);
        parts.put(BASIS, compiled(experiment, combination).basis());
        if (order.kind() == BasisOrder.Kind.PERMUTED) {
            int[] orders = new int[steps * d];
            for (int s = 0; s < steps; s++) System.arraycopy(TreeSampler.randomOrder(d, rng), 0, orders, s * d, d);
            parts.put(ORDER, orders);
        }
        return new Beables(parts);
    }

    /**
     * The outcome the hidden state fixes, as a point mass over the combination's joint outcomes.
     * The collapse happens in the basis λ carries (the combination's own when λ has none). A
     * detector that fires under this combination but was not part of that basis (a
     * counterfactual pairing of λ with other settings) reads the collapsed state by the Born rule.
     */
    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        Compiled own = compiled(experiment, combination);
        Object b = hidden.get(BASIS);
        DetectionBasis basis = b instanceof DetectionBasis given ? given : own.basis();
        double[] lambda = lambda(experiment, hidden);
        int[] orders = orders(experiment, hidden);
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = new double[space.size()];
        int[] digits = new int[space.slots()];
        Arrays.fill(digits, OutcomeSpace.NO_OUTCOME);
        respond(own.plan(), basis, lambda, orders, 0, experiment.preparedState(), 1, digits, space, p);
        return p;
    }

    private void respond(DetectionPlan plan, DetectionBasis basis, double[] lambda, int[] orders, int stage, CMatrix rho,
                         double mass, int[] digits, OutcomeSpace space, double[] p) {
        if (stage == plan.stages.size()) {
            p[space.encode(digits)] += mass;
            return;
        }
        if (plan.stages.get(stage) instanceof DetectionPlan.Evolution e) {
            respond(plan, basis, lambda, orders, stage + 1, rho.conjugateBy(e.unitary()), mass, digits, space, p);
            return;
        }
        DetectionPlan.Detection own = (DetectionPlan.Detection) plan.stages.get(stage);
        DetectionPlan.Detection used = basis.detections().get(own.step());
        int d = plan.dimension();
        double[] weights = OutcomeTree.weights(used, rho);
        int[] positions = orders == null ? order.resolve(plan.detectors(used), used.outcomes(), plan.describe(used))
                : restricted(orders, used.step() * d, d, used.size());
        double[] byElement = new double[used.size()];
        if (lambda != null) {
            byElement[positions[CollapseRule.position(CollapseRule.cumulative(weights, positions), lambda, used.step() * (d - 1))]] = 1;
        } else if (positions == null && !distribution.isUniformDisk()) {
            byElement = CollapseRule.exactPermuted(weights, distribution);
        } else {
            int[] fixed = positions == null ? Permutations.identity(used.size()) : positions;   // uniform λ: every order gives the same law
            double[] byPosition = CollapseRule.exact(CollapseRule.cumulative(weights, fixed), distribution);
            for (int q = 0; q < fixed.length; q++) byElement[fixed[q]] += byPosition[q];
        }
        for (int k = 0; k < byElement.length; k++) {
            if (byElement[k] == 0) continue;
            CMatrix after = OutcomeTree.collapsed(used, k, rho);
            int[] next = digits.clone();
            for (int s = 0; s < used.slots().length; s++) next[used.slots()[s]] = used.outcomes()[k][s];
            bornForUnread(plan, basis, lambda, orders, stage, own, used, after, mass * byElement[k], next, space, p, 0);
        }
    }

    /** Slots this combination fires at the detection that the basis in λ did not read: Born rule on the collapsed state. */
    private void bornForUnread(DetectionPlan plan, DetectionBasis basis, double[] lambda, int[] orders, int stage,
                               DetectionPlan.Detection own, DetectionPlan.Detection used, CMatrix rho, double mass,
                               int[] digits, OutcomeSpace space, double[] p, int from) {
        for (int s = from; s < own.slots().length; s++) {
            int slot = own.slots()[s];
            if (contains(used.slots(), slot)) continue;
            var experiment = plan.experiment;
            var m = experiment.measurement(experiment.slots()[slot], plan.combination);
            int system = experiment.detectors().get(experiment.slots()[slot]).system();
            for (int o = 0; o < m.outcomes(); o++) {
                CMatrix proj = experiment.layout().embed(m.projectors()[o], system);
                CMatrix projected = proj.times(rho).times(proj);
                double w = projected.trace().getReal();
                if (w <= 1e-15) continue;
                int[] next = digits.clone();
                next[slot] = o;
                bornForUnread(plan, basis, lambda, orders, stage, own, used, projected.scale(1 / w), mass * w, next, space, p, s + 1);
            }
            return;
        }
        respond(plan, basis, lambda, orders, stage + 1, rho, mass, digits, space, p);
    }

    private static boolean contains(int[] xs, int x) {
        for (int y : xs) if (y == x) return true;
        return false;
    }

    /** The order of m basis states induced by a permutation of 0 … D−1: its entries below m, in turn. */
    static int[] restricted(int[] orders, int offset, int d, int m) {
        int[] out = new int[m];
        int k = 0;
        for (int i = 0; i < d; i++) {
            int x = orders[offset + i];
            if (x < m) out[k++] = x;
        }
        return out;
    }

    private static double[] lambda(Experiment experiment, Beables hidden) {
        if (!(hidden.get(LAMBDA) instanceof double[] lambda)) {
            throw new IllegalArgumentException("the hidden state has no `lambda` (a list of |λ_J|²)");
        }
        int needed = measureSteps(experiment) * perStep(experiment);
        if (lambda.length != needed) {
            throw new IllegalArgumentException("`lambda` has " + lambda.length + " values of |λ_J|², experiment '" + experiment.name()
                    + "' needs " + needed + " (D − 1 = " + perStep(experiment) + " per measure step)");
        }
        for (double x : lambda) {
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("|λ_J|² = " + Numbers.format(x) + " is outside [0, 1]");
        }
        return lambda;
    }

    private int[] orders(Experiment experiment, Beables hidden) {
        if (order.kind() != BasisOrder.Kind.PERMUTED) return null;
        if (!(hidden.get(ORDER) instanceof int[] orders) || orders.length != measureSteps(experiment) * experiment.layout().dimension()) {
            throw new IllegalArgumentException("with order = permuted the hidden state needs `order`, a permutation per measure step");
        }
        return orders;
    }

    // ------------------------------------------------------------------ exact predictions

    /**
     * P(o | s) exactly: per detection the product formula r_K Π_{J>K}(1 − r_J) with
     * r_J = P(|λ|² > S_{J−1}/S_J) from the distribution (closed form or numerical integration);
     * for a random order averaged over orders (exact; beyond {@value CollapseRule#MAX_PERMUTED_EXACT}
     * basis states with non-uniform λ there is no exact prediction, and `run` samples it). With
     * drift, each trial on its own follows the base distribution, so this is the per-trial law.
     */
    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        Compiled c = compiled(experiment, combination);
        double[] p = new double[experiment.outcomes(combination).size()];
        if (c.tree().root == null) {
            p[c.tree().constant] = 1;
            return Optional.of(p);
        }
        return accumulate(c.tree().root, 1, p) ? Optional.of(p) : Optional.empty();
    }

    private boolean accumulate(OutcomeTree.Node node, double mass, double[] p) {
        double[] byElement = elementProbabilities(node);
        if (byElement == null) return false;
        for (int e = 0; e < node.size(); e++) {
            if (byElement[e] == 0) continue;
            if (node.isLast()) p[node.leaves[e]] += mass * byElement[e];
            else if (!accumulate(node.children[e], mass * byElement[e], p)) return false;
        }
        return true;
    }

    /** The exact distribution of a detection's outcome over its elements; null where there is none. */
    double[] elementProbabilities(OutcomeTree.Node node) {
        int m = node.size();
        if (node.order == null && !distribution.isUniformDisk()) {
            return m <= CollapseRule.MAX_PERMUTED_EXACT ? CollapseRule.exactPermuted(node.weights, distribution) : null;
        }
        int[] positions = node.order != null ? node.order : Permutations.identity(m);    // uniform λ: every order gives the same law
        double[] s = node.order != null ? node.sums : CollapseRule.cumulative(node.weights, positions);
        double[] byPosition = CollapseRule.exact(s, distribution);
        double[] byElement = new double[m];
        for (int q = 0; q < m; q++) byElement[positions[q]] += byPosition[q];
        return byElement;
    }

    // ------------------------------------------------------------------ sampling

    @Override
    public TrialSampler sampler(Experiment experiment, int combination) {
        Compiled c = compiled(experiment, combination);
        return new TreeSampler(c.tree(), distribution, order.kind() == BasisOrder.Kind.PERMUTED);
    }

    /** With drift, trials are drawn by their place in the run: λ is the run's drifting sequence at that trial. */
    @Override
    public Optional<SequentialSampler> sequentialSampler(Experiment experiment, long seed) {
        if (drift == null) return Optional.empty();
        int d = experiment.layout().dimension();
        int components = measureSteps(experiment) * (d - 1);
        DriftWalk walk = new DriftWalk(seed, Runner.totalTrials(experiment), components, drift.step());
        OutcomeTree[] trees = new OutcomeTree[experiment.combinations()];
        for (int c = 0; c < trees.length; c++) trees[c] = compiled(experiment, c).tree();
        boolean permuted = order.kind() == BasisOrder.Kind.PERMUTED;
        LambdaDistribution base = distribution;
        boolean uniform = base.isUniformDisk();
        return Optional.of((combination, trial, rng) -> {
            OutcomeTree tree = trees[combination];
            OutcomeTree.Node node = tree.root;
            if (node == null) return tree.constant;
            double[] u = walk.at(trial);
            while (true) {
                int[] positions = permuted ? TreeSampler.randomOrder(node.size(), rng) : node.order;
                double[] s = permuted ? CollapseRule.cumulative(node.weights, positions) : node.sums;
                int offset = node.step * (d - 1);
                int k = 0;
                for (int p = positions.length - 1; p >= 1; p--) {
                    if (node.weights[positions[p]] == 0) continue;
                    double x = uniform ? u[offset + p - 1] : base.quantile(u[offset + p - 1]);
                    if (CollapseRule.positive(s, p, x)) {
                        k = p;
                        break;
                    }
                }
                int e = positions[k];
                if (node.isLast()) return node.leaves[e];
                node = node.children[e];
            }
        });
    }

    // ------------------------------------------------------------------ for Bell's conditions

    /**
     * P(o | s, λ_B) for the chosen parts of λ. The basis is fixed by the settings, so a basis not
     * given is the combination's own; `order` not given is averaged over all orders (exactly);
     * `lambda` not given is averaged over its distribution (the exact prediction, in the basis
     * given).
     */
    @Override
    public double[] responseGiven(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (String name : given) if (hidden.get(name) != null) parts.put(name, hidden.get(name));
        boolean permuted = order.kind() == BasisOrder.Kind.PERMUTED;
        if (!given.contains(LAMBDA)) return averagedOverLambda(experiment, combination, parts);
        if (permuted && !given.contains(ORDER)) return averagedOverOrders(experiment, combination, parts);
        return response(experiment, combination, new Beables(parts));
    }

    /** P(o | s, basis, order) with λ averaged out exactly (the product formula per detection). */
    private double[] averagedOverLambda(Experiment experiment, int combination, Map<String, Object> parts) {
        Compiled own = compiled(experiment, combination);
        DetectionBasis basis = parts.get(BASIS) instanceof DetectionBasis given ? given : own.basis();
        int[] orders = null;
        if (order.kind() == BasisOrder.Kind.PERMUTED && parts.containsKey(ORDER)) orders = orders(experiment, new Beables(parts));
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = new double[space.size()];
        int[] digits = new int[space.slots()];
        Arrays.fill(digits, OutcomeSpace.NO_OUTCOME);
        if (orders == null && order.kind() == BasisOrder.Kind.PERMUTED && !distribution.isUniformDisk()
                && experiment.layout().dimension() > CollapseRule.MAX_PERMUTED_EXACT) {
            throw new IllegalArgumentException("no exact average over λ and random orders beyond " + CollapseRule.MAX_PERMUTED_EXACT
                    + " basis states; choose lambda among the hidden variables");
        }
        respond(own.plan(), basis, null, orders, 0, experiment.preparedState(), 1, digits, space, p);
        return p;
    }

    private double[] averagedOverOrders(Experiment experiment, int combination, Map<String, Object> parts) {
        int d = experiment.layout().dimension();
        int steps = measureSteps(experiment);
        if (d > 8 || steps > 1) {
            throw new IllegalArgumentException("averaging over random orders is exact only for one detection in dimension ≤ 8; "
                    + "give order among the hidden variables");
        }
        double[] total = new double[experiment.outcomes(combination).size()];
        List<int[]> all = Permutations.all(d);
        for (int[] perm : all) {
            Map<String, Object> withOrder = new LinkedHashMap<>(parts);
            withOrder.put(ORDER, perm);
            double[] r = response(experiment, combination, new Beables(withOrder));
            for (int o = 0; o < total.length; o++) total[o] += r[o] / all.size();
        }
        return total;
    }

    /**
     * The density of the chosen parts of λ under a combination: λ's density does not depend on
     * the settings (1 for the uniform disk; for other laws the analysis compares samples), while
     * the basis is a point mass at the combination's own basis — which is how this model violates
     * statistical independence once the basis counts as a hidden variable.
     */
    @Override
    public OptionalDouble hiddenDensity(Experiment experiment, int combination, Beables hidden, Set<String> given) {
        if (!distribution.isUniformDisk() || drift != null) return OptionalDouble.empty();
        if (given.contains(BASIS) && !compiled(experiment, combination).basis().equals(hidden.get(BASIS))) return OptionalDouble.of(0);
        return OptionalDouble.of(1);
    }

    /** Beyond this many cells the locality analysis samples λ instead of enumerating it. */
    static final int MAX_SUPPORT = 4096;

    /**
     * λ is continuous, but the outcome depends on each |λ_J|² only through which side of the
     * thresholds S_{J−1}/S_J it lies on, and those are finitely many across the experiment's
     * combinations. Cutting [0, 1] at every threshold of component J (all combinations) gives
     * cells in which every response is constant; one representative per cell (its midpoint), with
     * the cell's probability, is an exact finite support of p(λ | s) for the analysis — the
     * sign-pattern enumeration of docs/language.md ("Run, predict and locality"). Offered for one detection per trial and a
     * fixed basis order, while there are at most {@value #MAX_SUPPORT} cells.
     */
    @Override
    public Optional<List<WeightedHidden>> hiddenSupport(Experiment experiment, int combination) {
        if (order.kind() == BasisOrder.Kind.PERMUTED || measureSteps(experiment) != 1) return Optional.empty();
        int components = perStep(experiment);
        List<double[][]> cells = new ArrayList<>();              // per component: {representative, probability} pairs
        long count = 1;
        for (int j = 0; j < components; j++) {
            java.util.TreeSet<Double> t = new java.util.TreeSet<>(List.of(0.0, 1.0));
            for (int c = 0; c < experiment.combinations(); c++) {
                OutcomeTree.Node root = compiled(experiment, c).tree().root;
                if (root == null || !root.isLast()) return Optional.empty();
                int p = j + 1;
                if (p < root.size() && root.sums[p] > 0) t.add(Math.min(1, root.sums[p - 1] / root.sums[p]));
            }
            double[] edges = t.stream().mapToDouble(Double::doubleValue).toArray();
            List<double[]> mine = new ArrayList<>();
            double atZero = distribution.probabilityAtMost(0);
            if (atZero > 0) mine.add(new double[] {0, atZero});       // an atom at |λ|² = 0 is its own cell
            for (int k = 0; k + 1 < edges.length; k++) {
                double mass = distribution.probabilityAbove(edges[k]) - distribution.probabilityAbove(edges[k + 1]);
                if (mass > 0) mine.add(new double[] {(edges[k] + edges[k + 1]) / 2, mass});
            }
            cells.add(mine.toArray(new double[0][]));
            count *= mine.size();
            if (count > MAX_SUPPORT) return Optional.empty();
        }
        DetectionBasis basis = compiled(experiment, combination).basis();
        List<WeightedHidden> support = new ArrayList<>();
        for (long cell = 0; cell < count; cell++) {
            long rest = cell;
            double[] lambda = new double[components];
            double probability = 1;
            for (int j = 0; j < components; j++) {
                double[][] mine = cells.get(j);
                double[] chosen = mine[(int) (rest % mine.length)];
                rest /= mine.length;
                lambda[j] = chosen[0];
                probability *= chosen[1];
            }
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put(LAMBDA, lambda);
            parts.put(BASIS, basis);
            support.add(new WeightedHidden(new Beables(parts), probability));
        }
        return Optional.of(support);
    }

    @Override
    public String describeHidden(Experiment experiment, Beables hidden, Set<String> given) {
        List<String> parts = new ArrayList<>();
        if (given.contains(LAMBDA) && hidden.get(LAMBDA) instanceof double[] lambda) {
            List<String> xs = new ArrayList<>();
            for (double x : lambda) xs.add(Numbers.format(x));
            parts.add("|λ|² = [" + String.join(", ", xs) + "]");
        }
        if (given.contains(BASIS) && hidden.get(BASIS) != null) parts.add("basis = " + hidden.get(BASIS));
        if (given.contains(ORDER) && hidden.get(ORDER) instanceof int[] orders) parts.add("order = " + Arrays.toString(orders));
        return parts.isEmpty() ? "(nothing)" : String.join(", ", parts);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (kappa != DEFAULT_KAPPA) parts.add("kappa = " + Numbers.format(kappa));
        if (order.kind() != BasisOrder.Kind.DEFAULT) parts.add("order = " + order);
        if (drift != null) parts.add("lambda = " + drift.describe());
        else if (!distribution.isUniformDisk()) parts.add("lambda = " + distribution.describe());
        return parts.isEmpty() ? NAME : NAME + "(" + String.join(", ", parts) + ")";
    }
}
