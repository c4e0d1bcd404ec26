package org.beable.interp;

import java.util.List;
import java.util.Map;
import org.beable.syntax.Span;

/** Anything a script can call: user functions, lambdas, builtins, model constructors. */
public interface Callable {
    String name();

    Object call(Interpreter interpreter, List<Object> args, Map<String, Object> named, Span span);

    /**
     * Whether an undefined bare name given as a named argument reaches it as a {@link BareWord}
     * (a model's `formulation = nonlinear`); for every other callee it is an undefined name.
     */
    default boolean takesWords() {
        return false;
    }
}
