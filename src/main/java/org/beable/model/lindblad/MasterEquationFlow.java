package org.beable.model.lindblad;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * dρ/dt = Gρ + ρG† + Σ_k L_k ρ L_k† as an ODE for Commons Math, the state being Re ρ then Im ρ,
 * each row-major (2d² reals); two sparse products for the Hamiltonian part and two per jump.
 *
 * <p>Every product is computed as written, never through ρ = ρ† (ρG† = (Gρ)†, LρL† = L(Lρ)†
 * would halve the work): the integrator's stages are Hermitian only to rounding, and with those
 * shortcuts the anti-Hermitian rounding error obeys dK/dt = −Σ L K L†, which grows exponentially
 * (by 1e-3 at t = 10 for rates of order 1). As written, the right-hand side is the Lindbladian for
 * every matrix, so that error decays like any other part of ρ.
 *
 * <p>Not thread-safe (work arrays): one flow per solve.
 */
final class MasterEquationFlow implements FirstOrderDifferentialEquations {
    private final int d;
    private final SparseOperator effective;
    private final SparseOperator[] jumps;
    // ρ and the derivative as separate real and imaginary arrays, and one product.
    private final double[] rhoR;
    private final double[] rhoI;
    private final double[] dotR;
    private final double[] dotI;
    private final double[] workR;
    private final double[] workI;
    private long evaluations;

    MasterEquationFlow(LindbladGenerator generator) {
        d = generator.dimension();
        effective = new SparseOperator(generator.effective());
        jumps = generator.jumps().stream().map(SparseOperator::new).toArray(SparseOperator[]::new);
        int n = d * d;
        rhoR = new double[n];
        rhoI = new double[n];
        dotR = new double[n];
        dotI = new double[n];
        workR = new double[n];
        workI = new double[n];
    }

    @Override
    public int getDimension() {
        return 2 * d * d;
    }

    long evaluations() {
        return evaluations;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        evaluations++;
        int n = d * d;
        // Splitting y into halves costs 2d² copies, small against the products, and keeps the
        // operator loops free of offsets.
        System.arraycopy(y, 0, rhoR, 0, n);
        System.arraycopy(y, n, rhoI, 0, n);
        effective.times(rhoR, rhoI, dotR, dotI);                      // Gρ
        effective.addTimesAdjointOnRight(rhoR, rhoI, dotR, dotI);     // + ρG†
        for (SparseOperator jump : jumps) {
            jump.times(rhoR, rhoI, workR, workI);                     // Lρ
            jump.addTimesAdjointOnRight(workR, workI, dotR, dotI);    // + (Lρ)L†
        }
        System.arraycopy(dotR, 0, yDot, 0, n);
        System.arraycopy(dotI, 0, yDot, n, n);
    }
}
