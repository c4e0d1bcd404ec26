package org.beable.model.sampling;

/**
 * One chunk's worth of outcomes per thread, reused from chunk to chunk: counting samplers draw a
 * chunk into it and tally it, so a run holds one buffer per worker instead of one slot per trial.
 */
public final class ChunkBuffer {
    private static final ThreadLocal<int[]> BUFFERS = ThreadLocal.withInitial(() -> new int[ChunkedRunner.CHUNK]);
    private static final ThreadLocal<int[]> COMBINATIONS = ThreadLocal.withInitial(() -> new int[ChunkedRunner.CHUNK]);

    private ChunkBuffer() {}

    /** The calling thread's buffer of {@link ChunkedRunner#CHUNK} ints; its contents are not kept between calls. */
    public static int[] get() {
        return BUFFERS.get();
    }

    /** A second buffer of the calling thread, for the setting combination of each trial beside its outcome in {@link #get}. */
    public static int[] combinations() {
        return COMBINATIONS.get();
    }
}
