package org.beable.interp;

/** Unwinds a function body on `return`; carries no stack trace, so it costs little. */
final class ReturnSignal extends RuntimeException {
    final transient Object value;

    ReturnSignal(Object value) {
        super(null, null, false, false);
        this.value = value;
    }
}
