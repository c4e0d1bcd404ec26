package org.beable.model;

/**
 * One named parameter of a model: what the user writes in `superdeterministic(kappa = 1e3)`.
 * The default is shown in help (null: required, or "not set" for optional ones).
 */
public record ModelParameter(String name, Kind kind, Object defaultValue, String help) {
    /** What a parameter accepts; the interpreter converts script values accordingly. */
    public enum Kind {
        /** a real number (Double) */
        NUMBER,
        /** a name or word (String), e.g. `formulation = nonlinear` — bare words are accepted as text */
        TEXT,
        /** a function of one real number, compiled to a {@link RealFunction} */
        FUNCTION,
        /** a list (List of converted values) */
        LIST,
        /** an operator on the declared systems, as a {@link org.beable.quantum.CMatrix} */
        OPERATOR,
        /** a list of operators, as a List of {@link org.beable.quantum.CMatrix} */
        OPERATORS,
        /** any script value, passed through (a distribution object, a state, a function of several arguments) */
        ANY
    }
}
