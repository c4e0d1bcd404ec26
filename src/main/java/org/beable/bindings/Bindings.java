package org.beable.bindings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;

/** What front ends (completion, help) and Java callers (tests, benchmarks) may ask of a session's physics. */
public final class Bindings {
    private Bindings() {}

    /** Models in scope, by name, with their parameter names. */
    public static Map<String, List<String>> models(Interpreter interpreter) {
        Map<String, List<String>> models = new TreeMap<>();
        for (String name : interpreter.names()) {
            if (interpreter.lookup(name) instanceof ModelValue m) models.put(name, m.parameterNames());
        }
        return models;
    }

    /** A declared experiment; null if the name holds none. */
    public static Experiment experiment(Interpreter interpreter, String name) {
        return interpreter.lookup(name) instanceof Domain.ExperimentValue e ? e.experiment() : null;
    }
}
