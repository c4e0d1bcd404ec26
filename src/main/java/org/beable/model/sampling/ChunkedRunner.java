package org.beable.model.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.beable.random.RandomStreams;

/**
 * Runs {@code n} trials in parallel, reproducibly.
 *
 * <p>The trials are cut into chunks of {@link #CHUNK} (the last one shorter); chunk
 * {@code c} covers trials {@code [c * CHUNK, min(n, (c + 1) * CHUNK))} and draws from
 * its own generator {@code RandomStreams.stream(seed, streamId, c)}. The chunking does
 * not depend on the number of threads, and a chunk's random numbers do not depend on
 * which thread runs it or when, so a task that writes chunk results into disjoint
 * ranges of the caller's arrays, or adds integer counts, gets bit-identical results for
 * every thread count.
 *
 * <p>Chunks are handed out in increasing order to {@code threads} workers of a
 * {@link ForkJoinPool} made for the run (a run of one chunk, or with one thread, stays
 * on the calling thread). Between chunks every worker checks the {@link Cancellation};
 * once it is cancelled no new chunk starts, the running ones finish, and
 * {@code run} throws {@link CancelledException}. Interrupting the calling thread
 * cancels the run the same way. If a task throws, no new chunk starts and the
 * exception is rethrown from {@code run}.
 *
 * <p>An optional progress hook receives the number of trials completed so far after
 * each chunk: the calls are serialised and the numbers strictly increase, ending at
 * {@code n}. It runs on worker threads while others wait for it, so it must be cheap
 * (store the number in a volatile field and let the terminal redraw on its own clock).
 */
public final class ChunkedRunner {

    /** Trials per chunk: the unit of random streams, scheduling, cancellation and progress. */
    public static final int CHUNK = 1 << 16;

    /** One chunk of work. */
    @FunctionalInterface
    public interface ChunkTask {
        /**
         * Runs trials {@code [from, to)} of chunk {@code chunkIndex} drawing from {@code rng},
         * which belongs to this chunk alone. Called concurrently for different chunks:
         * write only to the chunk's own range of shared arrays.
         */
        void run(long chunkIndex, long from, long to, UniformRandomProvider rng);
    }

    /** One chunk of a counting run; {@code counts} belongs to the worker thread. */
    @FunctionalInterface
    public interface CountTask {
        /** Runs trials {@code [from, to)} of chunk {@code chunkIndex}, adding to {@code counts}. */
        void run(long chunkIndex, long from, long to, UniformRandomProvider rng, long[] counts);
    }

    private final int threads;
    private final Cancellation cancel;
    private volatile LongConsumer progress;

    /**
     * @param threads number of workers; {@code <= 0} means
     *     {@code Runtime.getRuntime().availableProcessors()}
     * @param cancel checked between chunks
     */
    public ChunkedRunner(int threads, Cancellation cancel) {
        this(threads, cancel, null);
    }

