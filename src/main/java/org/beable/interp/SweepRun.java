package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.beable.syntax.BeableError;
import org.beable.syntax.Stmt;

/**
 * One execution of a compiled sweep. Its cells run on the session's threads (or wherever the
 * {@link StudyHook} sends them), each in a frame of its own above the sweep's enclosing frame,
 * which no cell may write; what a cell keeps or prints is held back and applied on the calling
 * thread in cell order, so the session sees exactly what a sequential loop would have made.
 */
final class SweepRun {
    /** A worker's stack: a cell may recurse as deeply as a top-level statement on the main thread. */
    private static final long WORKER_STACK = 64L << 20;

    private final Interpreter interpreter;
    private final Stmt.Sweep sweep;
    private final Node body;
    private final int frameSize;
    private final int[][] slots;

    SweepRun(Interpreter interpreter, Stmt.Sweep sweep, Node body, int frameSize, int[][] slots) {
        this.interpreter = interpreter;
        this.sweep = sweep;
        this.body = body;
        this.frameSize = frameSize;
        this.slots = slots;
    }

    void run(Frame outer, Object[] axisValues) {
        SweepGrid grid = SweepGrid.of(sweep, axisValues);
        if (grid.cells() > Integer.MAX_VALUE) throw new BeableError(sweep.span(), "a sweep of " + grid.cells() + " cells is too large");
        int cells = (int) grid.cells();
        int index = interpreter.startSweep();
        long seed = interpreter.seed();
        StudyHook.SweepPlan plan = interpreter.study().plan(index, grid);
        boolean completed = false;
        try {
            List<?>[] done = new List<?>[cells];
            long[] todo = new long[cells];
            int count = 0;
            for (int c = 0; c < cells; c++) {
                done[c] = plan.done(c);
                if (done[c] == null && plan.runsHere(c)) todo[count++] = c;
            }
            todo = java.util.Arrays.copyOf(todo, count);
            Outcome outcome = plan.remote() != null ? remote(plan, index, todo, cells) : local(plan, outer, grid, index, seed, todo, cells);
            apply(outcome, done, index);
            completed = true;
        } finally {
            plan.close(completed);
        }
    }

    /** What the cells left: each cell's effects (null where it did not finish here) and the first failure in cell order. */
    private record Outcome(List<?>[] effects, long failedCell, Throwable failure) {}

    private Outcome local(StudyHook.SweepPlan plan, Frame outer, SweepGrid grid, int index, long seed, long[] todo, int cells) {
        List<?>[] effects = new List<?>[cells];
        Cancellation cancel = interpreter.cancellation();
        LongConsumer progress = interpreter.progress(todo.length, "cells");
        AtomicInteger next = new AtomicInteger();
        AtomicLong finished = new AtomicLong();
        AtomicLong lowestFailure = new AtomicLong(Long.MAX_VALUE);
        Throwable[] failures = new Throwable[cells];
        Runnable worker = () -> {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= todo.length || cancel.isCancelled()) return;
                long cell = todo[i];
                if (cell > lowestFailure.get()) return;       // cells after a failure are never applied
                try {
                    List<Object> made = runCell(outer, grid, index, seed, cell);
                    effects[(int) cell] = made;
                    plan.finished(cell, made);
                    if (progress != null) {
                        synchronized (progress) { progress.accept(finished.incrementAndGet()); }
                    }
                } catch (CancelledException e) {
                    return;
                } catch (Throwable e) {
                    failures[(int) cell] = e;
                    lowestFailure.accumulateAndGet(cell, Math::min);
                }
            }
        };
        int threads = Math.min(todo.length, interpreter.threads() > 0 ? interpreter.threads() : Runtime.getRuntime().availableProcessors());
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(null, worker, "beable-sweep-" + t, WORKER_STACK);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                cancel.cancel();
                Thread.currentThread().interrupt();
            }
        }
        long failed = lowestFailure.get();
        return new Outcome(effects, failed, failed == Long.MAX_VALUE ? null : failures[(int) failed]);
    }

    private Outcome remote(StudyHook.SweepPlan plan, int index, long[] todo, int cells) {
        List<?>[] effects = new List<?>[cells];
        List<List<Object>> results = plan.remote().run(index, todo);
        for (int i = 0; i < todo.length; i++) {
            List<Object> made = results.get(i);
            if (!made.isEmpty() && made.get(made.size() - 1) instanceof RuntimeException failure) {
                return new Outcome(effects, todo[i], failure);       // cells are in order: the first failure is the one to report
            }
            effects[(int) todo[i]] = made;
            plan.finished(todo[i], made);
        }
        return new Outcome(effects, Long.MAX_VALUE, null);
    }

    /** Runs one cell on the current thread: its axis values in a fresh frame, its effects held back. */
    List<Object> runCell(Frame outer, SweepGrid grid, int index, long seed, long cell) {
        CellContext context = new CellContext(seed, index, cell);
        Frame frame = new Frame(frameSize, outer);
        Object[] values = grid.values(cell);
        for (int a = 0; a < slots.length; a++) {
            if (slots[a].length == 1) {
                frame.slots[slots[a][0]] = values[a];
            } else {
                List<?> parts = (List<?>) values[a];
                for (int k = 0; k < slots[a].length; k++) frame.slots[slots[a][k]] = parts.get(k);
            }
        }
        interpreter.enterCell(context);
        try {
            body.eval(frame);
        } catch (StackOverflowError e) {
            throw new BeableError(sweep.span(), "recursion too deep in a cell of this sweep", "check the base case of your recursive function");
        } finally {
            interpreter.leaveCell();
        }
        return context.effects;
    }

    /**
     * Puts the cells' rows into their tables and their lines on the output, in cell order: the
     * finished cells before a failure (then the failure), or every finished cell when cancelled.
     */
    private void apply(Outcome outcome, List<?>[] done, int index) {
        long end = outcome.failure == null ? outcome.effects.length : outcome.failedCell;
        for (int c = 0; c < end; c++) {
            List<?> effects = outcome.effects[c] != null ? outcome.effects[c] : done[c];
            if (effects == null) continue;
            for (Object e : effects) {
                if (e instanceof KeptRow row) interpreter.applyRow(row, index, c);
                else if (e instanceof PrintedLine p) interpreter.output().print(p.values());
                else if (e instanceof String carried) interpreter.output().printCarried(carried);     // journaled or remote
            }
        }
        if (outcome.failure instanceof RuntimeException e) throw e;
        if (outcome.failure instanceof Error e) throw e;
        if (outcome.failure != null) throw new InternalFailure(sweep.span(), "this sweep", outcome.failure);
        interpreter.cancellation().throwIfCancelled();
    }
}
