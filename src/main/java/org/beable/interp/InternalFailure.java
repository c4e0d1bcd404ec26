package org.beable.interp;

import org.beable.syntax.Span;

/**
 * An exception Beable did not expect: a bug in Beable, not in the script. It keeps what was being
 * evaluated, where in the script, and the original exception, so the command line can say it in
 * one line (exit 3) and print the whole trace under --debug.
 */
public final class InternalFailure extends RuntimeException {
    private final transient Span span;
    private final String evaluating;

    public InternalFailure(Span span, String evaluating, Throwable cause) {
        super(cause);
        this.span = span;
        this.evaluating = evaluating;
    }

    public Span span() { return span; }

    /** One line: where, what, and that it is Beable's fault. */
    public String render() {
        Throwable cause = getCause();
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return span.location() + ": internal error in Beable while evaluating "
                + evaluating + " (" + what + "); this is a bug in Beable, not in the script";
    }
}
