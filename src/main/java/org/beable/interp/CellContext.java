package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.random.RandomStreams;
import org.beable.random.StreamIds;

/**
 * What one sweep cell owns while it runs on some thread: its random streams, a function of
 * (master seed, sweep, cell) alone, and the rows and printed lines it makes, kept back until the
 * session puts every cell's effects in cell order.
 */
final class CellContext {
    private final long masterSeed;
    private final long sweep;
    private final long cell;
    private long runs;
    private UniformRandomProvider random;
    /** The cell's effects in the order it made them: {@link KeptRow}s and {@link PrintedLine}s. */
    final List<Object> effects = new ArrayList<>();
    final Output output = values -> effects.add(new PrintedLine(List.copyOf(values)));

    CellContext(long masterSeed, long sweep, long cell) {
        this.masterSeed = masterSeed;
        this.sweep = sweep;
        this.cell = cell;
    }

    /** The k-th run in this cell draws from (seed, SWEEPS, sweep, cell, k): nothing another cell does can shift it. */
    long nextRunSeed() {
        return RandomStreams.seed(masterSeed, StreamIds.SWEEPS, sweep, cell, runs++)[0];
    }

    UniformRandomProvider random() {
        if (random == null) random = RandomStreams.stream(masterSeed, StreamIds.SWEEPS, sweep, cell, StreamIds.SCRIPT_RANDOM);
        return random;
    }
}
