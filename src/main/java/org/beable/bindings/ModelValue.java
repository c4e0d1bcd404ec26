package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.interp.BareWord;
import org.beable.interp.Builtins;
import org.beable.interp.Callable;
import org.beable.interp.FunctionValue;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.RealFunction;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * A model in a script: `quantum`, `superdeterministic(kappa = 1e3)`, or one written in the script
 * (`model bell64 { … }`, which has no spec). Calling a built-in model value with named parameters
 * gives a new model with those parameters (the others keep theirs).
 */
public final class ModelValue implements Callable {
    private final ModelSpec spec;
    private final ModelArguments arguments;
    private final OntologicalModel model;

    ModelValue(ModelSpec spec, ModelArguments arguments) {
        this.lines = Lines.NONE;
        this.spec = spec;
        this.arguments = arguments;
        this.model = spec.create(arguments);
    }

    /** Where a written model's lines are: outcome rules by detector, hidden variables by name (for located errors). */
    record Lines(Map<String, Span> rules, Map<String, Span> hidden) {
        static final Lines NONE = new Lines(Map.of(), Map.of());

        /** The line a failure belongs to, or null. */
        Span of(org.beable.model.scripted.PartFailure failure) {
            return (failure.part() == org.beable.model.scripted.PartFailure.Part.OUTCOME_RULE ? rules : hidden).get(failure.name());
        }
    }

    private final Lines lines;

    /** A model written in the script: no spec, no parameters. */
    ModelValue(OntologicalModel written, Lines lines) {
        this.spec = null;
        this.arguments = null;
        this.model = written;
        this.lines = lines;
    }

    Lines lines() { return lines; }

    /** A written model's rules must name detectors the experiment has: a rule for another detector is a slip, located at the rule. */
    void checkAgainst(org.beable.experiment.Experiment experiment) {
        List<String> detectors = experiment.detectors().stream().map(org.beable.experiment.Detector::name).toList();
        for (Map.Entry<String, Span> rule : lines.rules().entrySet()) {
            if (!detectors.contains(rule.getKey())) {
                throw new BeableError(rule.getValue(), "model '" + model.name() + "' has a rule for detector " + rule.getKey()
                        + ", but experiment '" + experiment.name() + "' has no detector " + rule.getKey(),
                        "its detectors are: " + String.join(", ", detectors));
            }
        }
    }

    public OntologicalModel model() { return model; }
    /** The built-in model's spec; null for a model written in the script. */
    public ModelSpec spec() { return spec; }
    public List<String> parameterNames() {
        return spec == null ? List.of() : spec.parameters().stream().map(ModelParameter::name).toList();
    }

    @Override public String name() { return model.name(); }
    @Override public boolean takesWords() { return true; }

