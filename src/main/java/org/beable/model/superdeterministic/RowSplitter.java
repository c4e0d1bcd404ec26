package org.beable.model.superdeterministic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads sharing one master-equation solve: at each evaluation a helper thread may compute
 * one part (half the rows of the matrix products) while the caller computes the other. An
 * evaluation at N = 64 lasts about a tenth of a millisecond — too short for a thread pool — so
 * the hand-off is one atomic state word: the part is posted, whoever claims it first runs it, and
 * a caller that finishes its own half before the helper woke up simply runs the other half too.
 * A busy machine therefore costs no more than one thread would. Rows are split, not sums, so the
 * numbers are identical with or without the helper.
 */
final class RowSplitter implements AutoCloseable {
    private static final int IDLE = 0;
    private static final int POSTED = 1;
    private static final int CLAIMED = 2;
    private static final int DONE = 3;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Thread helper;
    private volatile Runnable task;
    private volatile boolean closed;
    private volatile Throwable failure;

    RowSplitter() {
        helper = new Thread(this::work, "beable-master-equation");
        helper.setDaemon(true);
        helper.start();
    }

    private void work() {
        int idle = 0;
        while (!closed) {
            if (state.get() == POSTED && state.compareAndSet(POSTED, CLAIMED)) {
                try {
                    task.run();
                } catch (Throwable t) {
                    failure = t;
                }
                state.set(DONE);
                idle = 0;
            } else if (++idle < 10_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    /** Runs {@code theirs} (on the helper if it is ready, else here) and {@code mine} here; returns when both are done. */
    void run(Runnable theirs, Runnable mine) {
        task = theirs;
        state.set(POSTED);
        LockSupport.unpark(helper);
        mine.run();
        if (state.compareAndSet(POSTED, IDLE)) {
            theirs.run();                                    // the helper did not start: do it here
            return;
        }
        for (int spins = 0; state.get() != DONE; spins++) {
            if (spins < 2_000) Thread.onSpinWait();
            else Thread.yield();
        }
        state.set(IDLE);
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
