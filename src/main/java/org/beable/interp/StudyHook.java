package org.beable.interp;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the cells of a session's sweeps run and what their rows become beyond the session. By
 * default every cell runs here, on the session's threads; shards, resumed runs and Spark plug in
 * through this (package org.beable.study), so the language core knows nothing of files or clusters.
 */
public interface StudyHook {
    StudyHook LOCAL = new StudyHook() {};

    /** How to get the cells of the session's {@code sweep}-th sweep (counted from 0 over the whole session). */
    default SweepPlan plan(int sweep, SweepGrid grid) {
        return SweepPlan.ALL_HERE;
    }

    /** A row reaches its table, made by {@code cell} of {@code sweep} (both -1 outside any sweep); main thread, in order. */
    default void rowKept(KeptRow row, int sweep, long cell) {
    }

    /** Before `export` writes table {@code table} to {@code target}: true when the hook wrote something else instead. */
    default boolean export(String table, Path target) {
        return false;
    }

    /** After `export` wrote {@code target}. */
    default void exported(String table, Path target) {
    }

    /** One sweep's cells: which run here, which are known already, and who is told when one finishes. */
    interface SweepPlan {
        SweepPlan ALL_HERE = cell -> true;

        /** Whether this process runs {@code cell} (a shard runs every K-th; a resumed run skips the done ones). */
        boolean runsHere(long cell);

        /** What a cell finished in an earlier run left ({@link KeptRow}s, printed lines as text), or null. */
        default List<?> done(long cell) {
            return null;
        }

        /**
         * A cell that ran here finished with these effects ({@link KeptRow}s, {@link PrintedLine}s, or
         * lines of text from a remote cell); called from any thread, in any order.
         */
        default void finished(long cell, List<Object> effects) {
        }

        /** Runs the given cells somewhere else (Spark), or null to run them on local threads. */
        default RemoteCells remote() {
            return null;
        }

        /** Called once the sweep's rows are all in their tables ({@code completed}), or it was cancelled or failed. */
        default void close(boolean completed) {
        }
    }

    /**
     * Cells run elsewhere, returning each cell's effects in the order of {@code cells}: rows, and
     * printed lines as text; a cell that failed ends its effects with the error (a RuntimeException).
     */
    interface RemoteCells {
        List<List<Object>> run(int sweep, long[] cells);
    }
}
