package org.beable.analysis;

import static org.beable.analysis.Fixtures.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

class ChshTest {
    private static final double TSIRELSON = 2 * Math.sqrt(2);

    @Test
    void singletReachesTsirelson() {
        Prediction p = Fixtures.predict(Fixtures.chshExperiment(), Fixtures.SINGLET);
        Chsh chsh = Chsh.of(p);
        assertEquals(TSIRELSON, chsh.value(), 1e-12);
        assertEquals(0, chsh.standardError());
        double[][] ab = {{0, PI / 4}, {0, -PI / 4}, {PI / 2, PI / 4}, {PI / 2, -PI / 4}};
        for (int t = 0; t < 4; t++) {
            assertEquals(-Math.cos(ab[t][0] - ab[t][1]), chsh.terms().get(t).value(), 1e-12);
        }
        assertEquals("a=pi/2, b=-pi/4", chsh.terms().get(3).settings());
        assertTrue(chsh.exceedsLocal());
        assertFalse(chsh.exceedsTsirelson());
        assertFalse(chsh.exceedsNoSignalling());
        String text = chsh.toTable().render();
        assertTrue(text.contains("Tsirelson bound"), text);
        assertTrue(text.contains("2.828427125"), text);
    }

    @Test
    void prBoxReachesFour() {
        Chsh chsh = Chsh.of(Fixtures.predict(Fixtures.chshExperiment(), Fixtures.PR_BOX));
        assertEquals(4, chsh.value(), 1e-12);
        assertTrue(chsh.exceedsTsirelson());
        assertFalse(chsh.exceedsNoSignalling());
    }

    @Test
    void everyLocalDeterministicStrategyStaysWithinTwo() {
        double best = 0;
        for (int strategy = 0; strategy < 16; strategy++) {
            final int s = strategy;   // bit x: A's outcome index for setting x; bit 2 + y: B's for setting y
            Prediction p = Fixtures.predict(Fixtures.chshExperiment(), (x, y, a, b) -> {
                double[][] d = new double[2][2];
                d[(s >> x) & 1][(s >> (2 + y)) & 1] = 1;
                return d;
            });
            Chsh chsh = Chsh.of(p);
            assertTrue(chsh.value() <= 2 + 1e-12, "strategy " + s + " gives " + chsh.value());
            assertFalse(chsh.exceedsLocal());
            best = Math.max(best, chsh.value());
        }
        assertEquals(2, best, 1e-12);
    }

    @Test
    void sampledErrorCombinesTheFourTerms() {
        int n = 50_000;
        SampledRun run = Fixtures.sample(Fixtures.predict(Fixtures.chshExperiment(), Fixtures.SINGLET), n, 5);
        Chsh chsh = Chsh.of(run);
        double variance = 0;
        for (Correlation e : chsh.terms()) variance += (1 - e.value() * e.value()) / n;
        assertEquals(Math.sqrt(variance), chsh.standardError(), 1e-15);
        assertEquals(TSIRELSON, chsh.value(), 5 * chsh.standardError());
        assertTrue(chsh.exceedsLocal());
        assertFalse(chsh.exceedsTsirelson());
        assertTrue(chsh.toString().startsWith("S = 2.8"), chsh.toString());
    }

    @Test
    void firstTwoNonNoneValuesAndOtherSettingsAtTheirFirstValue() {
        // a has none first and a third value; c is a third detector's setting, held at its first value.
        List<SettingValue> as = List.of(SettingValue.NONE, Fixtures.angle(0, "0"), Fixtures.angle(PI / 2, "pi/2"),
                Fixtures.angle(1, "1"));
        List<SettingValue> bs = List.of(Fixtures.angle(PI / 4, "pi/4"), Fixtures.angle(-PI / 4, "-pi/4"));
        Experiment e = Fixtures.experiment(
                List.of(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 1, "b"), Fixtures.spin("C", 2, "c")),
                List.of("a", "b", "c"), List.of(as, bs, Fixtures.angles(0.7, 0.2)),
                List.of(new Step.Measure(new int[] {0, 1, 2})));
        double[][] distributions = new double[e.combinations()][];
        for (int c = 0; c < distributions.length; c++) {
            double[] d = new double[e.outcomes(c).size()];
            int[] digits = e.settings().decode(c);
            int cOut = digits[2] == 0 ? 0 : 1;   // C: +1 when c is at its first value, -1 otherwise
            if (digits[0] == 0) {                 // A does not measure: B is an unbiased coin
                for (int j = 0; j < 2; j++) d[e.outcomes(c).encode(new int[] {-1, j, cOut})] = 0.5;
            } else {
                double[][] p = Fixtures.SINGLET.p(0, 0, as.get(digits[0]).number(), bs.get(digits[1]).number());
                for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) d[e.outcomes(c).encode(new int[] {i, j, cOut})] = p[i][j];
            }
            distributions[c] = d;
        }
        Prediction p = new Prediction(e, "fake", distributions);
        Chsh chsh = Chsh.of(p);
        assertEquals(TSIRELSON, chsh.value(), 1e-12);
        assertTrue(chsh.terms().get(0).settings().equals("a=0, b=pi/4, c=0.7"), chsh.terms().get(0).settings());
        // explicit value indices: a2 = 1 (the value 1 rad) instead of pi/2
        Chsh other = Chsh.of(p, 0, 1, 1, 3, 0, 1);
        double expected = Math.abs(-Math.cos(-PI / 4) - Math.cos(PI / 4) - Math.cos(1 - PI / 4) + Math.cos(1 + PI / 4));
        assertEquals(expected, other.value(), 1e-12);
        // explicit slots: B and C, with a held at its first value, none (B is then a fair coin, so every E is 0)
        assertEquals(0, Chsh.of(p, 1, 2).value(), 1e-12);
    }

    @Test
    void unsuitableExperimentsAreRejected() {
        Experiment one = Fixtures.pair(Fixtures.angles(0, 1), Fixtures.angles(0));
        Prediction p = Fixtures.predict(one, Fixtures.SINGLET);
        assertThrows(IllegalArgumentException.class, () -> Chsh.of(p));
        assertThrows(IllegalArgumentException.class, () -> Chsh.of(p, 0, 0));
        Prediction q = Fixtures.predict(Fixtures.chshExperiment(), Fixtures.SINGLET);
        assertThrows(IllegalArgumentException.class, () -> Chsh.of(q, 0, 1, 0, 2, 0, 1));
    }
}
