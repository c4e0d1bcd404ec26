package org.beable.interp;

/**
 * A computation deep inside a value (a sparse operator asked for its dense form, say) would go
 * over one of the session's limits. It is thrown where the span is not known; the interpreter
 * turns it into a located limit error at the call or statement that asked for it.
 */
public final class LimitExceeded extends RuntimeException {
    private final String hint;

    public LimitExceeded(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() { return hint; }
}
