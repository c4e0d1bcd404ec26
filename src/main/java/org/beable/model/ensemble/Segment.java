package org.beable.model.ensemble;

import org.beable.quantum.CMatrix;

/**
 * A stretch of time under one Hamiltonian: an `evolve H for t` step, or one stage of the basis
 * change a measurement applies before it reads the members.
 */
record Segment(Couplings couplings, CMatrix hamiltonian, double duration, String label) {
    static Segment of(CMatrix hamiltonian, double duration, String label) {
        return new Segment(Couplings.of(hamiltonian, label), hamiltonian, duration, label);
    }
}
