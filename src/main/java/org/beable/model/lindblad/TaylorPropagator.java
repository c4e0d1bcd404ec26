package org.beable.model.lindblad;

import java.util.List;
import org.beable.quantum.CMatrix;

/**
 * exp(𝓛t) ρ computed as the action of the exponential on ρ, never forming the d² × d²
 * superoperator: the truncated Taylor series with scaling of Al-Mohy and Higham ("Computing the
 * action of the matrix exponential", SIAM J. Sci. Comput. 33 (2011) 488), as in scipy's
 * expm_multiply. Each term costs one {@link LindbladianAction}, so this pays for d beyond the
 * reach of the dense exponential; its truncation error is below unit roundoff, so the result
 * is exact to rounding like the dense route (1e-16 to 1e-14 against it, up to 2e-13 when
 * ‖𝓛‖t is in the hundreds and the series' terms grow before they shrink).
 *
 * <p>The series is taken for 𝓛 − μ1 with μ = tr 𝓛 / d² (the uniform part of the decay, put back
 * as e^{μt}), split into s steps of m terms. m and s minimise m·s subject to ‖(𝓛 − μ1)t‖₁ / s ≤ θ_m,
 * with θ_m from the paper's backward-error analysis for double precision and the 1-norm bounded by
 * 2‖G − μ/2‖₁ + Σ‖L_k‖₁² (the 1-norm of a Kronecker product is the product of the 1-norms). A term
 * smaller than unit roundoff relative to the sum ends a step early.
 */
final class TaylorPropagator implements Propagator {
    /** m and θ_m: Higham, Functions of Matrices, table A.3 (m ≤ 30), and Al-Mohy and Higham, table 3.1. */
    private static final int[] TERMS = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 35, 40, 45, 50, 55};
    private static final double[] THETA = {
        2.29e-16, 2.58e-8, 1.39e-5, 3.40e-4, 2.40e-3, 9.07e-3, 2.38e-2, 5.00e-2, 8.96e-2, 1.44e-1,
        2.14e-1, 3.00e-1, 4.00e-1, 5.14e-1, 6.41e-1, 7.81e-1, 9.31e-1, 1.09, 1.26, 1.44,
        1.62, 1.82, 2.01, 2.22, 2.43, 2.64, 2.86, 3.08, 3.31, 3.54, 4.7, 6.0, 7.2, 8.5, 9.9};
    private static final double UNIT_ROUNDOFF = 0x1p-53;
    /**
     * Applications of 𝓛 allowed per propagation (about a minute for five qubits), so that a huge
     * rate times time fails with a plain message instead of running for hours.
     */
    static final long MAX_PRODUCTS = 1_000_000;

    private final CMatrix shiftedEffective;
    private final List<CMatrix> jumps;
    private final double time;
    private final double shift;
    private final int terms;
    private final int steps;

    TaylorPropagator(LindbladGenerator generator, double time) {
        int d = generator.dimension();
        CMatrix g = generator.effective();
        double traceOfJumps = 0;
        double jumpNorms = 0;
        for (CMatrix jump : generator.jumps()) {
            traceOfJumps += square(jump.trace().abs());
            jumpNorms += square(oneNorm(jump));
        }
        // tr 𝓛 = d tr G + d tr conj(G) + Σ |tr L|², real.
        this.shift = (2 * d * g.trace().getReal() + traceOfJumps) / ((double) d * d);
        this.shiftedEffective = g.minus(CMatrix.identity(d).scale(shift / 2));
        this.jumps = generator.jumps();
        this.time = time;
        double norm = time * (2 * oneNorm(shiftedEffective) + jumpNorms);
        int bestTerms = 0;
        double bestSteps = 1;
        if (norm > 0) {
            // Costs in doubles: for absurd norms a step count does not fit a long.
            for (int k = 0; k < TERMS.length; k++) {
                double s = Math.ceil(norm / THETA[k]);
                if (bestTerms == 0 || TERMS[k] * s < bestTerms * bestSteps) {
                    bestTerms = TERMS[k];
                    bestSteps = s;
                }
            }
        }
        if (!(bestTerms * bestSteps <= MAX_PRODUCTS)) {
            throw new IllegalArgumentException("lindblad: the master equation over a time of " + time + " in dimension " + d
                    + " would need " + String.format(java.util.Locale.ROOT, "%.3g", bestTerms * bestSteps)
                    + " applications of the Lindbladian; the rates and energies times the time are too large to follow"
                    + " (shorten the time or lower the rates)");
        }
        this.terms = bestTerms;
        this.steps = (int) bestSteps;
    }

    private static double square(double x) {
        return x * x;
    }

    private static double oneNorm(CMatrix m) {
        double largest = 0;
        for (int c = 0; c < m.cols; c++) {
            double sum = 0;
            for (int r = 0; r < m.rows; r++) sum += Math.hypot(m.re(r, c), m.im(r, c));
            largest = Math.max(largest, sum);
        }
        return largest;
    }

    @Override
    public CMatrix apply(CMatrix rho) {
        int d = rho.rows;
        int n = d * d;
        LindbladianAction action = new LindbladianAction(shiftedEffective, jumps);
        double[] sumR = rho.reals();
        double[] sumI = rho.imags();
        double[] termR = sumR.clone();
        double[] termI = sumI.clone();
        double[] nextR = new double[n];
        double[] nextI = new double[n];
        double growth = Math.exp(shift * time / steps);
        for (int step = 0; step < steps; step++) {
            double previous = largest(termR, termI);
            for (int j = 1; j <= terms; j++) {
                action.apply(termR, termI, nextR, nextI);
                double factor = time / ((double) steps * j);
                for (int k = 0; k < n; k++) {
                    nextR[k] *= factor;
                    nextI[k] *= factor;
                    sumR[k] += nextR[k];
                    sumI[k] += nextI[k];
                }
                double[] swap = termR;
                termR = nextR;
                nextR = swap;
                swap = termI;
                termI = nextI;
                nextI = swap;
                double current = largest(termR, termI);
                if (previous + current <= UNIT_ROUNDOFF * largest(sumR, sumI)) break;
                previous = current;
            }
            for (int k = 0; k < n; k++) {
                sumR[k] *= growth;
                sumI[k] *= growth;
            }
            System.arraycopy(sumR, 0, termR, 0, n);
            System.arraycopy(sumI, 0, termI, 0, n);
        }
        return CMatrix.wrap(d, d, sumR, sumI);
    }

    /** The largest modulus of an entry. */
    private static double largest(double[] re, double[] im) {
        double largest = 0;
        for (int k = 0; k < re.length; k++) largest = Math.max(largest, re[k] * re[k] + im[k] * im[k]);
        return Math.sqrt(largest);
    }
}
