package org.beable.bindings;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.beable.experiment.Experiment;
import org.beable.interp.Builtin;
import org.beable.interp.Compilation;
import org.beable.interp.Interpreter;
import org.beable.interp.Node;
import org.beable.interp.NoneValue;
import org.beable.interp.Physics;
import org.beable.interp.Values;
import org.beable.model.ModelArguments;
import org.beable.model.ModelRegistry;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.quantum.DenseLimit;
import org.beable.quantum.Hermitian;
import org.beable.quantum.Kets;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * A session's physics: declared systems, kets written in Dirac notation, state checks,
 * detectors, experiments, models, `run` / `predict` / `locality`, and the results kept with
 * `row`, `plot` and `export`. It compiles the nodes the language core hands it and translates
 * script values into the experiment and model library, which knows nothing of the interpreter.
 */
final class Domain implements Physics {
    record SystemValue(String name, int index, int dimension) {
        @Override public String toString() { return "system " + name + " : " + (dimension == 2 ? "qubit" : "qudit(" + dimension + ")"); }
    }

    record ExperimentValue(Experiment experiment) {
        @Override public String toString() { return ExperimentDescription.of(experiment); }
    }

    private static final double NORM_TOLERANCE = 1e-9;

    private final Interpreter interpreter;
    private final List<SystemValue> systems = new ArrayList<>();
    private SystemLayout layout = new SystemLayout(List.of(), new int[0]);

    private final Keeping keeping;

    Domain(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.keeping = new Keeping(interpreter);
        for (ModelSpec spec : ModelRegistry.all()) interpreter.define(spec.name(), new ModelValue(spec, ModelArguments.none(spec)));
    }

    /** The physics a binding gave this session. */
    static Domain of(Interpreter interpreter) {
        return (Domain) interpreter.physics();
    }

    // ------------------------------------------------------------------ the nodes the core hands over

    @Override
    public Node system(Stmt.SystemDecl s, Compilation c) {
        Node dim = s.dimension() == null ? f -> 2.0 : c.expression(s.dimension());
        return f -> {
            int d = (int) Values.integer(dim.eval(f), s.span(), "a qudit's dimension");
            for (String name : s.names()) interpreter.define(name, declareSystem(name, d, s.span()));
            return NoneValue.NONE;
        };
    }

    @Override
    public Node state(Stmt.StateDecl s, Compilation c) {
        Node value = c.expression(s.value());
        Span span = s.value().span();
        return c.define(s.name(), f -> requireState(value.eval(f), span, "state " + s.name()));
    }

    @Override
    public Node detector(Stmt.DetectorDecl s, Compilation c) {
        Node outcomes = s.outcomes() == null ? null : c.expression(s.outcomes());
        Node noClick = s.noClick() == null ? null : c.expression(s.noClick());
        return c.define(s.name(), f -> declareDetector(s, outcomes == null ? null : outcomes.eval(f), noClick == null ? null : noClick.eval(f)));
    }

    @Override
    public Node experiment(Stmt.ExperimentDecl s, Compilation c) {
        Map<Expr, Node> compiled = new IdentityHashMap<>();
        for (Stmt.Clause clause : s.clauses()) {
            for (Expr e : ClauseExpressions.of(clause)) compiled.put(e, c.expression(e));
        }
        return c.define(s.name(), f -> buildExperiment(s, e -> compiled.get(e).eval(f)));
    }

    @Override
    public Node model(Stmt.ModelDecl s, Compilation c) {
        Node value = c.expression(s.value());
        return c.define(s.name(), f -> requireModel(value.eval(f), s.value().span()));
    }

    @Override
    public Node modelBlock(Stmt.ModelBlock s, Compilation c) {
        ModelBlock block = new ModelBlock(interpreter, s, c);
        return c.define(s.name(), f -> new ModelValue(block.build(f), block.lines()));
    }

