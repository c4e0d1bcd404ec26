package org.beable.analysis;

import static org.beable.analysis.Fixtures.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

class SignallingTestTest {
    /** a in {0, π/2, none}, b in {π/4, −π/4, none}. */
    private static Experiment withNone() {
        return Fixtures.pair(List.of(Fixtures.angle(0, "0"), Fixtures.angle(PI / 2, "pi/2"), SettingValue.NONE),
                List.of(Fixtures.angle(PI / 4, "pi/4"), Fixtures.angle(-PI / 4, "-pi/4"), SettingValue.NONE));
    }

    /** Singlet-like correlations except that Bob's marginal follows Alice's setting. */
    private static final Fixtures.Joint SIGNALLING = (x, y, a, b) -> x == 0
            ? Fixtures.SINGLET.p(x, y, a, b)
            : new double[][] {{0.5 * 0.6, 0.5 * 0.4}, {0.5 * 0.6, 0.5 * 0.4}};

    @Test
    void exactSingletDoesNotSignalEvenAgainstNone() {
        SignallingTest test = SignallingTest.of(Fixtures.predict(withNone(), Fixtures.SINGLET));
        assertFalse(test.signalling());
        // A compared across b's three values for a = 0 and a = π/2, and B likewise: four comparisons
        assertEquals(4, test.tests().size());
        assertTrue(test.maxDeltaP() < 1e-12);
        assertTrue(test.toTable().render().contains("consistent with no signalling"));
    }

    @Test
    void exactSignallingIsCaught() {
        SignallingTest test = SignallingTest.of(Fixtures.predict(withNone(), SIGNALLING));
        assertTrue(test.signalling());
        assertEquals(0.1, test.maxDeltaP(), 1e-12);
        Assertions.assertSignalledBy(test, "B", "a");
    }

    @Test
    void sampledSignallingHasATinyPValue() {
        SampledRun run = Fixtures.sample(Fixtures.predict(withNone(), SIGNALLING), 10_000, 1);
        SignallingTest test = SignallingTest.of(run);
        assertTrue(test.signalling(), test.verdict());
        assertTrue(test.minPValue() < 1e-20, test.verdict());
        assertEquals(SignallingTest.ALPHA / 4, test.threshold(), 1e-18);
        Assertions.assertSignalledBy(test, "B", "a");
    }

    @Test
    void sampledSingletIsConsistentWithNoSignalling() {
        SampledRun run = Fixtures.sample(Fixtures.predict(withNone(), Fixtures.SINGLET), 20_000, 2);
        SignallingTest test = SignallingTest.of(run);
        assertFalse(test.signalling(), test.verdict());
        assertTrue(test.minPValue() > test.threshold());
        assertTrue(test.maxDeltaP() < 0.03, test.verdict());
        for (SignallingTest.Test t : test.tests()) {
            assertEquals(2, t.degreesOfFreedom());          // three values of the other setting, two outcomes
            assertTrue(t.pValue() >= 0 && t.pValue() <= 1);
        }
        String text = test.toTable().render();
        assertTrue(text.contains("p-value"), text);
    }

    @Test
    void aDeterministicOutcomeIsTriviallyConsistent() {
        Experiment e = Fixtures.chshExperiment();
        Prediction always = Fixtures.predict(e, (x, y, a, b) -> new double[][] {{1, 0}, {0, 0}});
        SignallingTest test = SignallingTest.of(Fixtures.sample(always, 100, 4));
        assertFalse(test.signalling());
        assertEquals(1, test.minPValue());
    }

    @Test
    void anEarlierMeasurementOfTheSameSystemMayInfluenceALaterOne() {
        // Sequential Stern–Gerlach on one qubit prepared in |0>: A = spin(a), then B = spin(b).
        Experiment e = Fixtures.experiment(List.of(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 0, "b")),
                List.of("a", "b"), List.of(Fixtures.angles(0, PI / 2), Fixtures.angles(0, PI / 3)),
                List.of(new Step.Measure(new int[] {0}), new Step.Measure(new int[] {1})));
        Prediction p = Fixtures.predict(e, (x, y, a, b) -> {
            double up = Math.pow(Math.cos(a / 2), 2);
            double same = Math.pow(Math.cos((a - b) / 2), 2);
            return new double[][] {{up * same, up * (1 - same)}, {(1 - up) * (1 - same), (1 - up) * same}};
        });
        SignallingTest test = SignallingTest.of(p);
        assertFalse(test.signalling(), test.verdict());
        assertEquals(2, test.tests().size());                  // A across b, for each a
        assertEquals(1, test.notTested().size());
        assertEquals("B", test.notTested().get(0).detector());
        assertEquals("a", test.notTested().get(0).settingName());
        assertTrue(test.toTable().render().contains("not tested"));
    }

    @Test
    void anInteractionBetweenMeasurementsAlsoExcusesInfluence() {
        Experiment e = Fixtures.experiment(List.of(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 1, "b")),
                List.of("a", "b"), List.of(Fixtures.angles(0, 1), Fixtures.angles(0, 1)),
                List.of(new Step.Measure(new int[] {0}), new Step.Evolve(null, 1, null), new Step.Measure(new int[] {1})));
        SignallingTest test = SignallingTest.of(Fixtures.predict(e, Fixtures.SINGLET));
        assertEquals(1, test.notTested().size());
        assertTrue(test.notTested().get(0).reason().contains("evolve"));
    }

    /** Small shared assertions. */
    static final class Assertions {
        static void assertSignalledBy(SignallingTest test, String detector, String setting) {
            SignallingTest.Test worst = test.tests().stream()
                    .max((x, y) -> Double.compare(x.maxDeltaP(), y.maxDeltaP())).orElseThrow();
            assertEquals(detector, worst.detector());
            assertEquals(setting, worst.settingName());
        }
    }
}
