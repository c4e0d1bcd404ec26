package org.beable.concurrent;

/** Thrown when a {@link Cancellation} has been cancelled (the user pressed Ctrl-C). */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
