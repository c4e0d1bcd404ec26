package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The copy rule and phase law of docs/models/ensemble.md are the Schrödinger equation in disguise:
 * with ψ_a = √ρ_a e^{−iφ_a}, the summed copy flows give d|ψ_a|²/dt = 2 Im(ψ_a* (Hψ)_a) and the
 * phase law gives d(−arg ψ_a)/dt = Re((Hψ)_a / ψ_a). This pins the direction of every flow (the
 * copied member's phase first — eq 39 as printed has it the other way round).
 */
class CopyRuleTest {

    @Test
    void flowsAndPhaseLawAreTheSchrodingerEquationAtRandomStates() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + trial % 4;
            CMatrix h = Fixtures.randomHermitian(rng, n);
            CMatrix psi = Fixtures.randomKet(rng, n);
            Couplings c = Couplings.of(h, "H");
            double[] rho = new double[n];
            double[] phi = new double[n];
            for (int a = 0; a < n; a++) {
                rho[a] = psi.re(a, 0) * psi.re(a, 0) + psi.im(a, 0) * psi.im(a, 0);
                phi[a] = -Math.atan2(psi.im(a, 0), psi.re(a, 0));
            }
            double[] flow = new double[c.pairs()];
            ClassDynamics.flows(c, rho, phi, 0, CopyRule.DEFAULT, flow);
            double[] rhoDot = new double[n];
            for (int p = 0; p < flow.length; p++) {
                rhoDot[c.first[p]] += flow[p];
                rhoDot[c.second[p]] -= flow[p];
            }
            double[] phiDot = new double[n];
            ClassDynamics.phaseVelocity(c, rho, phi, phiDot);
            CMatrix hpsi = h.times(psi);
            for (int a = 0; a < n; a++) {
                double pr = psi.re(a, 0);
                double pi = psi.im(a, 0);
                double hr = hpsi.re(a, 0);
                double hi = hpsi.im(a, 0);
                double expectedRho = 2 * (pr * hi - pi * hr);                     // 2 Im(ψ* (Hψ))
                double expectedPhi = (hr * pr + hi * pi) / (pr * pr + pi * pi);    // Re((Hψ)/ψ)
                assertEquals(expectedRho, rhoDot[a], 1e-12, "dρ/dt of value " + a);
                assertEquals(expectedPhi, phiDot[a], 1e-10, "dφ/dt of value " + a);
            }
        }
    }

    @Test
    void theFlowBetweenTwoValuesGoesOneWayAtATime() {
        // sin⁺θ and sin⁺(−θ) never both positive: only one of b → a and a → b copies at a time.
        Couplings c = Couplings.of(Fixtures.twoLevelH(), "H");
        double[] flow = new double[1];
        for (double theta = -3; theta <= 3; theta += 0.25) {
            ClassDynamics.flows(c, new double[] {0.5, 0.5}, new double[] {theta, 0}, 0, CopyRule.DEFAULT, flow);
            assertEquals(2 * 0.5 * 0.5 * Math.sin(theta + 0.3), flow[0], 1e-15);
        }
    }

    @Test
    void spectatorsNeverCopySoTheirClassKeepsThem() {
        Couplings c = Couplings.of(Fixtures.rabi(), "H");
        double[] flow = new double[1];
        // θ = φ_0 − φ_1 = π/2: members of value 1 copy value 0; with all of value 1 spectators nothing flows.
        ClassDynamics.flows(c, new double[] {0.9, 0.1}, new double[] {Math.PI / 2, 0}, 0.1, CopyRule.DEFAULT, flow);
        assertEquals(0, flow[0], 0);
        ClassDynamics.flows(c, new double[] {0.8, 0.2}, new double[] {Math.PI / 2, 0}, 0.1, CopyRule.DEFAULT, flow);
        assertEquals(2 * 0.5 * Math.sqrt(0.16) * 0.5, flow[0], 1e-15);   // half the copiers are free
    }

    @Test
    void theLimitOfLargeEnsemblesIsExpMinusIHt() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + trial % 3;
            CMatrix h = Fixtures.randomHermitian(rng, n);
            CMatrix psi = Fixtures.randomKet(rng, n);
            long members = 1_000_000_000L;
            double[] rho = new double[n];
            double[] phi = Preparation.phases(psi, h);
            long[] counts = new long[n];
            for (int a = 0; a < n; a++) {
                rho[a] = psi.re(a, 0) * psi.re(a, 0) + psi.im(a, 0) * psi.im(a, 0);
                counts[a] = Math.round(rho[a] * members);
            }
            EnsembleState start = EnsembleState.ofClasses(counts, phi, 0);
            MeanFieldEnsemble limit = new MeanFieldEnsemble(start, CopyRule.DEFAULT);
            double t = 3;
            CMatrix exact = Hermitian.evolution(h, t).times(psi);
            Dynamics.run(limit, List.of(Segment.of(h, t, "H")), 0.05, RandomStreams.stream(1), Cancellation.none(), null);
            for (int a = 0; a < n; a++) {
                double p = exact.re(a, 0) * exact.re(a, 0) + exact.im(a, 0) * exact.im(a, 0);
                assertEquals(p, limit.frequency(a), 2e-9, "ρ_" + a);     // rounding the start to 1e-9 of N
                double phase = -Math.atan2(exact.im(a, 0), exact.re(a, 0));
                assertTrue(Math.abs(Math.IEEEremainder(phase - limit.phase(a), 2 * Math.PI)) < 1e-7, "φ_" + a);
            }
        }
    }
}
