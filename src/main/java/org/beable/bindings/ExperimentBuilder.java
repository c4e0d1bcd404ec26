package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.interp.Builtins;
import org.beable.interp.Callable;
import org.beable.interp.FreeNames;
import org.beable.interp.FunctionValue;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.interp.Values;
import org.beable.quantum.CMatrix;
import org.beable.quantum.DenseLimit;
import org.beable.quantum.Hamiltonian;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/** Turns an `experiment { … }` block into an {@link Experiment}, checking each clause where it is written. */
final class ExperimentBuilder {
    static final long DEFAULT_TRIALS = 10_000;

    private final Interpreter interpreter;
    private final Domain domain;
    private final Stmt.ExperimentDecl decl;
    private final Domain.Evaluator evaluator;

    private CMatrix prepared;          // the prepared density matrix, when it was not given as a ket
    private CMatrix preparedKet;
    private Span preparedAt;
    private final List<Step> steps = new ArrayList<>();
    private final List<DetectorValue> measured = new ArrayList<>();
    private final List<String> settingNames = new ArrayList<>();
    private final List<List<SettingValue>> settingValues = new ArrayList<>();
    /** The script value behind each setting value, handed to detector expressions. */
    private final Map<SettingValue, Object> scriptValues = new java.util.IdentityHashMap<>();
    private Stmt.Choose choose;
    private long trials = DEFAULT_TRIALS;
    /** The systems the experiment acts on: all declared ones, or those of its `systems` clause. */
    private SystemLayout layout;
    /** For each declared system's index, its index in this experiment (−1: not part of it); null when it has them all. */
    private int[] local;
    private List<Domain.SystemValue> own;

    ExperimentBuilder(Interpreter interpreter, Domain domain, Stmt.ExperimentDecl decl, Domain.Evaluator evaluator) {
        this.interpreter = interpreter;
        this.domain = domain;
        this.decl = decl;
        this.evaluator = evaluator;
    }

    Experiment build() {
        if (domain.systems().isEmpty()) {
            throw new BeableError(decl.span(), "experiment '" + decl.name() + "' has no systems to act on",
                    "declare them first, e.g. `system alice : qubit`");
        }
        layout = domain.layout();
        for (Stmt.Clause clause : decl.clauses()) if (clause instanceof Stmt.Systems s) systems(s);
        for (Stmt.Clause clause : decl.clauses()) clause(clause);
        if (preparedAt == null) throw new BeableError(decl.span(), "experiment '" + decl.name() + "' prepares no state", "add `prepare psi`");
        if (measured.isEmpty()) throw new BeableError(decl.span(), "experiment '" + decl.name() + "' measures nothing", "add `measure A, B`");
        SettingSpace settings = new SettingSpace(settingNames, settingValues);
        List<Detector> detectors = new ArrayList<>();
        for (DetectorValue d : measured) detectors.add(detector(d));
        return new Experiment(decl.name(), layout, prepared, preparedKet, steps, detectors, settings, choice(settings), trials, denseLimit());
    }

    /**
     * `systems q1, q2, …`: the experiment acts on these declared systems alone, in this order — its
     * state, Hamiltonians and detectors live on them, whatever else the script declares.
     */
    private void systems(Stmt.Systems s) {
        if (own != null) throw new BeableError(s.span(), "experiment '" + decl.name() + "' names its systems twice", "one `systems` clause lists them all");
        own = new ArrayList<>();
        local = new int[domain.systems().size()];
        java.util.Arrays.fill(local, -1);
        for (int k = 0; k < s.names().size(); k++) {
            Object value = interpreter.lookup(s.names().get(k));
            if (!(value instanceof Domain.SystemValue system)) {
                throw new BeableError(s.spans().get(k), "'" + s.names().get(k) + "' is not a declared system",
                        "declare it first: `system " + s.names().get(k) + " : qubit`; the systems are: " + domain.systemNames());
            }
            if (local[system.index()] >= 0) throw new BeableError(s.spans().get(k), "system '" + system.name() + "' is listed twice");
            local[system.index()] = own.size();
            own.add(system);
        }
        List<String> names = new ArrayList<>();
        int[] dims = new int[own.size()];
        for (int k = 0; k < own.size(); k++) {
            names.add(own.get(k).name());
            dims[k] = own.get(k).dimension();
        }
        layout = new SystemLayout(names, dims);
    }

