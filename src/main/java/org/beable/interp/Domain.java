package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.model.ModelArguments;
import org.beable.model.ModelRegistry;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.quantum.Kets;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * The interpreter's side of the physics: declared systems, kets written in Dirac notation,
 * state checks, detectors, experiments, models, and `run` / `predict`. It translates script
 * values into the experiment and model library, which knows nothing of the interpreter.
 */
final class Domain {
    /** Values that print their kind in error messages ("a detector", "an experiment"). */
    interface Named {
        String kindName();
    }

    record SystemValue(String name, int index, int dimension) implements Named {
        public String kindName() { return "system"; }
        @Override public String toString() { return "system " + name + " : " + (dimension == 2 ? "qubit" : "qudit(" + dimension + ")"); }
    }

    record ExperimentValue(Experiment experiment) implements Named {
        public String kindName() { return "experiment"; }
        @Override public String toString() { return ExperimentDescription.of(experiment); }
    }

    private static final double NORM_TOLERANCE = 1e-9;

    private final Interpreter interpreter;
    private final List<SystemValue> systems = new ArrayList<>();
    private SystemLayout layout = new SystemLayout(List.of(), new int[0]);

    Domain(Interpreter interpreter) {
        this.interpreter = interpreter;
        for (ModelSpec spec : ModelRegistry.all()) interpreter.define(spec.name(), new ModelValue(spec, ModelArguments.none(spec)));
    }

    // ------------------------------------------------------------------ systems and kets

    SystemValue declareSystem(String name, int dimension, Span span) {
        if (dimension < 2) throw new BeableError(span, "a qudit needs dimension 2 or more, got " + dimension);
        for (SystemValue s : systems) {
            if (s.name().equals(name)) {
                if (s.dimension() == dimension) return s;
                throw new BeableError(span, "system '" + name + "' is already declared with dimension " + s.dimension());
            }
        }
        long total = (long) layout.dimension() * dimension;
        if (systems.isEmpty()) total = dimension;
        if (total > interpreter.options().maxDimension()) {
            throw new BeableError(BeableError.Kind.LIMIT, span, "declaring '" + name + "' makes the joint dimension " + total
                    + ", over the limit of " + interpreter.options().maxDimension(), "raise the limit with --max-dim N");
        }
        SystemValue system = new SystemValue(name, systems.size(), dimension);
        systems.add(system);
        List<String> names = new ArrayList<>();
        int[] dims = new int[systems.size()];
        for (int k = 0; k < systems.size(); k++) {
            names.add(systems.get(k).name());
            dims[k] = systems.get(k).dimension();
        }
        layout = new SystemLayout(names, dims);
        return system;
    }

    SystemLayout layout() { return layout; }

    /** Refuses a space larger than --max-dim before anything that size is allocated. */
    void checkDimension(long dimension, Span span, String what) {
        if (dimension > interpreter.options().maxDimension()) {
            throw new BeableError(BeableError.Kind.LIMIT, span, what + " has dimension " + dimension
                    + ", over the limit of " + interpreter.options().maxDimension(), "raise the limit with --max-dim N");
        }
    }
    List<SystemValue> systems() { return systems; }

    SystemValue system(Object value, Span span) {
        if (value instanceof SystemValue s) return s;
        throw new BeableError(span, "expected a system, got " + Values.aTypeName(value),
                systems.isEmpty() ? "declare one with `system alice : qubit`" : "the systems are: " + systemNames());
    }

    String systemNames() {
        return String.join(", ", systems.stream().map(SystemValue::name).toList());
    }

    /**
     * A ket literal. With as many factors as declared systems it lives in their space (so |0,2>
     * can be a qutrit level); otherwise every factor is a qubit.
     */
    QValue ket(Expr.Ket k) {
        QValue ket;
        if (k.levels() == null) {
            ket = QValue.single(k.label().equals("+") ? Kets.plus() : Kets.minus());
        } else {
            int[] levels = k.levels();
            int[] dims = new int[levels.length];
            boolean matchesSystems = levels.length == systems.size();
            for (int f = 0; f < levels.length; f++) {
                dims[f] = matchesSystems ? systems.get(f).dimension() : 2;
                if (levels[f] >= dims[f]) {
                    throw new BeableError(k.span(), "level " + levels[f] + " does not exist in a space of dimension " + dims[f],
                            matchesSystems ? "system '" + systems.get(f).name() + "' has levels 0 to " + (dims[f] - 1)
                                    : "declare the systems first (`system q : qudit(3)`) so " + k.label() + " has one factor per system");
                }
            }
            long dimension = 1;
            for (int d : dims) dimension *= d;
            if (dimension > interpreter.options().maxDimension()) {
                throw new BeableError(BeableError.Kind.LIMIT, k.span(), "this ket has dimension " + dimension
                        + ", over the limit of " + interpreter.options().maxDimension(), "raise the limit with --max-dim N");
            }
            ket = new QValue(Kets.basis(dims, levels), dims);
        }
        return k.bra() ? ket.with(ket.matrix().adjoint()) : ket;
    }

