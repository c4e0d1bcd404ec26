package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;

/**
 * The solution map ρ(0) → ρ(t) of one master equation over one fixed duration. Linear and
 * trace-preserving, so it may be applied to the unnormalised state of a branch of outcomes.
 * Implementations are immutable and safe to share between threads.
 */
interface Propagator {

    CMatrix apply(CMatrix rho);

    /** Nothing happens in no time. */
    Propagator IDENTITY = rho -> rho;

    /**
     * The most accurate propagator that is affordable: the identity for t = 0; the unitary
     * exp(−iHt) without jumps (exact for any dimension, and for negative t too); the exponential
     * of the superoperator up to dimension {@code exactUpTo}; beyond, the action of that
     * exponential by its Taylor series, never forming the superoperator.
     */
    static Propagator of(LindbladGenerator generator, double time, int exactUpTo) {
        if (time == 0) return IDENTITY;
        if (!generator.hasJumps()) return new UnitaryPropagator(generator.hamiltonian(), time);
        if (time < 0) {
            // Backwards in time the equation is not a physical map (ρ leaves the positive states)
            // and grows rounding errors exponentially.
            throw new IllegalArgumentException("lindblad: cannot evolve for a negative time (" + time
                    + ") with jump operators; dissipation does not run backwards");
        }
        if (generator.dimension() <= exactUpTo) return new SuperoperatorPropagator(generator, time);
        return new TaylorPropagator(generator, time);
    }
}