    private static String systemNames(List<Domain.SystemValue> systems) {
        return String.join(", ", systems.stream().map(Domain.SystemValue::name).toList());
    }

    private void clause(Stmt.Clause clause) {
        clause.accept(clauses, null);
    }

    /** What each clause does to the experiment being built; a new kind of clause must say so here to compile. */
    private final Stmt.ClauseVisitor<Void, Void> clauses = new Stmt.ClauseVisitor<>() {
        @Override
        public Void visitPrepare(Stmt.Prepare p, Void unused) {
            if (preparedAt != null) throw new BeableError(p.span(), "an experiment prepares one state");
            QValue state = domain.requireState(evaluator.eval(p.state()), p.state().span(), "the prepared state");
            if (own != null && state.dimension() != layout.dimension()) {
                throw new BeableError(p.state().span(), "the state has dimension " + state.dimension() + " but experiment '" + decl.name()
                        + "' acts on " + systemNames(own) + ", of dimension " + layout.dimension());
            }
            if (own == null) domain.requireOnSystems(state, p.state().span());
            // a ket stays a ket: its density matrix is made by the models that ask for it (n² entries)
            preparedKet = state.isKet() ? state.matrix() : null;
            prepared = state.isKet() ? null : state.matrix();
            preparedAt = p.span();
            return null;
        }

        @Override public Void visitEvolve(Stmt.Evolve e, Void unused) { steps.add(evolve(e)); return null; }
        @Override public Void visitMeasure(Stmt.Measure m, Void unused) { steps.add(measure(m)); return null; }

        @Override
        public Void visitSettings(Stmt.Settings s, Void unused) {
            for (Stmt.SettingDecl d : s.settings()) setting(d);
            return null;
        }

        @Override public Void visitChoose(Stmt.Choose c, Void unused) { choose = c; return null; }
        @Override public Void visitSystems(Stmt.Systems s, Void unused) { return null; }     // read first, in build()

        @Override
        public Void visitTrials(Stmt.Trials t, Void unused) {
            trials = Values.integer(evaluator.eval(t.count()), t.count().span(), "the number of trials");
            if (trials < 1) throw new BeableError(t.count().span(), "an experiment needs at least 1 trial, got " + trials);
            return null;
        }
    };

    private Step evolve(Stmt.Evolve e) {
        Object h = evaluator.eval(e.hamiltonian());
        Span span = e.hamiltonian().span();
        if (!(h instanceof QValue q) || !q.isOperator()) {
            throw new BeableError(span, "evolve needs a Hamiltonian (an operator), got " + Values.aTypeName(h));
        }
        boolean hermitian = q.isSparse() ? q.sparse().isHermitian(1e-9) : q.matrix().isHermitian(1e-9);
        if (!hermitian) throw new BeableError(span, "the Hamiltonian is not Hermitian", "check it with is_hermitian(H)");
        if (q.dimension() != layout.dimension()) {
            throw new BeableError(span, "the Hamiltonian has dimension " + q.dimension() + " but the systems have dimension "
                    + layout.dimension(), own != null ? "the experiment acts on " + systemNames(own) + ": write H on them alone"
                    : "act on one system with on(H, system)");
        }
        double t = Values.real(evaluator.eval(e.time()), e.time().span(), "the evolution time");
        // H as given, sparse or dense: exp(−iHt) is made only by the models that need it, within --max-dim
        Hamiltonian generator = q.isSparse() ? Hamiltonian.of(q.sparse()) : Hamiltonian.of(q.matrix());
        return new Step.Evolve(generator, t, denseLimit(), interpreter.cancellation());
    }

    /** The session's --max-dim, for the dense matrices the models make from this experiment on request. */
    private DenseLimit denseLimit() {
        return new DenseLimit(interpreter.options().maxDimension());
    }

