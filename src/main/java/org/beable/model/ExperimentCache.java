package org.beable.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.beable.experiment.Experiment;

/**
 * What a model has worked out about an experiment (its plans, its tables), made on first use and
 * kept for the last few experiments it was asked about. Safe to share between threads.
 *
 * <p>Bounded, the least recently used experiment going first, rather than weak: what is kept
 * refers to its experiment (a plan holds it), so a weak map would never let an entry go; and a
 * script or an optimiser may build a new experiment in every pass of a loop. Experiments are
 * told apart by identity ({@link Experiment} keeps Object's equals).
 *
 * @param <V> what is kept per experiment
 */
public final class ExperimentCache<V> {
    private final Map<Experiment, V> entries;
    private final Function<Experiment, V> make;

    /**
     * @param capacity how many experiments to keep
     * @param make     what to keep for an experiment; called under the cache's lock, at most
     *                 once per experiment while it is kept
     */
    public ExperimentCache(int capacity, Function<Experiment, V> make) {
        if (capacity < 1) throw new IllegalArgumentException("an experiment cache keeps at least one experiment, got " + capacity);
        this.make = make;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Experiment, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** What is kept for the experiment, made now if it is not kept yet. */
    public V get(Experiment experiment) {
        return entries.computeIfAbsent(experiment, make);
    }
}
