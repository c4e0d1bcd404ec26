package org.beable.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a user gave a model, already converted to Java values (Double, String,
 * RealFunction, List, …) and checked against the model's {@link ModelParameter}s. Getters fall
 * back to the declared default.
 */
public final class ModelArguments {
    private final ModelSpec spec;
    private final Map<String, Object> values;

    public ModelArguments(ModelSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = new LinkedHashMap<>(values);
        for (String name : values.keySet()) {
            if (spec.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("model '" + spec.name() + "' has no parameter '" + name + "'"
                        + (spec.parameters().isEmpty() ? "; it takes none" : "; its parameters are: " + String.join(", ",
                        spec.parameters().stream().map(ModelParameter::name).toList())));
            }
        }
    }

    public static ModelArguments none(ModelSpec spec) {
        return new ModelArguments(spec, Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The given value, or the declared default (null if neither). */
    public Object get(String name) {
        if (values.containsKey(name)) return values.get(name);
        for (ModelParameter p : spec.parameters()) if (p.name().equals(name)) return p.defaultValue();
        throw new IllegalArgumentException("model '" + spec.name() + "' declares no parameter '" + name + "'");
    }

    public double number(String name) {
        Object v = get(name);
        if (v instanceof Double d) return d;
        throw new IllegalArgumentException(spec.name() + ": parameter '" + name + "' needs a number" + (v == null ? "" : ", got " + v));
    }

    public String text(String name) {
        Object v = get(name);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(spec.name() + ": parameter '" + name + "' needs a name" + (v == null ? "" : ", got " + v));
    }

    public RealFunction function(String name) {
        Object v = get(name);
        if (v instanceof RealFunction f) return f;
        throw new IllegalArgumentException(spec.name() + ": parameter '" + name + "' needs a function of one number");
    }

    public List<?> list(String name) {
        Object v = get(name);
        if (v instanceof List<?> l) return l;
        throw new IllegalArgumentException(spec.name() + ": parameter '" + name + "' needs a list");
    }

    /** The arguments as given (for display: `superdeterministic(kappa = 1000)`). */
    public Map<String, Object> given() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
