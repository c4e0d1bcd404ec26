package org.beable.analysis;

import static org.beable.analysis.Fixtures.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

class BornDeviationTest {
    private final Experiment chsh = Fixtures.chshExperiment();
    private final Prediction born = Fixtures.predict(chsh, Fixtures.SINGLET);

    @Test
    void countsProportionalToThePredictionFitPerfectly() {
        SampledRun run = Fixtures.proportional(born, 100_000);
        BornDeviation d = BornDeviation.of(run, born);
        assertEquals(12, d.degreesOfFreedom());
        assertTrue(d.pValue() > 0.9999, d.summary());
        assertTrue(d.maxTotalVariation() < 1e-4, d.summary());
        assertFalse(d.impossibleOutcome());
        assertEquals(4, d.combinations().size());
        assertTrue(d.toTable().render().contains("total variation"));
    }

    @Test
    void aShiftedDistributionIsRejected() {
        Prediction shifted = Fixtures.predict(chsh, (x, y, a, b) -> Fixtures.SINGLET.p(x, y, a + 0.05, b));
        BornDeviation d = BornDeviation.of(Fixtures.proportional(shifted, 100_000), born);
        assertTrue(d.pValue() < 1e-12, d.summary());
        assertTrue(d.maxTotalVariation() > 0.005, d.summary());
    }

    @Test
    void anHonestSampleIsConsistent() {
        BornDeviation d = BornDeviation.of(Fixtures.sample(born, 20_000, 9), born);
        assertTrue(d.pValue() > 1e-3, d.summary());
        // the total variation of an honest sample shrinks like 1/sqrt(n)
        assertTrue(d.maxTotalVariation() < 0.02, d.summary());
    }

    @Test
    void anOutcomeThePredictionForbidsGivesPZero() {
        Experiment same = Fixtures.pair(Fixtures.angles(0), Fixtures.angles(0));
        Prediction p = Fixtures.predict(same, Fixtures.SINGLET);   // P(++) = P(--) = 0
        SampledRun run = new SampledRun(same, "fake-run", 0, new int[] {0, 0, 0}, new int[] {1, 2, 0});
        BornDeviation d = BornDeviation.of(run, p);
        assertTrue(d.impossibleOutcome());
        assertEquals(0, d.pValue());
        assertEquals(1, d.degreesOfFreedom());
        assertTrue(d.toTable().render().contains("forbidden outcome seen"));
    }

    @Test
    void theRunMustBeSampled() {
        assertThrows(IllegalArgumentException.class, () -> BornDeviation.of(born, born));
        Experiment other = Fixtures.pair(Fixtures.angles(0), Fixtures.angles(0, PI, 1));
        assertThrows(IllegalArgumentException.class,
                () -> BornDeviation.of(Fixtures.sample(born, 10, 1), Fixtures.predict(other, Fixtures.SINGLET)));
        assertEquals(List.of(), BornDeviation.of(new SampledRun(chsh, "empty", 0, new int[0], new int[0]), born).combinations());
    }
}
