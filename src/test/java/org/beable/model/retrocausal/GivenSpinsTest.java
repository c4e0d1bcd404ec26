package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.junit.jupiter.api.Test;

/** The hooks of the locality analysis: λ given as s alone, its density, and λ built from named values. */
class GivenSpinsTest {

    /** ∫ p(s | settings) P(o | settings, s) ds = P(o | settings), and p(s | settings) integrates to 1. */
    @Test
    void averagingOverSGivesThePrediction() {
        Experiment e = Setups.singlet(new double[] {0.3, Double.NaN}, new double[] {1.4, -0.6});
        for (RetrocausalModel model : new RetrocausalModel[] {Setups.lorentzian(0.2), Setups.userWeight(0.2),
                new RetrocausalModel(0.2, null, s -> 2 + Math.cos(3 * s))}) {
            for (int c = 0; c < e.combinations(); c++) {
                int n = 4096;
                double[] average = new double[e.outcomes(c).size()];
                double mass = 0;
                for (int j = 0; j < n; j++) {
                    double s = 2 * Math.PI * j / n;
                    Beables lambda = model.hiddenFrom(e, Map.of(RetrocausalModel.SPINS, s));
                    double density = model.hiddenDensity(e, c, lambda, Set.of(RetrocausalModel.SPINS)).orElseThrow();
                    double[] p = model.responseGiven(e, c, lambda, Set.of(RetrocausalModel.SPINS));
                    for (int o = 0; o < p.length; o++) average[o] += 2 * Math.PI / n * density * p[o];
                    mass += 2 * Math.PI / n * density;
                }
                assertEquals(1, mass, 1e-9);
                double[] predicted = model.predict(e, c).orElseThrow();
                for (int o = 0; o < predicted.length; o++) assertEquals(predicted[o], average[o], 1e-9);
            }
        }
    }

    /** Given s, Alice's outcome does not depend on Bob's setting (PI) and the outcomes are independent (OI). */
    @Test
    void givenSTheResponseIsLocal() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        Experiment e = Setups.singlet(new double[] {0.2}, new double[] {0.9, 2.2});
        Beables lambda = model.hiddenFrom(e, Map.of(RetrocausalModel.SPINS, 0.5));
        double[] first = model.responseGiven(e, 0, lambda, Set.of(RetrocausalModel.SPINS));
        double[] second = model.responseGiven(e, 1, lambda, Set.of(RetrocausalModel.SPINS));
        assertEquals(first[0] + first[1], second[0] + second[1], 1e-15);
        assertEquals(first[0], (first[0] + first[1]) * (first[0] + first[2]), 1e-15);
        // and the density of s moves with Bob's setting: statistical independence fails
        double here = model.hiddenDensity(e, 0, lambda, Set.of(RetrocausalModel.SPINS)).orElseThrow();
        double there = model.hiddenDensity(e, 1, lambda, Set.of(RetrocausalModel.SPINS)).orElseThrow();
        assertTrue(Math.abs(here - there) > 0.1 * here);
    }

    @Test
    void namedValuesAndTheirErrors() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        Experiment e = Setups.singlet(new double[] {0.2}, new double[] {0.9});
        Beables lambda = model.hiddenFrom(e, Map.of(RetrocausalModel.SPINS, 0.5, RetrocausalModel.ROTATIONS, java.util.List.of(-0.3, 0.4)));
        assertEquals(0.5 + Math.PI, ((double[]) lambda.get(RetrocausalModel.SPINS))[1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> model.hiddenFrom(e, Map.of("lambda", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> model.responseGiven(e, 0, lambda, Set.of(RetrocausalModel.ROTATIONS)));
        double[] all = model.responseGiven(e, 0, lambda, Set.of(RetrocausalModel.SPINS, RetrocausalModel.ROTATIONS));
        assertEquals(1.0, all[e.outcomes(0).encode(new int[] {Math.cos(0.2 - 0.2) >= 0 ? 0 : 1, Math.cos(0.5 + Math.PI + 0.4 - 0.9) >= 0 ? 0 : 1})]);
    }
}
