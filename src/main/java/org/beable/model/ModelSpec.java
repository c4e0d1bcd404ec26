package org.beable.model;

import java.util.List;

/**
 * A model as users name it: its parameters and how to build it from them. Each model class
 * has one spec, listed in {@link ModelRegistry}; the interpreter turns every spec into a
 * script value (`quantum`, `superdeterministic(kappa = 1e3)`).
 */
public interface ModelSpec {
    String name();

    /** One line for help and the comparison tables. */
    String summary();

    List<ModelParameter> parameters();

    /** Builds the model; throws IllegalArgumentException with a plain sentence on bad parameters. */
    OntologicalModel create(ModelArguments arguments);
}