    /**
     * @param progress receives completed trial counts, or {@code null} for none
     * @see #ChunkedRunner(int, Cancellation)
     */
    public ChunkedRunner(int threads, Cancellation cancel, LongConsumer progress) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (cancel == null) {
            throw new NullPointerException("cancel (use Cancellation.none())");
        }
        this.cancel = cancel;
        this.progress = progress;
    }

    /**
     * Sets the progress hook for the following runs ({@code null} for none): each run
     * reports its own completed trials, from 0 up to its {@code n}.
     *
     * @return this runner
     */
    public ChunkedRunner onProgress(LongConsumer progress) {
        this.progress = progress;
        return this;
    }

    public int threads() {
        return threads;
    }

    public Cancellation cancellation() {
        return cancel;
    }

    /** Number of chunks {@code n} trials are cut into. */
    public static long chunks(long n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /**
     * Runs {@code n} trials, chunk by chunk.
     *
     * @throws CancelledException if cancelled (before or during the run)
     */
    public void run(long n, long seed, long streamId, ChunkTask task) {
        execute(n, seed, streamId, w -> task);
    }

    /**
     * Runs {@code n} trials that count outcomes into {@code bins} bins and returns the
     * total counts. Each worker adds into its own array and the arrays are summed at
     * the end; integer sums do not depend on the order, so the result is identical for
     * every thread count.
     */
    public long[] count(long n, long seed, long streamId, int bins, CountTask task) {
        if (bins < 0) {
            throw new IllegalArgumentException("negative number of bins " + bins);
        }
        List<Counting> workers = execute(n, seed, streamId, w -> new Counting(task, bins));
        long[] total = new long[bins];
        for (Counting c : workers) {
            for (int i = 0; i < bins; i++) {
                total[i] += c.counts[i];
            }
        }
        return total;
    }

    /** Draws {@code n} outcomes of {@code table} and returns how often each came up. */
    public long[] count(long n, long seed, long streamId, AliasTable table) {
        return count(n, seed, streamId, table.size(),
                (chunk, from, to, rng, counts) -> table.countInto(rng, to - from, counts));
    }

    private static final class Counting implements ChunkTask {
        final CountTask task;
        final long[] counts;

        Counting(CountTask task, int bins) {
            this.task = task;
            this.counts = new long[bins];
        }

        @Override
        public void run(long chunkIndex, long from, long to, UniformRandomProvider rng) {
            task.run(chunkIndex, from, to, rng, counts);
        }
    }

    /**
     * Runs all chunks; worker {@code w} uses the task {@code perWorker.apply(w)}.
     * Returns the tasks of the workers that ran.
     */
    private <T extends ChunkTask> List<T> execute(long n, long seed, long streamId,
                                                  IntFunction<T> perWorker) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number of trials " + n);
        }
        cancel.throwIfCancelled();
        List<T> tasks = new ArrayList<>();
        long chunks = chunks(n);
        if (chunks == 0) {
            return tasks;
        }
        int workers = (int) Math.min(threads, chunks);
        Run run = new Run(n, seed, streamId, chunks, workers == 1, progress);
        for (int w = 0; w < workers; w++) {
            tasks.add(perWorker.apply(w));
        }
        if (workers == 1) {
            run.work(tasks.get(0));
        } else {
            ForkJoinPool pool = new ForkJoinPool(workers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (T t : tasks) {
                    futures.add(pool.submit(() -> run.work(t)));
                }
                boolean interrupted = false;
                for (Future<?> f : futures) {
                    while (true) {
                        try {
                            f.get();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;   // stop handing out chunks, then wait
                            run.interrupted = true;
                        } catch (ExecutionException e) {
                            break;                // recorded by run.work
                        }
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                pool.shutdown();
            }
        }
        run.finish();
        return tasks;
    }

    /** The shared state of one run. */
    private final class Run {
        final long n;
        final long seed;
        final long streamId;
        final long chunks;
        final boolean inline;
        final LongConsumer progress;
        final AtomicLong nextChunk = new AtomicLong();
        final AtomicLong completedChunks = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean interrupted;
        private long done;   // guarded by this

        Run(long n, long seed, long streamId, long chunks, boolean inline, LongConsumer progress) {
            this.inline = inline;
            this.progress = progress;
            this.n = n;
            this.seed = seed;
            this.streamId = streamId;
            this.chunks = chunks;
        }

        boolean stopped() {
            return cancel.isCancelled() || interrupted || failure.get() != null
                    || (inline && Thread.currentThread().isInterrupted());
        }

        void work(ChunkTask task) {
            try {
                while (!stopped()) {
                    long c = nextChunk.getAndIncrement();
                    if (c >= chunks) {
                        return;
                    }
                    long from = c * CHUNK;
                    long to = Math.min(n, from + CHUNK);
                    task.run(c, from, to, RandomStreams.stream(seed, streamId, c));
                    completedChunks.incrementAndGet();
                    if (progress != null) {
                        report(to - from);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }

        private synchronized void report(long trials) {
            done += trials;
            progress.accept(done);
        }

        void finish() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
            if (completedChunks.get() < chunks) {
                throw new CancelledException();   // cancelled or interrupted part-way
            }
        }
    }
}
