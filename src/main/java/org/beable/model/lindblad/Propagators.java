package org.beable.model.lindblad;

import java.util.LinkedHashMap;
import java.util.Map;
import org.beable.quantum.CMatrix;

/**
 * One model's propagators, built on first use and kept: every branch of every setting
 * combination, and every trial sampler, evolves through the same few (the model's own time, one
 * per `evolve` step). Thread-safe; a race builds the same propagator twice, harmlessly, instead
 * of holding a lock through an O(d⁶) exponential.
 */
final class Propagators {
    /**
     * Largest dimension whose d² × d² superoperator is exponentiated: three qubits, a 64 × 64
     * exponential of 5–25 ms, after which each state costs microseconds (trajectories, branches
     * and setting combinations reuse it), and whose Padé rounding stays near 1e-16 even for large
     * rates times time. At d = 16 the 256 × 256 exponential takes over a second while the Taylor
     * series for one state takes about 7 ms (four-qubit chain, t = 1), so beyond three qubits the
     * series, applied to each state.
     */
    static final int EXACT_UP_TO = 8;
    /** Propagators kept per model; a superoperator at d = 8 holds 64 kB. */
    private static final int KEPT = 16;

    /** An `evolve` step's Hamiltonian (null for the model's own time) and a duration. */
    private record Key(CMatrix drive, double time) {}

    private final LindbladGenerator generator;
    private final Map<Key, Propagator> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, Propagator> eldest) {
            return size() > KEPT;
        }
    };

    Propagators(LindbladGenerator generator) {
        this.generator = generator;
    }

    int dimension() {
        return generator.dimension();
    }

    /** The propagator over {@code time} with H + drive as Hamiltonian (drive null: H alone). */
    Propagator over(CMatrix drive, double time) {
        Key key = new Key(drive, time);
        synchronized (kept) {
            Propagator known = kept.get(key);
            if (known != null) return known;
        }
        Propagator built = Propagator.of(generator.withDrive(drive), time, EXACT_UP_TO);
        synchronized (kept) {
            kept.put(key, built);
        }
        return built;
    }
}
