package org.beable.model.superdeterministic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Two threads sharing one master-equation solve. Each evaluation's matrix products are cut into
 * blocks of rows; the caller and a helper thread take blocks from one counter until none is left.
 * An evaluation at N = 64 lasts about a tenth of a millisecond — too short for a thread pool — and
 * a helper that wakes late (a busy machine) simply gets fewer blocks, so sharing never costs more
 * than a block's wait. Rows are split, not sums, so the numbers are identical with or without
 * the helper.
 */
final class RowSplitter implements AutoCloseable {
    private static final int IDLE = 0;
    private static final int POSTED = 1;
    private static final int CLAIMED = 2;
    private static final int DONE = 3;
    /** Spins before the idle helper parks: long enough to bridge the integrator's work between evaluations. */
    private static final int SPINS = 50_000;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final AtomicInteger next = new AtomicInteger();
    private final Thread helper;
    private volatile IntConsumer body;
    private volatile int blocks;
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
                    drain(body, blocks);
                } catch (Throwable t) {
                    failure = t;
                    next.set(Integer.MAX_VALUE / 2);             // stop the caller taking more blocks
                }
                state.set(DONE);
                idle = 0;
            } else if (++idle < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private void drain(IntConsumer work, int count) {
        for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) work.accept(b);
    }

    /** Runs {@code body} for blocks 0 … count−1, on this thread and the helper; returns when all are done. */
    void forEach(int count, IntConsumer work) {
        body = work;
        blocks = count;
        next.set(0);
        state.set(POSTED);
        LockSupport.unpark(helper);
        drain(work, count);
        if (!state.compareAndSet(POSTED, IDLE)) {              // the helper took part: wait for its last block
            for (int spins = 0; state.get() != DONE; spins++) {
                if (spins < 10_000) Thread.onSpinWait();
                else Thread.yield();
            }
            state.set(IDLE);
        }
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
