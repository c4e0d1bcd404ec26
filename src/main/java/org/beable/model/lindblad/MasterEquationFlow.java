package org.beable.model.lindblad;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * dρ/dt = Gρ + ρG† + Σ_k L_k ρ L_k† as an ODE for Commons Math, the state being Re ρ then Im ρ,
 * each row-major (2d² reals). It uses that ρ is Hermitian — true for every state the model
 * evolves, branch states after a Lüders projection included — so ρG† = (Gρ)† and
 * L ρ L† = L (Lρ)†: one sparse product for the Hamiltonian part and two per jump.
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
        effective.times(rhoR, rhoI, workR, workI);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                int ij = i * d + j;
                int ji = j * d + i;
                dotR[ij] = workR[ij] + workR[ji];     // Gρ + (Gρ)†
                dotI[ij] = workI[ij] - workI[ji];
            }
        }
        for (SparseOperator jump : jumps) {
            jump.times(rhoR, rhoI, workR, workI);
            jump.addTimesAdjoint(workR, workI, dotR, dotI);
        }
        System.arraycopy(dotR, 0, yDot, 0, n);
        System.arraycopy(dotI, 0, yDot, n, n);
    }
}
