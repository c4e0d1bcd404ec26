package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.analysis.Chsh;
import org.beable.analysis.Correlation;
import org.beable.analysis.locality.LocalityReport;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/**
 * Toner and Bacon's one-bit model (PRL 91, 187904, 2003): λ1, λ2 uniform on the sphere;
 * Alice outputs α = −sign(a·λ1) and sends c = sign(a·λ1)·sign(a·λ2); Bob outputs
 * β = sign(b·(λ1 + c·λ2)). Then E = −a·b, the singlet's, so S = 2√2 at the CHSH angles.
 * (With α = +sign(a·λ1), as the bit is sometimes quoted, E would be +a·b.) Bob's rule reads
 * Alice's setting through c, so parameter independence fails given λ1, λ2, while the bit
 * carries nothing about a on its own: no signalling.
 */
class TonerBaconTest {
    static ScriptedModel tonerBacon() {
        return ScriptedModel.builder("toner_bacon")
                .hidden("lam1", HiddenDistribution.sphere())
                .hidden("lam2", HiddenDistribution.sphere())
                .outcome("A", scope -> {
                    int a = scope.setting("a");
                    int l1 = scope.hidden("lam1");
                    return c -> -Math.signum(Fixtures.dot(c, a, l1));
                })
                .outcome("B", scope -> {
                    int a = scope.setting("a");
                    int b = scope.setting("b");
                    int l1 = scope.hidden("lam1");
                    int l2 = scope.hidden("lam2");
                    return c -> {
                        double bit = Math.signum(Fixtures.dot(c, a, l1)) * Math.signum(Fixtures.dot(c, a, l2));
                        return Math.signum(Fixtures.dot(c, b, l1) + bit * Fixtures.dot(c, b, l2));
                    };
                })
                .build();
    }

    @Test
    void itReproducesTheSingletCorrelationBySampling() {
        Experiment e = Fixtures.chsh(500_000);
        SampledRun run = Fixtures.run(e, tonerBacon(), 11);
        for (int c = 0; c < e.combinations(); c++) {
            Correlation correlation = Correlation.of(run, 0, 1, c);
            double a = e.settings().value(c, 0).number();
            double b = e.settings().value(c, 1).number();
            assertEquals(-Math.cos(a - b), correlation.value(), 5 * correlation.standardError(), e.settings().describe(c));
        }
        Chsh s = Chsh.of(run);
        assertEquals(2 * Math.sqrt(2), s.value(), 5 * s.s().standardError());
    }

    @Test
    void predictRefusesTheFourDimensionalIntegralAndPointsToRun() {
        Experiment e = Fixtures.chsh(1);
        assertTrue(tonerBacon().predict(e, 0).isEmpty());
        Prediction.NoClosedForm refusal = assertThrows(Prediction.NoClosedForm.class, () -> Prediction.of(e, tonerBacon()));
        assertTrue(refusal.getMessage().contains("4 dimensions in all (lam1 (sphere, 2), lam2 (sphere, 2))"), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith("use run to sample it"), refusal.getMessage());
    }

    @Test
    void givenOneVectorTheOtherIsTooMuchToAverageExactlyAndTheAnalysisSaysSo() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.locality(Fixtures.chsh(1), tonerBacon(), 10, "lam1"));
        assertTrue(refusal.getMessage().contains("here they have 2 (lam2); give them too, or give all of lam1, lam2"), refusal.getMessage());
    }

    @Test
    void givenBothVectorsParameterIndependenceFailsButNothingSignals() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), tonerBacon(), 3000, "lam1", "lam2");
        Fixtures.expect(r, false, true, false, true, true);
    }
}
