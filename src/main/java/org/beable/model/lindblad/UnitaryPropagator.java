package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;

/**
 * ρ → U ρ U† with U = exp(−iHt): the master equation without jump operators, solved exactly
 * through the eigen-decomposition of H (as standard quantum mechanics does), for any dimension.
 */
final class UnitaryPropagator implements Propagator {
    private final CMatrix unitary;
    private final CMatrix unitaryAdjoint;

    UnitaryPropagator(CMatrix hamiltonian, double time) {
        unitary = Hermitian.evolution(hamiltonian, time);
        unitaryAdjoint = unitary.adjoint();
    }

    @Override
    public CMatrix apply(CMatrix rho) {
        return unitary.times(rho).times(unitaryAdjoint);
    }
}
