package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;

/**
 * ρ → Gρ + ρG† + Σ_k L_k ρ L_k† on d × d matrices given as row-major real and imaginary arrays:
 * the right-hand side of the master equation, applied without building the d² × d² superoperator.
 * Two sparse products for the Hamiltonian part and two per jump, each costing (entries × d).
 *
 * <p>Every product is computed as written, never through ρ = ρ† (ρG† = (Gρ)†, LρL† = L(Lρ)† would
 * halve the work): the terms of a series expansion or the stages of an integrator are
 * Hermitian only to rounding, and with those shortcuts the anti-Hermitian rounding error obeys
 * dK/dt = −Σ L K L†, which grows exponentially (by 1e-3 at t = 10 for rates of order 1). As
 * written, this is the Lindbladian for every matrix, so that error decays like any other part of ρ.
 *
 * <p>Not thread-safe (a work array): one per solve.
 */
final class LindbladianAction {
    private final int d;
    private final SparseOperator effective;
    private final SparseOperator[] jumps;
    private final double[] workR;
    private final double[] workI;

    /** @param effective G, usually −iH − ½ΣL†L, possibly shifted by a multiple of the identity */
    LindbladianAction(CMatrix effective, java.util.List<CMatrix> jumps) {
        this.d = effective.rows;
        this.effective = new SparseOperator(effective);
        this.jumps = jumps.stream().map(SparseOperator::new).toArray(SparseOperator[]::new);
        workR = new double[d * d];
        workI = new double[d * d];
    }

    int dimension() {
        return d;
    }

    /** out = 𝓛(x); out must not be x. */
    void apply(double[] xr, double[] xi, double[] outR, double[] outI) {
        effective.times(xr, xi, outR, outI);                      // Gx
        effective.addTimesAdjointOnRight(xr, xi, outR, outI);     // + xG†
        for (SparseOperator jump : jumps) {
            jump.times(xr, xi, workR, workI);                     // Lx
            jump.addTimesAdjointOnRight(workR, workI, outR, outI); // + (Lx)L†
        }
    }
}
