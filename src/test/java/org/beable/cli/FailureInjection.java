package org.beable.cli;

import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;

/**
 * A test-only binding: while the system property {@value #PROPERTY} is set, sessions get a
 * builtin {@code internal_failure()} that fails as a bug in Beable would (a NullPointerException),
 * so the tests can see how an internal error reaches the user.
 */
public final class FailureInjection implements Binding {
    static final String PROPERTY = "beable.test.injectFailure";

    @Override
    public void install(Interpreter interpreter) {
        if (System.getProperty(PROPERTY) == null) return;
        interpreter.define("internal_failure", new Builtin("internal_failure", "internal_failure()",
                "fails like a bug in Beable (tests only)", 0, 0, (in, args, named, span) -> {
                    Object nothing = null;
                    return nothing.hashCode();
                }));
    }
}
