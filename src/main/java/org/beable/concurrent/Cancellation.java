package org.beable.concurrent;

/**
 * A cooperative cancel flag. Long computations check it between chunks of work (see
 * {@link ChunkedRunner}); whoever holds it, typically the REPL's Ctrl-C handler, calls
 * {@link #cancel()} from any thread. Once cancelled it stays cancelled until
 * {@link #reset()}: a REPL keeps one flag for its session (compiled loops hold it) and
 * resets it before each command.
 */
public final class Cancellation {

    private static final Cancellation NONE = new Cancellation(false);

    private final boolean cancellable;
    private volatile boolean cancelled;

    /** A fresh flag, not cancelled. */
    public Cancellation() {
        this(true);
    }

    private Cancellation(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /**
     * The shared flag that is never cancelled, for runs nobody can interrupt (scripts,
     * tests); its {@link #cancel()} throws rather than cancel every other user of it.
     */
    public static Cancellation none() {
        return NONE;
    }

    /**
     * Requests cancellation; safe from any thread (a signal handler included) and
     * idempotent.
     *
     * @throws UnsupportedOperationException on {@link #none()}
     */
    public void cancel() {
        if (!cancellable) {
            throw new UnsupportedOperationException("Cancellation.none() cannot be cancelled");
        }
        cancelled = true;
    }

    /** Clears a cancellation, before the next command of a session. */
    public void reset() {
        cancelled = false;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException if cancelled */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    @Override
    public String toString() {
        return cancellable ? (cancelled ? "Cancellation[cancelled]" : "Cancellation[active]")
                : "Cancellation.none()";
    }
}
