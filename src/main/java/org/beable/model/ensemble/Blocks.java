package org.beable.model.ensemble;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs a loop over members in fixed blocks, on several threads when asked. The blocks do not
 * depend on the thread count and every block writes only its own members and its own partial
 * sums, which the caller adds up in block order, so results are bit-identical for any thread
 * count.
 */
final class Blocks implements AutoCloseable {
    static final int BLOCK = 1 << 13;

    @FunctionalInterface
    interface Task {
        void run(int block, int from, int to);
    }

    final int size;
    final int count;
    private final ForkJoinPool pool;

    Blocks(int size, int threads) {
        this.size = size;
        this.count = Math.max(1, (size + BLOCK - 1) / BLOCK);
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.pool = workers > 1 && count > 1 ? new ForkJoinPool(Math.min(workers, count)) : null;
    }

    void run(Task task) {
        if (pool == null) {
            for (int b = 0; b < count; b++) task.run(b, b * BLOCK, Math.min(size, (b + 1) * BLOCK));
            return;
        }
        pool.submit(() -> IntStream.range(0, count).parallel()
                .forEach(b -> task.run(b, b * BLOCK, Math.min(size, (b + 1) * BLOCK)))).join();
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
