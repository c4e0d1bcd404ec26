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
     * Largest dimension whose d² × d² superoperator is exponentiated (four qubits: 256 × 256, about
     * a tenth of a second); beyond, the integrator.
     */
    static final int EXACT_UP_TO = 16;
    /** Propagators kept per model; at d = 16 each holds 1 MB. */
    private static final int KEPT = 16;

    /** An `evolve` step's Hamiltonian (null for the model's own time) and a duration. */
    private record Key(CMatrix drive, double time) {}

    private final LindbladGenerator generator;
    private final int exactUpTo;
    private final Map<Key, Propagator> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, Propagator> eldest) {
            return size() > KEPT;
        }
    };

    Propagators(LindbladGenerator generator, int exactUpTo) {
        this.generator = generator;
        this.exactUpTo = exactUpTo;
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
        Propagator built = Propagator.of(generator.withDrive(drive), time, exactUpTo);
        synchronized (kept) {
            kept.put(key, built);
        }
        return built;
    }
}