    /** A normalised ket or a density matrix (unit trace, Hermitian, positive), or a located error saying what is off. */
    QValue requireState(Object value, Span span, String what) {
        if (!(value instanceof QValue q) || !(q.isKet() || q.isOperator())) {
            throw new BeableError(span, what + " must be a ket or a density matrix, got " + Values.aTypeName(value));
        }
        if (q.isKet()) {
            double norm = q.matrix().norm();
            if (Math.abs(norm - 1) > NORM_TOLERANCE) {
                throw new BeableError(span, what + " is not normalised: its norm is " + Values.show(norm),
                        "divide by " + Values.show(norm) + " or write normalize(...)");
            }
            return q;
        }
        CMatrix rho = q.matrix();
        double trace = rho.trace().getReal();
        if (!rho.isHermitian(1e-9)) throw new BeableError(span, what + " is not Hermitian, so it is not a density matrix");
        if (Math.abs(trace - 1) > NORM_TOLERANCE) {
            throw new BeableError(span, what + " has trace " + Values.show(trace) + ", a density matrix needs trace 1",
                    "divide by its trace");
        }
        double smallest = Hermitian.decompose(rho).values()[0];
        if (smallest < -1e-9) {
            throw new BeableError(span, what + " has a negative eigenvalue " + Values.show(smallest) + ", so it is not a density matrix");
        }
        return q;
    }

    /** The state on the declared systems as a density matrix, checking its dimension. */
    CMatrix densityOnSystems(QValue state, Span span) {
        if (state.dimension() != layout.dimension()) {
            throw new BeableError(span, "the state has dimension " + state.dimension() + " but the declared systems ("
                    + systemNames() + ") have dimension " + layout.dimension());
        }
        return state.isKet() ? state.matrix().projector() : state.matrix();
    }

    // ------------------------------------------------------------------ detectors, experiments, models

    DetectorValue declareDetector(Stmt.DetectorDecl decl, Object outcomes) {
        Object system = interpreter.lookup(decl.system());
        if (!(system instanceof SystemValue s)) {
            throw new BeableError(decl.systemSpan(), "'" + decl.system() + "' is not a declared system",
                    systems.isEmpty() ? "declare it first: `system " + decl.system() + " : qubit`" : "the systems are: " + systemNames());
        }
        return new DetectorValue(decl.name(), s, decl.measurement(), outcomes, decl.span());
    }

    Experiment experiment(Object value, Span span) {
        if (value instanceof ExperimentValue e) return e.experiment();
        throw new BeableError(span, "expected an experiment, got " + Values.aTypeName(value),
                "declare one with `experiment name { prepare … measure … }`");
    }

    ModelValue requireModel(Object value, Span span) {
        if (value instanceof ModelValue m) return m;
        throw new BeableError(span, "expected a model, got " + Values.aTypeName(value),
                "the models are: " + String.join(", ", ModelRegistry.all().stream().map(ModelSpec::name).toList()));
    }

    SampledRun run(Object experimentValue, Object modelValue, Expr.Run where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = modelValue == null ? new QuantumModel() : requireModel(modelValue, where.model().span()).model();
        long total = Runner.totalTrials(experiment);
        long limit = interpreter.options().maxTrials();
        if (total > limit) {
            throw new BeableError(BeableError.Kind.LIMIT, where.span(), "this run would make " + total
                    + " trials, over the limit of " + limit, "lower `trials`, or raise the limit with --max-trials N");
        }
        try {
            return new Runner(interpreter.options().threads(), interpreter.cancellation(), interpreter.progress(total))
                    .run(experiment, model, interpreter.nextRunSeed());
        } catch (IllegalArgumentException e) {
            throw modelCannot(model, experiment, e, where.span());
        }
    }

    Prediction predict(Object experimentValue, Object modelValue, Expr.Predict where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = modelValue == null ? new QuantumModel() : requireModel(modelValue, where.model().span()).model();
        try {
            return Prediction.of(experiment, model);
        } catch (Prediction.NoClosedForm e) {
            throw new BeableError(where.span(), e.getMessage(), "use `run` to sample it instead");
        } catch (IllegalArgumentException e) {
            throw modelCannot(model, experiment, e, where.span());
        }
    }

