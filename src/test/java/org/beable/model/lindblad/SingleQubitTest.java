package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Kets;
import org.junit.jupiter.api.Test;

/**
 * Closed forms for one qubit. Dephasing L = √γ Z: dρ01/dt = γ(Zρ Z − ρ)01 = −2γ ρ01, so the
 * coherence decays as e^{−2γt} and the populations stay. Amplitude damping L = √γ σ− with
 * σ− = |1⟩⟨0| (spin up decays to spin down): dρ00/dt = −γ ρ00, so the excited population is
 * e^{−γt}, and the coherence decays at half that rate.
 */
class SingleQubitTest {

    private static double probabilityOfUp(LindbladModel model, Experiment e) {
        return model.predict(e, 0).orElseThrow()[0];
    }

    @Test
    void dephasingDampsTheCoherenceAsExpOfMinus2GammaT() {
        CMatrix plus = Kets.plus().projector();
        Experiment measureX = Fixtures.single(plus, List.of(Fixtures.measure(0)), Math.PI / 2);
        for (double gamma : new double[] {0.1, 1, 3}) {
            for (double t : new double[] {0, 0.01, 0.5, 2, 7}) {
                LindbladModel m = new LindbladModel(CMatrix.zeros(2, 2), List.of(Fixtures.Z.scale(Math.sqrt(gamma))), t);
                double x = 2 * probabilityOfUp(m, measureX) - 1;
                assertEquals(Math.exp(-2 * gamma * t), x, 1e-13, "γ = " + gamma + ", t = " + t);
                CMatrix rho = m.trajectory(plus, t).get(0);
                assertEquals(0.5 * Math.exp(-2 * gamma * t), rho.re(0, 1), 1e-14);
                assertEquals(0.5, rho.re(0, 0), 1e-14);
            }
        }
    }

    @Test
    void dephasingWithPrecession() {
        // H = (ω/2) Z: ρ01(t) = ρ01(0) e^{−iωt} e^{−2γt}.
        double omega = 1.7;
        double gamma = 0.3;
        LindbladModel m = new LindbladModel(Fixtures.Z.scale(omega / 2), List.of(Fixtures.Z.scale(Math.sqrt(gamma))), 0);
        double[] times = {0.25, 0.5, 0.75, 1.0, 3.0};
        List<CMatrix> states = m.trajectory(Kets.plus().projector(), times);
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            double size = 0.5 * Math.exp(-2 * gamma * t);
            assertEquals(size * Math.cos(omega * t), states.get(k).re(0, 1), 1e-14, "t = " + t);
            assertEquals(-size * Math.sin(omega * t), states.get(k).im(0, 1), 1e-14, "t = " + t);
        }
    }

    @Test
    void amplitudeDampingEmptiesTheExcitedLevelAsExpOfMinusGammaT() {
        CMatrix up = Fixtures.ket(1, 0).projector();
        Experiment measureZ = Fixtures.single(up, List.of(Fixtures.measure(0)), 0);
        for (double gamma : new double[] {0.2, 1, 5}) {
            for (double t : new double[] {0, 0.1, 1, 4}) {
                LindbladModel m = new LindbladModel(CMatrix.zeros(2, 2), List.of(Fixtures.LOWER.scale(Math.sqrt(gamma))), t);
                assertEquals(Math.exp(-gamma * t), probabilityOfUp(m, measureZ), 1e-13, "γ = " + gamma + ", t = " + t);
            }
        }
    }

    @Test
    void theJumpsActDuringEvolveStepsToo() {
        // time 0.3 of the model, then `evolve 0 for 0.5`, then `evolve Z for 0.2` (Z commutes with
        // the populations): the excited population has decayed for 1.0 in all.
        double gamma = 0.8;
        CMatrix up = Fixtures.ket(1, 0).projector();
        Experiment e = Fixtures.single(up, List.of(Fixtures.evolve(CMatrix.zeros(2, 2), 0.5), Fixtures.evolve(Fixtures.Z, 0.2),
                Fixtures.measure(0)), 0);
        LindbladModel m = new LindbladModel(CMatrix.zeros(2, 2), List.of(Fixtures.LOWER.scale(Math.sqrt(gamma))), 0.3);
        assertEquals(Math.exp(-gamma), probabilityOfUp(m, e), 1e-13);
    }

    @Test
    void beyondEightDimensionsTheTaylorSeriesIsAsAccurate() {
        // Five qubits (d = 32: the Taylor series) each in |+⟩ and each dephased: every qubit's ⟨X⟩ is
        // e^{−2γt}; measuring X on qubit 0 and 1 gives P(+, +) = ((1 + e^{−2γt})/2)².
        int n = 5;
        double gamma = 0.7;
        double t = 1.1;
        CMatrix plus = Kets.plus();
        CMatrix ket = plus;
        for (int k = 1; k < n; k++) ket = ket.kron(plus);
        List<CMatrix> jumps = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) jumps.add(Fixtures.on(n, k, Fixtures.Z).scale(Math.sqrt(gamma)));
        LindbladModel m = new LindbladModel(CMatrix.zeros(32, 32), jumps, t);
        Experiment e = Fixtures.pair(n, ket.projector(), List.of(Fixtures.measure(0, 1)), new double[] {Math.PI / 2}, new double[] {Math.PI / 2}, 1000);
        double p = (1 + Math.exp(-2 * gamma * t)) / 2;
        double[] predicted = m.predict(e, 0).orElseThrow();
        assertEquals(p * p, predicted[0], 1e-14);
        assertEquals((1 - p) * (1 - p), predicted[3], 1e-14);
        assertTrue(Math.abs(predicted[0] + predicted[1] + predicted[2] + predicted[3] - 1) < 1e-14);
    }
}
