package org.beable.model.grw;

/** The two presentations of GRW in Norsen's paper (after GGBF). */
enum Formulation {
    /** Each measurement looks at the state: the larger projection wins, the coin breaks ties; the state collapses. */
    NONLINEAR,
    /** Each coin sets its side's outcome; the unnormalised projections re-weight ("cook") the raw coin probabilities. */
    LINEAR_COOKING;

    static Formulation parse(String text) {
        return switch (text) {
            case "nonlinear", "non_linear" -> NONLINEAR;
            case "linear_cooking", "linear" -> LINEAR_COOKING;
            default -> throw new IllegalArgumentException("grw: formulation must be nonlinear or linear_cooking, got '" + text + "'");
        };
    }
}
