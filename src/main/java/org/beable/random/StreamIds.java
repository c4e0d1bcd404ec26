package org.beable.random;

/**
 * Every random stream Beable draws, named: the paths below a seed that {@link RandomStreams}
 * turns into generators. This file is the reproducibility promise written down — a path here
 * depends only on the seed, the setting combination and the chunk, never on the thread count —
 * and changing any number in it changes every simulated result, so do not.
 *
 * <pre>
 * master seed (`seed N`, or --seed)
 * ├─ (RUN_SEEDS, k)               the seed of the k-th run or sampled locality analysis after `seed`
 * ├─ (SCRIPT_RANDOM)              the stream of random()
 * ├─ (SWEEPS, s, c, k)            the seed of the k-th run in cell c of the s-th sweep after `seed`
 * └─ (SWEEPS, s, c, SCRIPT_RANDOM) random() in that cell
 *
 * a run's seed
 * ├─ (c, chunk)                   trials of setting combination c ≥ 0 (every model that samples trials)
 * ├─ (SETTING_CHOICE, chunk)      runs that draw the combination per trial (`choose random`, `choose by`)
 * ├─ (SETTING_CHOICE)             the same for an ensemble run, which draws all combinations at once
 * ├─ (c)                          an ensemble's preparation and copy-event seed for combination c
 * ├─ (c, ENSEMBLE_READ_ORDER)     the order in which that ensemble's members are read
 * ├─ (TRAJECTORY, c)              the superdeterministic model's sampled trajectories
 * └─ (locality(c), chunk)         the hidden states a sampled locality analysis draws under combination c
 * </pre>
 * The negative ids cannot collide with a combination index; the large ones are far above any.
 */
public final class StreamIds {
    private StreamIds() {}

    /** Below the master seed: the k-th run after `seed` gets the seed of path (RUN_SEEDS, k). */
    public static final long RUN_SEEDS = -1;
    /** Below the master seed: the stream of the script's random(). */
    public static final long SCRIPT_RANDOM = -2;
    /**
     * Below the master seed: a sweep's cells, each with streams of its own, so a cell draws the same
     * numbers whichever thread, shard or machine runs it.
     */
    public static final long SWEEPS = -3;

    /** Below a run's seed: trials whose setting combination is drawn per trial. */
    public static final long SETTING_CHOICE = -1;
    /** Below a run's seed, after a combination: the order in which an ensemble's members are read. */
    public static final long ENSEMBLE_READ_ORDER = 1;
    /** Below a run's seed: the superdeterministic model's trajectories, one stream per combination. */
    public static final long TRAJECTORY = 0x7AC7L;
    /** Below a run's seed: the sampled locality analysis; see {@link #locality(int)}. */
    public static final long LOCALITY = 0x10CA1L;

    /** Below a run's seed: the trials of one setting combination. */
    public static long combination(int combination) {
        return combination;
    }

    /** Below a run's seed: the hidden states a sampled locality analysis draws under one combination. */
    public static long locality(int combination) {
        return LOCALITY * 1000 + combination;
    }
}
