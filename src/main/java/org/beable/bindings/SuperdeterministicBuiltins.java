package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.format.DataTable;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.model.RealFunction;
import org.beable.model.SampledRun;
import org.beable.model.superdeterministic.Autocorrelation;
import org.beable.model.superdeterministic.BetaLambda;
import org.beable.model.superdeterministic.BornWindows;
import org.beable.model.superdeterministic.DensityLambda;
import org.beable.model.superdeterministic.Drift;
import org.beable.model.superdeterministic.LambdaDistribution;
import org.beable.model.superdeterministic.QuantileLambda;
import org.beable.model.superdeterministic.RunsTest;
import org.beable.model.superdeterministic.SuperdeterministicModel;
import org.beable.model.superdeterministic.Trajectories;
import org.beable.model.superdeterministic.Trajectory;
import org.beable.model.superdeterministic.UniformLambda;
import org.beable.quantum.CMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * What the superdeterministic model adds to scripts: distributions of the hidden variables
 * (`lambda = beta(2, 2)`, `drift(0.01)`), the
 * master equation at finite κ (`trajectory`), and the sequence tests that look for a drifting λ
 * (`autocorrelation`, `runs_test`, `born_windows`).
 */
public final class SuperdeterministicBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("uniform_disk", Builtins.fixed("uniform_disk", "uniform_disk()",
                "λ uniform on the complex unit disk, so |λ|² ~ U(0, 1): the superdeterministic model's default, which gives the Born rule", 0,
                (it, a, n, s) -> UniformLambda.DISK));
        in.define("uniform", Builtins.fixed("uniform", "uniform(lo, hi)", "|λ|² uniform on [lo, hi] ⊆ [0, 1] (a distribution for lambda = …)", 2,
                (it, a, n, s) -> distribution(s, () -> new UniformLambda(real(a, 0, s, "lo"), real(a, 1, s, "hi")))));
        in.define("beta", Builtins.fixed("beta", "beta(a, b)", "|λ|² ~ Beta(a, b), a, b > 0 (a distribution for lambda = …)", 2,
                (it, a, n, s) -> distribution(s, () -> new BetaLambda(real(a, 0, s, "a"), real(a, 1, s, "b")))));
        in.define("pdf", Builtins.fixed("pdf", "pdf(f)", "|λ|² with density f(x) on [0, 1], normalised numerically (a distribution for lambda = …)", 1,
                (it, a, n, s) -> distribution(s, () -> new DensityLambda(function(it, a.get(0), s, "pdf"), Values.show(a.get(0))))));
        in.define("quantile", Builtins.fixed("quantile", "quantile(q)",
                "|λ|² = q(u) for u uniform in [0, 1): a sampler by inverse transform (a distribution for lambda = …)", 1,
                (it, a, n, s) -> distribution(s, () -> new QuantileLambda(function(it, a.get(0), s, "quantile"), Values.show(a.get(0))))));
        in.define("drift", new Builtin("drift", "drift(step) or drift(step, distribution)",
                "hidden variables drifting slowly: each |λ_J|² moves by up to `step` (in its quantiles) from one trial to the next", 1, 2,
                (it, a, n, s) -> distribution(s, () -> new Drift(real(a, 0, s, "the step"),
                        a.size() == 2 ? baseDistribution(a.get(1), s) : UniformLambda.DISK))));
        in.define("trajectory", new Builtin("trajectory",
                "trajectory(experiment, model, times = [...], lambda = [...], samples = n, SETTING = value, …)",
                "ρ(t) under the superdeterministic master equation at finite κ, per hidden-variable branch and averaged over λ", 2, 2,
                SuperdeterministicBuiltins::trajectory));
        in.define("autocorrelation", new Builtin("autocorrelation", "autocorrelation(run, DETECTOR, lags = 5)",
                "lag-k autocorrelation of a detector's outcomes in trial order, with z-tests: do consecutive trials remember each other?", 1, 2,
                (it, a, n, s) -> {
                    SampledRun run = run(a.get(0), s);
                    int lags = (int) Values.integer(n.getOrDefault("lags", 5.0), s, "lags");
                    unknownOptions(n, s, "lags");
                    return Autocorrelation.of(run, slot(run, a, s), lags);
                }));
        in.define("runs_test", new Builtin("runs_test", "runs_test(run, DETECTOR)",
                "Wald–Wolfowitz runs test on a detector's outcomes in trial order, per setting combination", 1, 2,
                (it, a, n, s) -> {
                    SampledRun run = run(a.get(0), s);
                    unknownOptions(n, s);
                    return RunsTest.of(run, slot(run, a, s));
                }));
        in.define("born_windows", new Builtin("born_windows", "born_windows(run, window = 10000) or born_windows(run, prediction, window = …)",
                "Born deviation (chi-square, total variation) in windows of consecutive trials, against quantum mechanics by default", 1, 2,
                (it, a, n, s) -> {
                    SampledRun run = run(a.get(0), s);
                    OutcomeStatistics reference = a.size() == 2 ? AnalysisBuiltins.result(a.get(1), s)
                            : Prediction.of(run.experiment(), new QuantumModel());
                    int window = (int) Values.integer(n.getOrDefault("window", 10000.0), s, "window");
                    unknownOptions(n, s, "window");
                    return BornWindows.of(run, reference, window);
                }));
    }

    // ------------------------------------------------------------------ distributions

    private static Object distribution(Span span, java.util.function.Supplier<Object> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage(), "lambda takes uniform_disk(), uniform(lo, hi), beta(a, b), pdf(f), quantile(q) or drift(step)");
        }
    }

    private static LambdaDistribution baseDistribution(Object v, Span span) {
        if (v instanceof LambdaDistribution d) return d;
        throw new BeableError(span, "drift's second argument must be a distribution of |λ|², got " + Values.aTypeName(v),
                "e.g. drift(0.01, beta(2, 2))");
    }

    private static double real(List<Object> args, int k, Span span, String what) {
        return Values.real(args.get(k), span, what);
    }

    private static RealFunction function(Interpreter it, Object v, Span span, String name) {
        return ModelValue.realFunction(it, v, span, name + "'s argument");
    }

    // ------------------------------------------------------------------ trajectory

    /** A trajectory as scripts see it: lists of numbers and density matrices, and a table to plot. */
    public record TrajectoryValue(List<Object> times, List<Object> rho, List<Object> basis_rho, List<Object> branches,
                                  List<Object> probabilities, List<Object> born, List<Object> limit, List<Object> basis,
                                  boolean exact, double samples, double kappa, double evaluations, DataTable table,
                                  Trajectory trajectory) implements Tabular {
        @Override public Table toTable() { return trajectory.toTable(); }
        @Override public String toString() { return trajectory.summary(); }
    }

    /** One hidden-variable branch: the order it was built in, the signs of σ_2 … σ_N, its weight, its κ → ∞ outcome and ρ(t). */
    public record BranchValue(String order, String signs, double weight, String outcome, List<Object> basis_rho) {
        @Override public String toString() {
            return "branch " + signs + " (" + org.beable.format.Numbers.format(weight) + ") → " + outcome;
        }
    }

    private static final List<String> TRAJECTORY_OPTIONS = List.of("times", "lambda", "samples", "integrate", "atol", "rtol");

    private static Object trajectory(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        Experiment experiment = Domain.of(it).experiment(args.get(0), span);
        ModelValue modelValue = Domain.of(it).requireModel(args.get(1), span);
        if (!(modelValue.model() instanceof SuperdeterministicModel model)) {
            throw new BeableError(span, "trajectory follows the superdeterministic model's master equation; got model '"
                    + modelValue.name() + "'", "write e.g. trajectory(e, superdeterministic(kappa = 10))");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (TRAJECTORY_OPTIONS.contains(e.getKey())) continue;
            if (experiment.settings().indexOf(e.getKey()) < 0) {
                throw new BeableError(span, "'" + e.getKey() + "' is neither an option of trajectory nor a setting of experiment '"
                        + experiment.name() + "'", "options: " + String.join(", ", TRAJECTORY_OPTIONS)
                        + (experiment.settings().size() == 0 ? "" : "; settings: " + String.join(", ", experiment.settings().names())));
            }
            settings.put(e.getKey(), e.getValue());
        }
        int combination = combination(experiment, settings, span);
        Trajectories.Options options = Trajectories.Options.defaults();
        if (named.containsKey("times")) options = options.withTimes(numbers(named.get("times"), span, "times"));
        if (named.containsKey("lambda")) options = options.withLambda(numbers(named.get("lambda"), span, "lambda"));
        int samples = named.containsKey("samples") ? (int) Values.integer(named.get("samples"), span, "samples") : Trajectories.DEFAULT_SAMPLES;
        if (samples < 1 || samples > 1_000_000) throw new BeableError(span, "samples must be between 1 and 1000000, got " + samples);
        boolean integrate = named.containsKey("integrate") && Values.truthy(named.get("integrate"), span);
        double atol = named.containsKey("atol") ? Values.real(named.get("atol"), span, "atol") : Trajectories.ABSOLUTE_TOLERANCE;
        double rtol = named.containsKey("rtol") ? Values.real(named.get("rtol"), span, "rtol") : Trajectories.RELATIVE_TOLERANCE;
        if (!(atol > 0) || !(rtol > 0)) throw new BeableError(span, "tolerances must be positive, got atol = " + atol + ", rtol = " + rtol);
        int threads = it.threads() > 0 ? it.threads() : Runtime.getRuntime().availableProcessors();
        options = new Trajectories.Options(options.times(), options.lambda(), samples, it.nextRunSeed(), threads, atol, rtol, integrate,
                it.cancellation());
        Trajectory t;
        try {
            t = Trajectories.of(model, experiment, combination, options);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage(), "usage: trajectory(experiment, superdeterministic(kappa = …), times = [...], "
                    + "lambda = [|λ_2|², …], samples = n, SETTING = value)");
        }
        return value(t);
    }

    private static TrajectoryValue value(Trajectory t) {
        int[] dims = t.layout().dims();
        List<Object> times = new ArrayList<>();
        List<Object> rho = new ArrayList<>();
        List<Object> inBasis = new ArrayList<>();
        for (int k = 0; k < t.times().length; k++) {
            times.add(t.times()[k]);
            rho.add(new QValue(t.averageInSystems(k), dims));
            inBasis.add(QValue.single(t.average().get(k)));
        }
        List<Object> branches = new ArrayList<>();
        for (Trajectory.Branch b : t.branches()) {
            List<Object> states = new ArrayList<>();
            if (b.rho() != null) for (CMatrix m : b.rho()) states.add(QValue.single(m));
            branches.add(new BranchValue(b.order(), b.signs(), b.weight(), b.outcome(), List.copyOf(states)));
        }
        return new TrajectoryValue(List.copyOf(times), List.copyOf(rho), List.copyOf(inBasis), List.copyOf(branches),
                numbers(t.finalProbabilities()), numbers(t.born()), numbers(t.limit()), List.copyOf(t.basisLabels()), t.exact(),
                t.samples(), t.kappa(), t.evaluations(), table(t), t);
    }

    /** t, every ρ̄_II, for N ≤ 4 the real and imaginary parts of every coherence, and Σ|ρ̄_IJ|: one row per time. */
    private static DataTable table(Trajectory t) {
        DataTable table = new DataTable("trajectory");
        int n = t.dimension();
        for (int k = 0; k < t.times().length; k++) {
            List<String> names = new ArrayList<>();
            List<Object> cells = new ArrayList<>();
            names.add("t");
            cells.add(t.times()[k]);
            CMatrix rho = t.average().get(k);
            for (int i = 0; i < n; i++) {
                names.add(element(i, i, n));
                cells.add(rho.re(i, i));
            }
            if (n <= 4) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        names.add("re_" + element(i, j, n));
                        cells.add(rho.re(i, j));
                        names.add("im_" + element(i, j, n));
                        cells.add(rho.im(i, j));
                    }
                }
            }
            names.add("coherence");
            cells.add(t.coherence(k));
            table.add(names, cells);
        }
        return table;
    }

    /** "rho_12" as the papers number it (from 1); "rho_10_12" once indices reach 10. */
    private static String element(int i, int j, int n) {
        return n < 10 ? "rho_" + (i + 1) + (j + 1) : "rho_" + (i + 1) + "_" + (j + 1);
    }

    private static List<Object> numbers(double[] xs) {
        List<Object> out = new ArrayList<>();
        for (double x : xs) out.add(x);
        return List.copyOf(out);
    }

    private static double[] numbers(Object v, Span span, String what) {
        List<Object> items = Builtins.items(v, span);
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) out[k] = Values.real(items.get(k), span, what);
        return out;
    }

    /** The one setting combination the named values pick (every setting must be named unless it has one value). */
    private static int combination(Experiment experiment, Map<String, Object> named, Span span) {
        SettingSpace space = experiment.settings();
        int[] digits = new int[space.size()];
        for (int s = 0; s < space.size(); s++) {
            Object v = named.get(space.name(s));
            if (v == null) {
                if (space.values(s).size() == 1) continue;
                throw new BeableError(span, "experiment '" + experiment.name() + "' has " + space.values(s).size() + " values of setting '"
                        + space.name(s) + "'; a trajectory follows one combination", "name it, e.g. trajectory(" + experiment.name()
                        + ", model, " + space.name(s) + " = " + space.values(s).get(0).label() + ")");
            }
            SettingValue probe = v == NoneValue.NONE ? SettingValue.NONE
                    : v instanceof Double x ? SettingValue.of(x, "") : SettingValue.named(Values.show(v));
            digits[s] = space.valueIndex(s, probe);
            if (digits[s] < 0) {
                throw new BeableError(span, "setting '" + space.name(s) + "' has no value " + Values.show(v),
                        "its values are: " + String.join(", ", space.values(s).stream().map(SettingValue::label).toList()));
            }
        }
        return space.encode(digits);
    }

    // ------------------------------------------------------------------ sequence tests

    private static SampledRun run(Object v, Span span) {
        if (v instanceof SampledRun r) return r;
        throw new BeableError(span, "expected the result of `run` (a sampled run, in trial order), got " + Values.aTypeName(v),
                "write e.g. `let r = run e under superdeterministic(lambda = drift(0.01))`");
    }

    /** The detector named, or the only one measured. */
    private static int slot(SampledRun run, List<Object> args, Span span) {
        Experiment e = run.experiment();
        if (args.size() < 2) {
            if (e.slotCount() == 1) return 0;
            throw new BeableError(span, "experiment '" + e.name() + "' measures " + e.slotCount() + " detectors; name one",
                    "e.g. autocorrelation(r, " + e.slotDetector(0).name() + ")");
        }
        Object d = args.get(1);
        String name = d instanceof DetectorValue dv ? dv.name() : d instanceof String str ? str : null;
        if (name == null) throw new BeableError(span, "expected a detector, got " + Values.aTypeName(d));
        int slot = e.slotOf(name);
        if (slot < 0) throw new BeableError(span, "experiment '" + e.name() + "' does not measure detector '" + name + "'");
        return slot;
    }

    private static void unknownOptions(Map<String, Object> named, Span span, String... allowed) {
        for (String key : named.keySet()) {
            if (!List.of(allowed).contains(key)) {
                throw new BeableError(span, "unknown option '" + key + "'", allowed.length == 0 ? "this test takes no options"
                        : "options: " + String.join(", ", allowed));
            }
        }
    }
}
