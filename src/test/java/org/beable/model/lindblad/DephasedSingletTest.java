package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.analysis.Chsh;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/**
 * The singlet with local dephasing on both qubits, L1 = √γ Z⊗1, L2 = √γ 1⊗Z, H = 0, and spin
 * measurements σ·n in the x–z plane, n = (sin θ, 0, cos θ).
 *
 * <p>Derivation. Write ρ in the Pauli basis: the singlet is ρ(0) = ¼(1 − X⊗X − Y⊗Y − Z⊗Z).
 * Dephasing one qubit, dρ/dt = γ(ZρZ − ρ) on that factor, leaves 1 and Z (they commute with Z)
 * and sends X, Y to −X, −Y, so each X or Y factor decays as e^{−2γt}. With both qubits dephased
 * X⊗X and Y⊗Y carry two such factors, Z⊗Z none:
 * ρ(t) = ¼(1 − D (X⊗X + Y⊗Y) − Z⊗Z), D = e^{−4γt}.
 * With σ_θ = sin θ X + cos θ Z and Tr(P σ_θ) = 2 sin θ (P = X), 2 cos θ (P = Z), 0 (P = 1, Y):
 * E(a, b) = Tr(ρ(t) σ_a ⊗ σ_b) = −(cos a cos b + D sin a sin b).
 * The Z⊗Z correlations survive, the X⊗X ones are damped — which is why the x–z plane matters:
 * for settings in the x–y plane every correlation would carry D.
 * At the standard angles a ∈ {0, π/2}, b ∈ {π/4, −π/4}:
 * E(0, ±π/4) = −1/√2, E(π/2, π/4) = −D/√2, E(π/2, −π/4) = +D/√2, so
 * S(t) = |E(0,π/4) + E(0,−π/4) + E(π/2,π/4) − E(π/2,−π/4)| = (2 + 2D)/√2 = √2 (1 + e^{−4γt}).
 * Not 2√2 e^{−2γt}, which agrees only to first order in γt and would tend to 0, while the Z⊗Z
 * part keeps S ≥ √2. S falls below the local bound 2 when D = √2 − 1, at
 * γt = ln(1 + √2)/4 ≈ 0.2203. With the angles re-optimised
 * (b = ±β, tan β = D) S = 2(cos β + D sin β) = 2√(1 + D²), above 2 for every finite t
 * (the Horodecki bound from the two largest correlations, 1 and D).
 */
class DephasedSingletTest {
    private static final double[] STANDARD_A = {0, Math.PI / 2};
    private static final double[] STANDARD_B = {Math.PI / 4, -Math.PI / 4};

    private static LindbladModel dephased(double gamma, double t) {
        double g = Math.sqrt(gamma);
        return new LindbladModel(CMatrix.zeros(4, 4),
                List.of(Fixtures.Z.kron(Fixtures.I).scale(g), Fixtures.I.kron(Fixtures.Z).scale(g)), t);
    }

    static double chsh(double gamma, double t, double[] as, double[] bs) {
        Experiment e = Fixtures.bell(Fixtures.singlet(), as, bs, 1000);
        return Chsh.of(Prediction.of(e, dephased(gamma, t))).s().value();
    }

    @Test
    void chshAtTheStandardAnglesIsRootTwoTimesOnePlusExpOfMinus4GammaT() {
        for (double gamma : new double[] {0.5, 1, 2.5}) {
            for (double t : new double[] {0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5}) {
                double expected = Math.sqrt(2) * (1 + Math.exp(-4 * gamma * t));
                assertEquals(expected, chsh(gamma, t, STANDARD_A, STANDARD_B), 1e-10, "γ = " + gamma + ", t = " + t);
            }
        }
    }

    @Test
    void theGuessTwoRootTwoExpOfMinus2GammaTHoldsOnlyToFirstOrder() {
        // Both are 2√2 (1 − 2γt) + O(t²); they part at second order (8√2 γ²t² against 4√2 γ²t²).
        double gamma = 1;
        double small = 1e-4;
        assertEquals(2 * Math.sqrt(2) * Math.exp(-2 * gamma * small), chsh(gamma, small, STANDARD_A, STANDARD_B), 1e-7);
        double guess = 2 * Math.sqrt(2) * Math.exp(-2 * gamma);
        assertTrue(chsh(gamma, 1, STANDARD_A, STANDARD_B) - guess > 1, "at γt = 1: 1.440 against 0.383");
    }

    @Test
    void theLocalBoundIsCrossedAtGammaTOfLogOnePlusRootTwoOverFour() {
        double gamma = 1.3;
        double t = Math.log(1 + Math.sqrt(2)) / 4 / gamma;
        assertEquals(2, chsh(gamma, t, STANDARD_A, STANDARD_B), 1e-10);
    }

    @Test
    void reoptimisedAnglesGiveTwoRootOnePlusDSquared() {
        double gamma = 0.7;
        for (double t : new double[] {0.1, 0.4, 1.5}) {
            double d = Math.exp(-4 * gamma * t);
            double beta = Math.atan(d);
            assertEquals(2 * Math.sqrt(1 + d * d), chsh(gamma, t, STANDARD_A, new double[] {beta, -beta}), 1e-10, "t = " + t);
        }
    }

    @Test
    void everyCorrelationIsMinusCosCosMinusDSinSin() {
        double gamma = 0.9;
        double t = 0.35;
        double d = Math.exp(-4 * gamma * t);
        double[] as = {-2.1, 0.4, 1.3};
        double[] bs = {0.7, 2.9};
        Experiment e = Fixtures.bell(Fixtures.singlet(), as, bs, 1000);
        LindbladModel m = dephased(gamma, t);
        for (int c = 0; c < e.combinations(); c++) {
            double a = as[c / bs.length];
            double b = bs[c % bs.length];
            double[] p = m.predict(e, c).orElseThrow();     // ++, +−, −+, −−
            double correlation = p[0] - p[1] - p[2] + p[3];
            assertEquals(-(Math.cos(a) * Math.cos(b) + d * Math.sin(a) * Math.sin(b)), correlation, 1e-12, "a = " + a + ", b = " + b);
            assertEquals(0.5, p[0] + p[1], 1e-12, "no signalling: A's marginal stays ½");
        }
    }
}
