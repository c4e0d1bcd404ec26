package org.beable.model.lindblad;

import java.util.List;
import org.beable.quantum.CMatrix;

/**
 * The master equation exactly as textbooks write it, −i[H, ρ] + Σ (L ρ L† − ½{L†L, ρ}), integrated
 * with classical fourth-order Runge–Kutta at a fixed small step. Slow and simple, and sharing no
 * code with the model (no superoperator, no G = −iH − ½ΣL†L, no sparse products): an independent
 * check. The global error is O(step⁴); at 2000 steps per unit time and rates of order 1 it is
 * below 1e-13.
 */
final class ReferenceSolution {
    private ReferenceSolution() {}

    static CMatrix derivative(CMatrix h, List<CMatrix> jumps, CMatrix rho) {
        CMatrix d = h.times(rho).minus(rho.times(h)).scale(0, -1);
        for (CMatrix l : jumps) {
            CMatrix ld = l.adjoint();
            CMatrix k = ld.times(l);
            d = d.plus(l.times(rho).times(ld)).minus(k.times(rho).plus(rho.times(k)).scale(0.5));
        }
        return d;
    }

    static CMatrix evolve(CMatrix h, List<CMatrix> jumps, CMatrix rho, double time) {
        int steps = (int) Math.max(200, Math.ceil(2000 * time));
        double dt = time / steps;
        for (int s = 0; s < steps; s++) {
            CMatrix k1 = derivative(h, jumps, rho);
            CMatrix k2 = derivative(h, jumps, rho.plus(k1.scale(dt / 2)));
            CMatrix k3 = derivative(h, jumps, rho.plus(k2.scale(dt / 2)));
            CMatrix k4 = derivative(h, jumps, rho.plus(k3.scale(dt)));
            rho = rho.plus(k1.plus(k2.scale(2)).plus(k3.scale(2)).plus(k4).scale(dt / 6));
        }
        return rho;
    }
}
