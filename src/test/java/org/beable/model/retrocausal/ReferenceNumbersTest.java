package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.beable.analysis.Chsh;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.junit.jupiter.api.Test;

/** The reference values of shared/docs/models/retrocausal.md, to the digits given there. */
class ReferenceNumbersTest {

    /** Eq 2, γ = 0.05: the ratio P(+)/P(−) and P(+) for one particle, prepared along a, measured along a + θ. */
    @Test
    void schulmanOneParticleEquation2() {
        double[][] table = {
                {0.3, 42.614376768046, 0.9770717806, 0.9776682446},
                {1.0, 3.344309375977, 0.7698138154, 0.7701511529},
                {2.0, 0.412801342077, 0.2921864028, 0.2919265817}};
        for (double prepared : new double[] {0, 0.7, -2.5}) {
            for (double[] row : table) {
                Experiment e = Setups.sequence(prepared, new double[] {prepared + row[0]});
                double[] p = Setups.lorentzian(0.05).predict(e, 0).orElseThrow();
                assertEquals(row[1], p[0] / p[1], 1e-12 * row[1], "ratio at θ = " + row[0]);
                assertEquals(row[2], p[0], 1e-10, "P(+) at θ = " + row[0]);
                assertEquals(row[3], Math.pow(Math.cos(row[0] / 2), 2), 1e-10, "Born at θ = " + row[0]);
            }
        }
    }

    /** Eq 2 in the paper's closed form, for several γ and θ. */
    @Test
    void equation2ClosedForm() {
        for (double gamma : new double[] {1e-3, 0.05, 0.3, 1, 4}) {
            for (double theta = -3; theta <= 3; theta += 0.37) {
                double[] p = Setups.lorentzian(gamma).predict(Setups.sequence(0, new double[] {theta}), 0).orElseThrow();
                double c2 = Math.pow(Math.cos(theta / 2), 2);
                double s2 = 1 - c2;
                double t2 = Math.pow(Math.tanh(gamma / 2), 2);
                assertEquals((c2 + s2 * t2) / (s2 + c2 * t2), p[0] / p[1], 1e-12 * p[0] / p[1]);
            }
        }
    }

    /** Two particles, γ = 0.1: eqs 9, 10, 13. */
    @Test
    void twoParticles() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        double[] p = model.predict(Setups.singlet(new double[] {0.4}, new double[] {1.4}), 0).orElseThrow();
        assertEquals(0.1175816306, p[0], 1e-10);              // A B
        assertEquals(0.3824183694, p[1], 1e-10);              // A B̄
        assertEquals(0.3824183694, p[2], 1e-10);              // Ā B
        assertEquals(0.1175816306, p[3], 1e-10);              // Ā B̄
        assertEquals(-0.5296734776, p[0] + p[3] - p[1] - p[2], 1e-10);
        double[] q = model.predict(Setups.singlet(new double[] {-1.0}, new double[] {1.0}), 0).orElseThrow();
        assertEquals(0.3519900987, q[0], 1e-10);
        assertEquals(0.4079603950, q[0] + q[3] - q[1] - q[2], 1e-10);
    }

    /** Eqs 9–10 and P_A = ½ at every θ and γ. */
    @Test
    void twoParticleClosedFormsAndNoSignalling() {
        for (double gamma : new double[] {1e-4, 0.1, 0.5, 2}) {
            RetrocausalModel model = Setups.lorentzian(gamma);
            for (double theta = -3.1; theta < 3.2; theta += 0.3) {
                double[] p = model.predict(Setups.singlet(new double[] {0.2}, new double[] {0.2 + theta}), 0).orElseThrow();
                double t2 = Math.pow(Math.tanh(gamma), 2);
                double c2 = Math.pow(Math.cos(theta / 2), 2);
                double s2 = 1 - c2;
                assertEquals((s2 + c2 * t2) / (2 + 2 * t2), p[0], 1e-13);
                assertEquals((c2 + s2 * t2) / (2 + 2 * t2), p[1], 1e-13);
                assertEquals(0.5, p[0] + p[1], 1e-14);
                assertEquals(0.5, p[0] + p[2], 1e-14);
                assertEquals(-Math.cos(theta) / Math.cosh(2 * gamma), p[0] + p[3] - p[1] - p[2], 1e-13);
            }
        }
    }

    /** S(γ) = 2√2 sech(2γ) at the standard angles. */
    @Test
    void chshAtTheStandardAngles() {
        double[][] table = {{1e-12, 2.828427124746}, {0.1, 2.772786299686}, {0.37, 2.198501973380}, {1.0, 0.751802233852}};
        Experiment e = Setups.singlet(new double[] {0, Math.PI / 2}, new double[] {Math.PI / 4, -Math.PI / 4});
        for (double[] row : table) {
            Chsh s = Chsh.of(Prediction.of(e, Setups.lorentzian(row[0])));
            assertEquals(row[1], s.value(), 1e-12, "S at γ = " + row[0]);
            assertEquals(2 * Math.sqrt(2) / Math.cosh(2 * row[0]), s.value(), 1e-14);
        }
    }
}
