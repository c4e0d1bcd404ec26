package org.beable.interp;

/**
 * A part of Beable that gives the language something to talk about: builtins, value types, and
 * the meaning of the statements that declare systems, detectors, experiments and models.
 *
 * <p>The language core knows no physics. Each binding registers itself in
 * {@code META-INF/services/org.beable.interp.Binding}; every new {@link Interpreter} installs them
 * in the order listed there, so a later binding may build on an earlier one's names.
 */
public interface Binding {
    void install(Interpreter interpreter);
}
