package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.experiment.Experiment;
import org.beable.model.RealFunction;
import org.junit.jupiter.api.Test;

/** A user's W equal to the Lorentzian reproduces the closed forms; the winding sums meet their stated accuracy. */
class UserWeightTest {

    @Test
    void windingSumsOfTheLorentzianMatchTheClosedFormToTheStatedAccuracy() {
        double worst = 0;
        for (double gamma : new double[] {1e-3, 0.01, 0.1, 1, 10}) {
            RealFunction w = a -> 1 / (a * a + gamma * gamma);
            for (double x = -7; x <= 7; x += 0.0137) {
                double exact = Weight.Lorentzian.sum(x, gamma);
                worst = Math.max(worst, Math.abs(WindingSum.periodic(w, x) - exact) / exact);
            }
        }
        assertTrue(worst < 1e-12, "largest relative error " + worst);
    }

    @Test
    void oneParticleProbabilitiesMatchEquation2() {
        for (double gamma : new double[] {0.05, 0.3}) {
            RetrocausalModel user = Setups.userWeight(gamma);
            RetrocausalModel closed = Setups.lorentzian(gamma);
            Experiment e = Setups.sequence(0.4, new double[] {0.4, 0.7, 1.4, 2.4, 3.0, -2.0});
            for (int c = 0; c < e.combinations(); c++) {
                double[] p = user.predict(e, c).orElseThrow();
                double[] q = closed.predict(e, c).orElseThrow();
                assertEquals(q[0], p[0], 1e-12);
                assertEquals(q[1], p[1], 1e-12);
            }
        }
    }

    @Test
    void twoParticleProbabilitiesAndCorrelationMatchTheClosedForms() {
        for (double gamma : new double[] {0.05, 0.1, 0.37}) {
            RetrocausalModel user = Setups.userWeight(gamma);
            RetrocausalModel closed = Setups.lorentzian(gamma);
            assertTrue(!user.closedForm() && user.gridSize() >= PeriodicGrid.MIN_SIZE);
            Experiment e = Setups.singlet(new double[] {0, 0.3, Math.PI / 2}, new double[] {Math.PI / 4, -Math.PI / 4, 1.3, 0.3});
            for (int c = 0; c < e.combinations(); c++) {
                double[] p = user.predict(e, c).orElseThrow();
                double[] q = closed.predict(e, c).orElseThrow();
                for (int o = 0; o < 4; o++) assertEquals(q[o], p[o], 1e-12, "γ = " + gamma + ", " + e.settings().describe(c));
            }
            RetrocausalModel.Correlation userE = user.singletCorrelation();
            RetrocausalModel.Correlation closedE = closed.singletCorrelation();
            for (double theta = -3.2; theta < 3.3; theta += 0.1) {
                assertEquals(closedE.at(0.3, 0.3 + theta), userE.at(0.3, 0.3 + theta), 1e-12);
            }
        }
    }

    @Test
    void theUsersWeightIntegratesToItsTotal() {
        RetrocausalModel user = Setups.userWeight(0.1);
        assertEquals(Math.PI / 0.1, user.weight().total(), 1e-9);
    }

    /** An asymmetric W still gives P_A = ½ and an even E(θ) in this geometry (s uniform): no signalling. */
    @Test
    void anAsymmetricWeightDoesNotSignalWithAUniformS() {
        RealFunction skewed = a -> 1 / ((a - 0.3) * (a - 0.3) + 0.01) + 0.5 / ((a + 1) * (a + 1) + 0.04);
        RetrocausalModel model = new RetrocausalModel(0.1, skewed, null);
        Experiment e = Setups.singlet(new double[] {0, 1.1}, new double[] {0.4, -0.9, 2.5});
        for (int c = 0; c < e.combinations(); c++) {
            double[] p = model.predict(e, c).orElseThrow();
            assertEquals(0.5, p[0] + p[1], 1e-12);
            assertEquals(0.5, p[0] + p[2], 1e-12);
            assertEquals(p[0], p[3], 1e-12);
        }
        RetrocausalModel.Correlation corr = model.singletCorrelation();
        assertEquals(corr.at(0, 0.8), corr.at(0, -0.8), 1e-12);
        double[] p = model.predict(e, e.settings().encode(new int[] {0, 0})).orElseThrow();
        assertEquals(p[0] + p[3] - p[1] - p[2], corr.at(0, 0.4), 1e-12);
    }

    /** A density of s that is not uniform lets Bob's setting change Alice's marginal: the no-signalling rests on s being free. */
    @Test
    void aSkewedInitialDensitySignals() {
        RetrocausalModel model = new RetrocausalModel(0.1, null, s -> 1 + 0.8 * Math.cos(s));
        Experiment e = Setups.singlet(new double[] {0.3}, new double[] {0.2, 1.7});
        double[] first = model.predict(e, 0).orElseThrow();
        double[] second = model.predict(e, 1).orElseThrow();
        double aliceFirst = first[0] + first[1];
        double aliceSecond = second[0] + second[1];
        assertTrue(Math.abs(aliceFirst - aliceSecond) > 1e-3, "P_A = " + aliceFirst + " vs " + aliceSecond);
        // the grid correlation agrees with predict
        assertEquals(first[0] + first[3] - first[1] - first[2], model.singletCorrelation().at(0.3, 0.2), 1e-12);
        // a constant density is the uniform one
        RetrocausalModel flat = new RetrocausalModel(0.1, null, s -> 3.0);
        double[] p = flat.predict(e, 1).orElseThrow();
        double[] q = Setups.lorentzian(0.1).predict(e, 1).orElseThrow();
        for (int o = 0; o < 4; o++) assertEquals(q[o], p[o], 1e-12);
    }
}
