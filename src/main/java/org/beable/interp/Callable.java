package org.beable.interp;

import java.util.List;
import java.util.Map;
import org.beable.syntax.BeableError;
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

    /** Whether a bare word given for this one named parameter reaches the callee as a word (the static check asks per parameter). */
    default boolean takesWord(String parameter) {
        return takesWords();
    }

    /**
     * The error a call of this shape (so many positional arguments, these named ones) gets before
     * any argument's value matters, or null when the shape is fine. {@code call} raises the same
     * error, so the static check and the running script say the same thing.
     */
    default BeableError refuseShape(int positional, List<String> named, Span span) {
        return null;
    }

    /**
     * The error a named argument with this value (a literal: a number, a string, a boolean) gets
     * when the call converts it, or null when it converts; located at the call, as {@code call} locates it.
     */
    default BeableError refuseValue(String parameter, Object value, Span span) {
        return null;
    }
}
