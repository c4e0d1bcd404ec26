package org.beable.bindings;

import java.util.List;
import java.util.Map;
import org.beable.interp.FunctionValue;
import org.beable.interp.Interpreter;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;

/**
 * A declared detector: its system, the expression that gives its measurement (which may read
 * one of an experiment's settings by name), and optional outcome labels. The expression is
 * compiled once per setting name into a function of that setting.
 */
final class DetectorValue {
    private final String name;
    private final Domain.SystemValue system;
    private final Expr measurement;
    private final Object outcomes;
    private final Object noClick;
    private final Span span;
    private final Map<String, FunctionValue> compiled = new java.util.concurrent.ConcurrentHashMap<>();   // sweep cells share detectors

    DetectorValue(String name, Domain.SystemValue system, Expr measurement, Object outcomes, Object noClick, Span span) {
        this.noClick = noClick;
        this.name = name;
        this.system = system;
        this.measurement = measurement;
        this.outcomes = outcomes;
        this.span = span;
    }

    String name() { return name; }
    Domain.SystemValue system() { return system; }
    Expr measurement() { return measurement; }
    Object outcomes() { return outcomes; }
    /** The outcome a detector shows when it does not click (`noclick 0`), or null. */
    Object noClick() { return noClick; }
    Span span() { return span; }

    /** The measurement expression as a function of the named setting (or of nothing, for a fixed detector). */
    FunctionValue function(Interpreter interpreter, String setting) {
        String key = setting == null ? "" : setting;
        return compiled.computeIfAbsent(key, k -> interpreter.compileFunction(name,
                setting == null ? List.of() : List.of(setting), measurement));
    }


    @Override
    public String toString() {
        return "detector " + name + " on " + system.name();
    }
}