    private Step measure(Stmt.Measure m) {
        int[] indices = new int[m.detectors().size()];
        Set<Integer> systemsInStep = new java.util.HashSet<>();
        for (int k = 0; k < indices.length; k++) {
            String name = m.detectors().get(k);
            Span span = m.spans().get(k);
            Object value = interpreter.lookup(name);
            if (!(value instanceof DetectorValue d)) {
                throw new BeableError(span, "'" + name + "' is not a detector", value == null
                        ? "declare it with `detector " + name + " on SYSTEM = spin(a)`" : "it is a " + Values.typeName(value));
            }
            if (local != null && local[d.system().index()] < 0) {
                throw new BeableError(span, "detector '" + name + "' acts on system '" + d.system().name() + "', which experiment '"
                        + decl.name() + "' does not include", "its systems are " + systemNames(own) + "; add it to `systems`");
            }
            if (measured.contains(d)) {
                throw new BeableError(span, "detector '" + name + "' is already measured in this experiment",
                        "to measure a system again, declare a second detector on it");
            }
            if (!systemsInStep.add(d.system().index())) {
                throw new BeableError(span, "two detectors in one `measure` act on system '" + d.system().name() + "'",
                        "measure them in sequence: `measure " + name + "` on its own line");
            }
            indices[k] = measured.size();
            measured.add(d);
        }
        return new Step.Measure(indices);
    }

    private void setting(Stmt.SettingDecl d) {
        if (settingNames.contains(d.name())) throw new BeableError(d.span(), "setting '" + d.name() + "' is declared twice");
        List<SettingValue> values = new ArrayList<>();
        if (d.values() != null) {
            for (Expr e : d.values()) values.add(e == null ? SettingValue.NONE : settingValue(evaluator.eval(e), sourceText(e.span())));
        } else {
            Object source = evaluator.eval(d.source());
            for (Object v : Builtins.items(source, d.source().span())) values.add(settingValue(v, Values.show(v)));
        }
        if (values.isEmpty()) throw new BeableError(d.span(), "setting '" + d.name() + "' has no values");
        settingNames.add(d.name());
        settingValues.add(values);
    }

    private SettingValue settingValue(Object v, String label) {
        SettingValue value;
        if (v == NoneValue.NONE) return SettingValue.NONE;
        if (v instanceof Double x) value = SettingValue.of(x, label);
        else value = SettingValue.named(v instanceof String s ? s : label);
        scriptValues.put(value, v);
        return value;
    }

    private static String sourceText(Span span) {
        String line = span.source().line(span.line());
        int from = Math.min(line.length(), span.column() - 1);
        return line.substring(from, Math.min(line.length(), from + span.length())).trim();
    }

    private Detector detector(DetectorValue d) {
        List<String> used = new ArrayList<>(FreeNames.of(d.measurement()));
        used.retainAll(settingNames);
        if (used.size() > 1) {
            throw new BeableError(d.span(), "detector '" + d.name() + "' reads " + used.size() + " settings (" + String.join(", ", used)
                    + "); a detector has one setting");
        }
        String setting = used.isEmpty() ? null : used.get(0);
        FunctionValue function = d.function(interpreter, setting);
        java.util.function.Function<SettingValue, Measurements.Resolved> resolve = value -> {
            try {
                Object result = setting == null ? function.call(interpreter, List.of(), Map.of(), d.span())
                        : function.call1(scriptValues.get(value));
                return Measurements.of(result, d.system().dimension(), d.span());
            } catch (BeableError e) {
                throw e.at(d.span());
            }
        };
        // One measurement resolved now gives the outcome count and the default labels.
        Measurements.Resolved first = resolve.apply(setting == null ? SettingValue.named("") : firstMeasuring(setting, d));
        boolean noClick = d.noClick() != null;
        List<String> labels = withNoClick(d, outcomeLabels(d, first.measurement().outcomes(), first.labels()));
        double[] values = outcomeValues(d, first.values());
        if (noClick) {
            values = java.util.Arrays.copyOf(values, values.length + 1);
            values[values.length - 1] = d.noClick() instanceof Double x ? x : Double.NaN;
        }
        Detector.MeasurementRule rule = value -> {
            Measurement measured = resolve.apply(value).measurement();
            // The no-click outcome: one more that no measurement produces, so quantum mechanics gives it probability 0.
            Measurement m = noClick ? measured.withZeroOutcomes(1) : measured;
            if (m.outcomes() != labels.size()) {
                throw new BeableError(d.span(), "detector '" + d.name() + "' has " + m.outcomes() + " outcomes at "
                        + setting + "=" + value + " but " + labels.size() + " elsewhere");
            }
            return m;
        };
        int system = local == null ? d.system().index() : local[d.system().index()];
        return new Detector(d.name(), system, setting, rule, labels, values);
    }