    @Override
    public Node row(Stmt.Row s, Compilation c) {
        Node[] values = c.expressions(s.values());
        return f -> {
            List<Object> evaluated = new ArrayList<>(values.length);
            for (Node v : values) evaluated.add(v.eval(f));
            keeping.row(s.table(), s.columns(), evaluated, s.span());
            return NoneValue.NONE;
        };
    }

    @Override
    public Node plot(Stmt.Plot s, Compilation c) {
        Node path = s.path() == null ? null : c.expression(s.path());
        Node title = s.title() == null ? null : c.expression(s.title());
        return f -> {
            keeping.plot(s.ys(), s.x(), s.table(), path == null ? null : path.eval(f), title == null ? null : title.eval(f), s.span());
            return NoneValue.NONE;
        };
    }

    @Override
    public Node export(Stmt.Export s, Compilation c) {
        Node value = c.expression(s.value());
        Node path = c.expression(s.path());
        return f -> { keeping.export(value.eval(f), path.eval(f), s.span()); return NoneValue.NONE; };
    }

    @Override
    public Node ket(Expr.Ket k, Compilation c) {
        return f -> ket(k);
    }

    @Override
    public Node matrix(Expr.MatrixLit m, Compilation c) {
        List<Node[]> rows = new ArrayList<>();
        for (List<Expr> row : m.rows()) rows.add(c.expressions(row));
        int cols = rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != cols) {
                throw new BeableError(m.span(), "row " + (r + 1) + " of the matrix has " + rows.get(r).length
                        + " entries, the first row has " + cols);
            }
        }
        return f -> {
            double[][] re = new double[rows.size()][cols];
            double[][] im = new double[rows.size()][cols];
            for (int r = 0; r < rows.size(); r++) {
                for (int col = 0; col < cols; col++) {
                    Complex z = Values.complex(rows.get(r)[col].eval(f), m.span(), "a matrix entry");
                    re[r][col] = z.getReal();
                    im[r][col] = z.getImaginary();
                }
            }
            return QValue.single(CMatrix.of(re, im));
        };
    }

    @Override
    public Node run(Expr.Run r, Compilation c) {
        Node experiment = c.expression(r.experiment());
        Node model = r.model() == null ? null : c.expression(r.model());
        return f -> run(experiment.eval(f), model == null ? null : model.eval(f), r);
    }

    @Override
    public Node predict(Expr.Predict p, Compilation c) {
        Node experiment = c.expression(p.experiment());
        Node model = p.model() == null ? null : c.expression(p.model());
        return f -> predict(experiment.eval(f), model == null ? null : model.eval(f), p);
    }

    @Override
    public Node locality(Expr.Locality l, Compilation c) {
        Node experiment = c.expression(l.experiment());
        Node model = c.expression(l.model());
        Node samples = l.samples() == null ? null : c.expression(l.samples());
        return f -> locality(experiment.eval(f), model.eval(f), l.given(), samples == null ? null : samples.eval(f), l);
    }

    @Override
    public Node localityStatement(Expr.Locality l, Compilation c) {
        Node verdicts = locality(l, c);
        return f -> { interpreter.output().print(List.of(verdicts.eval(f))); return NoneValue.NONE; };
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
        // Declaring systems allocates nothing of that size: the state space is bounded by the sparse
        // limit, and dense matrices on it by --max-dim where they are made.
        if (total > interpreter.options().sparseLimit()) {
            throw new BeableError(BeableError.Kind.LIMIT, span, "declaring '" + name + "' makes the joint dimension " + total
                    + ", over the limit of " + interpreter.options().sparseLimit() + " for state spaces",
                    "raise the limit with --max-sparse-dim N");
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
            interpreter.checkSparseDimension(dimension, k.span(), "this ket");
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

    /** Refuses a state whose dimension is not that of the declared systems. */
    void requireOnSystems(QValue state, Span span) {
        if (state.dimension() != layout.dimension()) {
            throw new BeableError(span, "the state has dimension " + state.dimension() + " but the declared systems ("
                    + systemNames() + ") have dimension " + layout.dimension());
        }
    }

    /** The state on the declared systems as a density matrix, checking its dimension. */
    CMatrix densityOnSystems(QValue state, Span span) {
        requireOnSystems(state, span);
        if (state.isKet()) interpreter.checkDimension(state.dimension(), span, "the density matrix of this state");
        return state.isKet() ? state.matrix().projector() : state.matrix();
    }

    // ------------------------------------------------------------------ detectors, experiments, models

    DetectorValue declareDetector(Stmt.DetectorDecl decl, Object outcomes, Object noClick) {
        Object system = interpreter.lookup(decl.system());
        if (!(system instanceof SystemValue s)) throw notASystem(decl, systems.stream().map(SystemValue::name).toList());
        DetectorValue detector = new DetectorValue(decl.name(), s, decl.measurement(), outcomes, noClick, decl.span());
        checkNow(detector, decl, s);
        return detector;
    }

    /**
     * A measurement that reads no setting (every name in it is defined already) is checked where it
     * is declared: a basis that is not orthonormal, or an observable holding nan, is reported at
     * the detector, not later at the experiment that measures it.
     */
    private void checkNow(DetectorValue detector, Stmt.DetectorDecl decl, SystemValue system) {
        for (String name : org.beable.interp.FreeNames.of(decl.measurement())) if (interpreter.lookup(name) == null) return;
        Object measurement = detector.function(interpreter, null).call(interpreter, List.of(), Map.of(), decl.measurement().span());
        try {
            Measurements.of(measurement, system.dimension(), decl.measurement().span());
        } catch (BeableError e) {
            throw e.at(decl.measurement().span());
        }
    }

    @Override
    public BeableError notASystem(Stmt.DetectorDecl decl, List<String> systems) {
        return new BeableError(decl.systemSpan(), "'" + decl.system() + "' is not a declared system",
                systems.isEmpty() ? "declare it first: `system " + decl.system() + " : qubit`" : "the systems are: " + String.join(", ", systems));
    }

    Experiment experiment(Object value, Span span) {
        if (value instanceof ExperimentValue e) return e.experiment();
        throw new BeableError(span, "expected an experiment, got " + Values.aTypeName(value),
                "declare one with `experiment name { prepare … measure … }`");
    }

    /** The model a `run`, `predict` or `locality` uses; a model written in the script is first checked against the experiment. */
    private OntologicalModel modelFor(Experiment experiment, Object value, Span span) {
        ModelValue model = requireModel(value, span);
        model.checkAgainst(experiment);
        return model.model();
    }

    ModelValue requireModel(Object value, Span span) {
        if (value instanceof ModelValue m) return m;
        throw new BeableError(span, "expected a model, got " + Values.aTypeName(value),
                "the models are: " + String.join(", ", ModelRegistry.all().stream().map(ModelSpec::name).toList()));
    }

    SampledRun run(Object experimentValue, Object modelValue, Expr.Run where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = modelValue == null ? new QuantumModel() : modelFor(experiment, modelValue, where.model().span());
        long total = Runner.totalTrials(experiment);
        long limit = interpreter.options().maxTrials();
        if (total > limit) {
            throw new BeableError(BeableError.Kind.LIMIT, where.span(), "this run would make " + total
                    + " trials, over the limit of " + limit, "lower `trials`, or raise the limit with --max-trials N");
        }
        try {
            return new Runner(interpreter.threads(), interpreter.cancellation(), interpreter.progress(total))
                    .run(experiment, model, interpreter.nextRunSeed());
        } catch (DenseLimit.Exceeded e) {
            throw overDenseLimit(e, model, where.span());
        } catch (IllegalArgumentException e) {
            throw modelCannot(modelValue, model, experiment, e, where.span());
        }
    }

    Prediction predict(Object experimentValue, Object modelValue, Expr.Predict where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = modelValue == null ? new QuantumModel() : modelFor(experiment, modelValue, where.model().span());
        try {
            return Prediction.of(experiment, model);
        } catch (Prediction.NoClosedForm e) {
            throw new BeableError(where.span(), e.getMessage(), "use `run` to sample it instead");
        } catch (DenseLimit.Exceeded e) {
            throw overDenseLimit(e, model, where.span());
        } catch (IllegalArgumentException e) {
            throw modelCannot(modelValue, model, experiment, e, where.span());
        }
    }

    /**
     * A model that works on dense matrices asked for one over --max-dim (an experiment's unitary,
     * its density matrix): the session's limit message, naming the model that needed it.
     */
    private static BeableError overDenseLimit(DenseLimit.Exceeded e, OntologicalModel model, Span span) {
        return new BeableError(BeableError.Kind.LIMIT, span, model.name() + ": " + e.getMessage(),
                "raise the limit with --max-dim N (memory grows as N²), or use a model that works on kets (quantum, for a pure state)");
    }

    /**
     * A model refusing this experiment (its parameters do not fit it) says why in a plain sentence;
     * locate it — at the line of a written model the refusal belongs to, else where the model was used.
     */
    private static BeableError modelCannot(Object modelValue, OntologicalModel model, Experiment experiment, IllegalArgumentException e,
                                           Span span) {
        if (e instanceof org.beable.model.scripted.PartFailure part && modelValue instanceof ModelValue written) {
            Span line = written.lines().of(part);
            if (line != null) {
                return new BeableError(line, "model " + model.name() + ": " + e.getMessage(), "found while evaluating the model for "
                        + span.location() + " (experiment '" + experiment.name() + "')");
            }
        }
        String hint = model instanceof org.beable.model.scripted.ScriptedModel
                ? "check the rules of model " + model.name() + " against experiment '" + experiment.name() + "'"
                : "check the parameters of " + model.name() + " against experiment '" + experiment.name() + "'";
        String message = e.getMessage().startsWith("model '" + model.name() + "'") ? e.getMessage() : model.name() + ": " + e.getMessage();
        return new BeableError(span, message, hint);
    }

    /** Bell's conditions; the sampled path gets its own seed, like a run. */
    org.beable.analysis.locality.LocalityReport locality(Object experimentValue, Object modelValue, List<String> given,
                                                         Object samplesValue, Expr.Locality where) {
        Experiment experiment = experiment(experimentValue, where.experiment().span());
        OntologicalModel model = modelFor(experiment, modelValue, where.model().span());
        long samples = samplesValue == null ? DEFAULT_LOCALITY_SAMPLES : Values.integer(samplesValue, where.samples().span(), "the number of samples");
        if (samples < 1 || samples > interpreter.options().maxTrials()) {
            throw new BeableError(BeableError.Kind.LIMIT, where.span(), "a locality analysis needs between 1 and "
                    + interpreter.options().maxTrials() + " samples per setting, got " + samples, "raise the limit with --max-trials N");
        }
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>(given.isEmpty() ? model.beables() : given);
        var runner = new org.beable.model.sampling.ChunkedRunner(interpreter.threads(), interpreter.cancellation());
        try {
            return org.beable.analysis.locality.LocalityAnalysis.of(experiment, model, chosen,
                    new org.beable.analysis.locality.LocalityAnalysis.Sampling((int) samples, interpreter.nextRunSeed(), runner));
        } catch (org.beable.model.scripted.PartFailure e) {
            throw modelCannot(modelValue, model, experiment, e, where.span());
        } catch (DenseLimit.Exceeded e) {
            throw overDenseLimit(e, model, where.span());
        } catch (IllegalArgumentException e) {
            throw new BeableError(where.span(), e.getMessage(), "the model's beables are: " + String.join(", ", model.beables()));
        }
    }

    static final long DEFAULT_LOCALITY_SAMPLES = 100_000;

    Object buildExperiment(Stmt.ExperimentDecl decl, Evaluator evaluator) {
        return new ExperimentValue(new ExperimentBuilder(interpreter, this, decl, evaluator).build());
    }

    /** Evaluates an expression compiled ahead of time in the declaring scope. */
    @FunctionalInterface
    interface Evaluator {
        Object eval(Expr expression);
    }
}
