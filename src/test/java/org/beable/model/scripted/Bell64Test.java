package org.beable.model.scripted;

import static org.beable.model.scripted.Fixtures.PI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.analysis.Chsh;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityReport;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/**
 * Bell's 1964 model: λ uniform on [0, 2π), A = sign(cos(a − λ)), B = −sign(cos(b − λ)).
 * Coplanar settings give E(θ) = −1 + 2|θ|/π for θ = a − b in [−π, π], so S = 2 at the CHSH
 * angles; the model is local (PI, OI, LC) and statistically independent.
 */
class Bell64Test {
    static ScriptedModel bell64() {
        return ScriptedModel.builder("bell64")
                .hidden("lam", HiddenDistribution.uniform(0, 2 * PI))
                .outcome("A", Fixtures.signCos("a", "lam", 1))
                .outcome("B", Fixtures.signCos("b", "lam", -1))
                .build();
    }

    @Test
    void theCorrelationIsLinearInTheAngleExactly() {
        double[] thetas = {-3, -2.5, -PI / 2, -1, -0.3, 0.001, 0.4, PI / 4, 1.3, 2, 2.9};
        Experiment e = Fixtures.bell(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 1, "b"), Fixtures.angles(0),
                Fixtures.angles(thetas), 1);
        ScriptedModel model = bell64();
        for (int c = 0; c < thetas.length; c++) {
            double[] p = model.predict(e, c).orElseThrow();
            double theta = -thetas[c];
            assertEquals(-1 + 2 * Math.abs(theta) / PI, Fixtures.correlation(e, c, p, false), 1e-9, "θ = " + theta);
            assertEquals(1, p[0] + p[1] + p[2] + p[3], 1e-12);
            assertEquals(0.5, p[0] + p[1], 1e-9, "P(A = +1)");
        }
    }

    @Test
    void chshIsTwoAtTheChshAngles() {
        Prediction p = Prediction.of(Fixtures.chsh(1), bell64());
        assertEquals(2, Chsh.of(p).value(), 1e-9);
    }

    @Test
    void runAgreesWithPredict() {
        Experiment e = Fixtures.chsh(400_000);
        ScriptedModel model = bell64();
        SampledRun run = Fixtures.run(e, model, 2026);
        for (int c = 0; c < e.combinations(); c++) Fixtures.agree(model.predict(e, c).orElseThrow(), run, c, 5);
        Chsh s = Chsh.of(run);
        assertEquals(2, s.value(), 5 * s.s().standardError());
    }

    @Test
    void aRunIsTheSameForOneAndTwoThreads() {
        Experiment e = Fixtures.chsh(200_000);
        ScriptedModel model = bell64();
        SampledRun two = Fixtures.run(e, model, 7);
        SampledRun one = new org.beable.model.Runner(1, org.beable.concurrent.Cancellation.none(), null).run(e, model, 7);
        for (int c = 0; c < e.combinations(); c++) assertArrayEquals(one.counts(c), two.counts(c));
    }

    @Test
    void settingsChosenAtRandomPerTrialDrawTheSameForOneAndTwoThreads() {
        Experiment all = Fixtures.chsh(1);
        Experiment e = new Experiment("random", all.layout(), all.preparedState(), all.steps(), all.detectors(), all.settings(),
                new org.beable.experiment.SettingChoice.Random(), 300_000);
        ScriptedModel model = bell64();
        SampledRun two = Fixtures.run(e, model, 8);
        SampledRun one = new org.beable.model.Runner(1, org.beable.concurrent.Cancellation.none(), null).run(e, model, 8);
        for (int c = 0; c < e.combinations(); c++) {
            assertArrayEquals(one.counts(c), two.counts(c));
            Fixtures.agree(model.predict(e, c).orElseThrow(), two, c, 5);
        }
    }

    @Test
    void itIsLocalAndStatisticallyIndependent() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), bell64(), 2000, "lam");
        Fixtures.expect(r, true, true, true, true, true);
        assertTrue(r.verdict(Condition.NS).method().startsWith("exact"), r.verdict(Condition.NS).method());
    }
}