    /** The labels, with the no-click outcome's after them when the detector declares one. */
    private static List<String> withNoClick(DetectorValue d, List<String> labels) {
        if (d.noClick() == null) return List.copyOf(labels);
        String label = d.noClick() instanceof Double x ? Measurements.signed(x) : Values.show(d.noClick());
        if (labels.contains(label)) {
            throw new BeableError(d.span(), "detector '" + d.name() + "' already has an outcome " + label,
                    "give the no-click outcome a value of its own, e.g. noclick 0");
        }
        List<String> all = new ArrayList<>(labels);
        all.add(label);
        return List.copyOf(all);
    }

    private SettingValue firstMeasuring(String setting, DetectorValue d) {
        for (SettingValue v : settingValues.get(settingNames.indexOf(setting))) if (!v.none()) return v;
        throw new BeableError(d.span(), "every value of setting '" + setting + "' is none, so detector '" + d.name() + "' never measures");
    }

    private static List<String> outcomeLabels(DetectorValue d, int outcomes, List<String> defaults) {
        if (d.outcomes() == null) return defaults;
        List<Object> given = Builtins.items(d.outcomes(), d.span());
        if (given.size() != outcomes) {
            throw new BeableError(d.span(), "detector '" + d.name() + "' has " + outcomes + " outcomes but " + given.size() + " labels");
        }
        List<String> labels = new ArrayList<>();
        for (Object o : given) labels.add(o instanceof Double x ? Measurements.signed(x) : Values.show(o));
        return labels;
    }

    /** Numeric labels become the outcome values (for correlations); otherwise the measurement's own values. */
    private static double[] outcomeValues(DetectorValue d, double[] defaults) {
        if (d.outcomes() == null) return defaults;
        List<Object> given = Builtins.items(d.outcomes(), d.span());
        double[] values = new double[given.size()];
        for (int k = 0; k < values.length; k++) values[k] = given.get(k) instanceof Double x ? x : Double.NaN;
        return values;
    }

    private SettingChoice choice(SettingSpace settings) {
        if (choose == null || choose.mechanism().equals("all")) return new SettingChoice.All();
        if (choose.mechanism().equals("random")) return new SettingChoice.Random();
        Object rule = evaluator.eval(choose.rule());
        Span span = choose.rule().span();
        if (!(rule instanceof Callable)) throw new BeableError(span, "`choose by` needs a function of the trial number, got " + Values.aTypeName(rule));
        return new SettingChoice.Rule(trial -> {
            Object chosen = interpreter.call(rule, span, (double) trial);
            List<Object> values = settings.size() == 1 && !(chosen instanceof List<?>) ? List.of(chosen) : Builtins.items(chosen, span);
            if (values.size() != settings.size()) {
                throw new BeableError(span, "the setting rule must give " + settings.size() + " values (" + String.join(", ", settings.names())
                        + "), gave " + values.size() + " for trial " + trial);
            }
            int[] digits = new int[values.size()];
            for (int s = 0; s < digits.length; s++) {
                Object v = values.get(s);
                SettingValue probe = v == NoneValue.NONE ? SettingValue.NONE : v instanceof Double x ? SettingValue.of(x, "") : SettingValue.named(Values.show(v));
                digits[s] = settings.valueIndex(s, probe);
                if (digits[s] < 0) {
                    throw new BeableError(span, "the setting rule chose " + settings.name(s) + " = " + Values.show(v)
                            + " for trial " + trial + ", which is not one of its values");
                }
            }
            return settings.encode(digits);
        });
    }
}