    /** A model refusing this experiment (its parameters do not fit it) says why in a plain sentence; locate it. */
    private static BeableError modelCannot(OntologicalModel model, Experiment experiment, IllegalArgumentException e, Span span) {
        return new BeableError(span, model.name() + ": " + e.getMessage(), "check the parameters of " + model.name()
                + " against experiment '" + experiment.name() + "'");
    }

    /** Bell's conditions; the sampled path gets its own seed, like a run. */
    org.beable.analysis.locality.LocalityReport locality(Object experimentValue, Object modelValue, List<String> given,
                                                         Object samplesValue, Expr.Locality where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = requireModel(modelValue, where.model().span()).model();
        long samples = samplesValue == null ? DEFAULT_LOCALITY_SAMPLES : Values.integer(samplesValue, where.samples().span(), "the number of samples");
        if (samples < 1 || samples > interpreter.options().maxTrials()) {
            throw new BeableError(BeableError.Kind.LIMIT, where.span(), "a locality analysis needs between 1 and "
                    + interpreter.options().maxTrials() + " samples per setting, got " + samples, "raise the limit with --max-trials N");
        }
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>(given.isEmpty() ? model.beables() : given);
        var runner = new org.beable.model.sampling.ChunkedRunner(interpreter.options().threads(), interpreter.cancellation());
        try {
            return org.beable.analysis.locality.LocalityAnalysis.of(experiment, model, chosen,
                    new org.beable.analysis.locality.LocalityAnalysis.Sampling((int) samples, interpreter.nextRunSeed(), runner));
        } catch (IllegalArgumentException e) {
            throw new BeableError(where.span(), e.getMessage(), "the model's beables are: " + String.join(", ", model.beables()));
        }
    }

    static final long DEFAULT_LOCALITY_SAMPLES = 100_000;

    Object buildExperiment(Stmt.ExperimentDecl decl, Evaluator evaluator) {
        return new ExperimentValue(new ExperimentBuilder(interpreter, this, decl, evaluator).build());
    }

    /** `x.name`: the fields of records (analysis results, estimates) and of domain values. */
    Object field(Object target, String name, Span span) {
        if (target instanceof SystemValue s) {
            if (name.equals("dim") || name.equals("dimension")) return (double) s.dimension();
            if (name.equals("name")) return s.name();
        }
        if (target instanceof Record r) {
            for (var component : r.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return Conversions.toScript(component.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new BeableError(span, "cannot read '" + name + "'");
                    }
                }
            }
            // Derived quantities (S's value, whether a bound is exceeded) are no-argument methods of the record.
            for (var method : r.getClass().getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    try {
                        return Conversions.toScript(method.invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new BeableError(span, "cannot read '" + name + "'");
                    }
                }
            }
            for (var method : r.getClass().getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() > 0
                        && java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    return boundMethod(r, method);
                }
            }
            List<String> fields = new ArrayList<>();
            for (var component : r.getClass().getRecordComponents()) fields.add(component.getName());
            throw new BeableError(span, Values.aTypeName(target) + " has no field '" + name + "'",
                    "its fields are: " + String.join(", ", fields));
        }
        throw new BeableError(span, Values.aTypeName(target) + " has no field '" + name + "'");
    }

    /** `report.holds("PI")`: a method of a result, called with script values (numbers and strings). */
    private static Builtin boundMethod(Record target, java.lang.reflect.Method method) {
        Class<?>[] types = method.getParameterTypes();
        String signature = method.getName() + "(" + String.join(", ", java.util.Arrays.stream(types).map(Class::getSimpleName).toList()) + ")";
        return new Builtin(method.getName(), signature, "a method of " + Values.typeName(target), types.length, types.length, (it, a, n, s) -> {
            Object[] args = new Object[types.length];
            for (int k = 0; k < types.length; k++) {
                Object v = a.get(k);
                if (types[k] == String.class) args[k] = Values.show(v);
                else if (types[k] == int.class) args[k] = (int) Values.integer(v, s, "argument " + (k + 1));
                else if (types[k] == double.class) args[k] = Values.real(v, s, "argument " + (k + 1));
                else if (types[k].isEnum()) args[k] = enumConstant(types[k], Values.show(v), s);
                else args[k] = v;
            }
            try {
                return Conversions.toScript(method.invoke(target, args));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new BeableError(s, e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new BeableError(s, "cannot call " + method.getName());
            }
        });
    }

    private static Object enumConstant(Class<?> type, String name, Span span) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(name)) return constant;
            names.add(((Enum<?>) constant).name());
        }
        throw new BeableError(span, "no " + type.getSimpleName().toLowerCase() + " '" + name + "'", "one of: " + String.join(", ", names));
    }

    /** Evaluates an expression compiled ahead of time in the declaring scope. */
    @FunctionalInterface
    interface Evaluator {
        Object eval(Expr expression);
    }
}
