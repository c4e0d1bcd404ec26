package org.beable.analysis;

import static org.beable.analysis.Fixtures.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingValue;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

class ProbabilityAndMarginalsTest {
    private final Experiment chsh = Fixtures.chshExperiment();
    private final Prediction singlet = Fixtures.predict(chsh, Fixtures.SINGLET);

    @Test
    void jointProbabilityOfTheSinglet() {
        // combination 1: a = 0, b = -pi/4
        Probability p = Probability.of(singlet, Map.of(0, 0, 1, 0), 1);
        assertEquals(0.5 * Math.pow(Math.sin(PI / 8), 2), p.value(), 1e-15);
        assertEquals(0, p.standardError());
        assertEquals("A=+1, B=+1", p.eventLabel());
        assertEquals("a=0, b=-pi/4", p.settings());
        assertTrue(p.toTable().render().contains("A=+1, B=+1"));
    }

    @Test
    void marginalEventSumsOverTheOtherSlot() {
        assertEquals(0.5, Probability.of(singlet, Map.of(1, 1), 2).value(), 1e-15);
        assertEquals(1, Probability.of(singlet, Map.of(), 3).value(), 1e-15);
    }

    @Test
    void exactProbabilityOverASetIsTheAverage() {
        Probability p = Probability.of(singlet, Map.of(0, 0, 1, 0), Set.of(0, 3));
        double p0 = 0.5 * Math.pow(Math.sin(-PI / 8), 2);
        double p3 = 0.5 * Math.pow(Math.sin(3 * PI / 8), 2);
        assertEquals((p0 + p3) / 2, p.value(), 1e-15);
        assertEquals(List.of(0, 3), p.combinations());
    }

    @Test
    void sampledProbabilityIsPooledWithABinomialError() {
        SampledRun run = Fixtures.sample(singlet, 10_000, 7);
        Probability p = Probability.of(run, Map.of(0, 1), Set.of(0, 1));
        long hits = 0;
        for (int c = 0; c < 2; c++) {
            long[] counts = run.counts(c);
            hits += counts[2] + counts[3];              // A = -1 is joint outcome 2 or 3
        }
        double f = hits / 20_000.0;
        assertEquals(f, p.value(), 1e-15);
        assertEquals(Math.sqrt(f * (1 - f) / 20_000), p.standardError(), 1e-15);
        assertEquals(20_000, p.trials());
        assertEquals(0.5, p.value(), 5 * p.standardError());
    }

    @Test
    void noOutcomeIsAnEvent() {
        Experiment e = Fixtures.pair(Fixtures.angles(0), List.of(Fixtures.angle(0, "0"), SettingValue.NONE));
        Prediction p = Fixtures.predict(e, Fixtures.SINGLET);
        assertEquals(1, Probability.of(p, Map.of(1, OutcomeSpace.NO_OUTCOME), 1).value(), 1e-15);
        assertEquals(0, Probability.of(p, Map.of(1, OutcomeSpace.NO_OUTCOME), 0).value(), 1e-15);
        assertEquals(0, Probability.of(p, Map.of(1, 0), 1).value(), 1e-15);
    }

    @Test
    void badEventsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Probability.of(singlet, Map.of(2, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> Probability.of(singlet, Map.of(0, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> Probability.of(singlet, Map.of(0, 0), 4));
        assertThrows(IllegalArgumentException.class, () -> Probability.of(singlet, Map.of(0, 0), Set.of()));
    }

    @Test
    void singletMarginalsAreOneHalfEverywhere() {
        Marginals m = Marginals.of(singlet, 1);
        assertEquals("B", m.detector());
        assertEquals(4, m.rows().size());
        for (int c = 0; c < 4; c++) {
            assertEquals(0.5, m.probability(c, 0), 1e-15);
            assertEquals(0.5, m.probability(c, 1), 1e-15);
        }
        String text = m.toTable().render();
        assertTrue(text.contains("P(B=+1)"), text);
        assertTrue(text.contains("pi/4"), text);
    }

    @Test
    void marginalsOfASampledRunCarryErrorsAndNone() {
        Experiment e = Fixtures.pair(Fixtures.angles(0), List.of(Fixtures.angle(0, "0"), SettingValue.NONE));
        SampledRun run = Fixtures.sample(Fixtures.predict(e, Fixtures.SINGLET), 4000, 3);
        Marginals a = Marginals.of(run, 0);
        Estimate up = a.rows().get(1).probabilities().get(0);
        assertEquals(0.5, up.value(), 5 * up.standardError());
        assertEquals(Math.sqrt(up.value() * (1 - up.value()) / 4000), up.standardError(), 1e-15);
        Marginals b = Marginals.of(run, 1);
        assertFalse(b.rows().get(1).fires());
        String text = b.toTable().render();
        assertTrue(text.contains("P(B=none)"), text);
        assertTrue(text.contains("trials"), text);
    }
}