    @Override
    public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> named, Span span) {
        BeableError refused = refuseShape(args.size(), List.copyOf(named.keySet()), span);
        if (refused != null) throw refused;
        Map<String, Object> merged = new LinkedHashMap<>(arguments.given());
        for (Map.Entry<String, Object> e : named.entrySet()) {
            ModelParameter parameter = parameter(e.getKey(), span);
            merged.put(e.getKey(), convert(interpreter, parameter, e.getValue(), span));
        }
        try {
            return new ModelValue(spec, new ModelArguments(spec, merged));
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, org.beable.interp.PlainNumbers.of(e.getMessage()), "the parameters of " + spec.name() + ": " + parameterList());
        }
    }

    @Override
    public BeableError refuseShape(int positional, List<String> named, Span span) {
        if (spec == null) {
            return new BeableError(span, "model '" + model.name() + "' is written in the script and takes no parameters",
                    "to vary a number, write the model block inside a loop or a function");
        }
        if (positional > 0) return new BeableError(span, "a model's parameters are named", "write e.g. " + example());
        for (String name : named) if (find(name) == null) return unknownParameter(name, span);
        return null;
    }

    @Override
    public BeableError refuseValue(String parameter, Object value, Span span) {
        ModelParameter p = spec == null ? null : find(parameter);
        if (p == null) return null;
        try {
            convert(null, p, value, span);     // a literal never needs the session: no word, no script function to call
            return null;
        } catch (BeableError e) {
            return e;
        }
    }

    /** A bare word reaches a parameter that takes a name (`formulation = nonlinear`); for a number, a function or a list it is an undefined name. */
    @Override
    public boolean takesWord(String parameter) {
        ModelParameter p = spec == null ? null : find(parameter);
        return p == null || switch (p.kind()) {
            case NUMBER, FUNCTION, LIST, OPERATOR, OPERATORS -> false;
            default -> true;
        };
    }

    private ModelParameter find(String name) {
        for (ModelParameter p : spec.parameters()) if (p.name().equals(name)) return p;
        return null;
    }

    private ModelParameter parameter(String name, Span span) {
        ModelParameter p = find(name);
        if (p == null) throw unknownParameter(name, span);
        return p;
    }

    private BeableError unknownParameter(String name, Span span) {
        return new BeableError(span, "model '" + spec.name() + "' has no parameter '" + name + "'",
                spec.parameters().isEmpty() ? "it takes none" : "its parameters are: " + parameterList());
    }

    private String parameterList() {
        List<String> names = new ArrayList<>();
        for (ModelParameter p : spec.parameters()) names.add(p.name());
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private String example() {
        return spec.parameters().isEmpty() ? spec.name() : spec.name() + "(" + spec.parameters().get(0).name() + " = …)";
    }

    private static org.beable.quantum.CMatrix operator(Object v, Span span, String what) {
        if (v instanceof QValue q && q.isOperator()) return q.matrix();
        throw new BeableError(span, what + " needs an operator, got " + Values.aTypeName(v), "build one with on(Z, alice) or a matrix [a, b; c, d]");
    }

    /** A script value as the Java value the parameter's kind calls for. */
    private static Object convert(Interpreter interpreter, ModelParameter p, Object v, Span span) {
        String what = "parameter '" + p.name() + "'";
        switch (p.kind()) {
            case NUMBER:
                if (v instanceof BareWord w) throw interpreter.undefined(w.name(), w.span());
                return Values.real(v, span, what);
            case TEXT:
                if (v instanceof String s) return s;
                if (v instanceof BareWord w) return w.name();
                throw new BeableError(span, what + " needs a name, got " + Values.aTypeName(v),
                        "a name defined in the script hides the word; write it in quotes, e.g. " + p.name() + " = \"" + p.defaultValue() + "\"");
            case FUNCTION:
                if (v instanceof BareWord w) throw interpreter.undefined(w.name(), w.span());
                return realFunction(interpreter, v, span, what);
            case LIST:
                if (v instanceof BareWord w) throw interpreter.undefined(w.name(), w.span());
                return Builtins.items(v, span);
            case OPERATOR:
                if (v instanceof BareWord w) throw interpreter.undefined(w.name(), w.span());
                return operator(v, span, what);
            case OPERATORS: {
                if (v instanceof BareWord w) throw interpreter.undefined(w.name(), w.span());
                List<Object> operators = new ArrayList<>();
                List<Object> items = Builtins.items(v, span);
                for (int k = 0; k < items.size(); k++) operators.add(operator(items.get(k), span, "item " + (k + 1) + " of " + what));
                return operators;
            }
            default:
                if (v instanceof BareWord w) return w.name();     // a bare word (`order = permuted`): the model says what it accepts
                return v;
        }
    }

    /** Compiles a script function of one number into a closure a model can call per trial. */
    static RealFunction realFunction(Interpreter interpreter, Object v, Span span, String what) {
        if (v instanceof FunctionValue f) {
            if (f.arity() != 1) throw new BeableError(span, what + " needs a function of one number; " + f.name() + " takes " + f.arity());
            java.util.function.DoubleUnaryOperator compiled = f.asRealFunction(span);
            return compiled::applyAsDouble;
        }
        if (v instanceof Callable c) return x -> Values.real(interpreter.call(c, span, x), span, "the value of " + c.name());
        throw new BeableError(span, what + " needs a function of one number, got " + Values.aTypeName(v), "write e.g. x => 1 / (x^2 + 0.01)");
    }

    @Override
    public String toString() {
        if (spec == null || arguments.given().isEmpty()) return model.name();
        List<String> parts = new ArrayList<>();
        arguments.given().forEach((k, v) -> parts.add(k + " = " + (v instanceof RealFunction ? "fn" : v instanceof Double d ? Values.show(d) : String.valueOf(v))));
        return spec.name() + "(" + String.join(", ", parts) + ")";
    }
}
