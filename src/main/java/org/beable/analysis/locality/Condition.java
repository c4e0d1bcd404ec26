package org.beable.analysis.locality;

/** Bell's conditions (docs/language.md ("Run, predict and locality")), in the order the verdict table lists them. */
public enum Condition {
    PI("parameter independence", "P(o_i | s, λ) does not change with any remote setting"),
    OI("outcome independence", "P(o | s, λ) = Π_i P(o_i | s, λ)"),
    LC("local causality", "P(o | s, λ) = Π_i P(o_i | s_i, λ)"),
    NS("no-signalling", "the λ-averaged P(o_i | s) does not change with any remote setting"),
    SI("statistical independence", "p(λ | s) does not change with s");

    public final String title;
    public final String definition;

    Condition(String title, String definition) {
        this.title = title;
        this.definition = definition;
    }
}
