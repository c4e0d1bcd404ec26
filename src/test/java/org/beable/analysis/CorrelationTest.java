package org.beable.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void singletCorrelationIsMinusCosine() {
        Experiment e = Fixtures.pair(Fixtures.angles(0, 0.3, 1.1), Fixtures.angles(-0.4, 0.3, 2.5));
        Prediction p = Fixtures.predict(e, Fixtures.SINGLET);
        for (int c = 0; c < e.combinations(); c++) {
            double a = e.settings().value(c, 0).number();
            double b = e.settings().value(c, 1).number();
            Correlation corr = Correlation.of(p, 0, 1, c);
            assertEquals(-Math.cos(a - b), corr.value(), 1e-12);
            assertEquals(0, corr.standardError());
        }
        assertEquals(9, Correlation.all(p, 0, 1).size());
        assertTrue(Correlation.table(Correlation.all(p, 0, 1)).render().contains("a=1.1, b=2.5"));
    }

    @Test
    void sampledErrorIsTheBinomialOneForPlusMinusOne() {
        int n = 20_000;
        Prediction p = Fixtures.predict(Fixtures.chshExperiment(), Fixtures.SINGLET);
        SampledRun run = Fixtures.sample(p, n, 11);
        for (int c = 0; c < 4; c++) {
            Correlation corr = Correlation.of(run, 0, 1, c);
            double e = corr.value();
            assertEquals(Math.sqrt((1 - e * e) / n), corr.standardError(), 1e-15);
            assertEquals(p.probabilities(c)[0] + p.probabilities(c)[3] - p.probabilities(c)[1] - p.probabilities(c)[2],
                    e, 5 * corr.standardError());
            assertEquals(n, corr.trials());
        }
    }

    @Test
    void outcomeValuesOtherThanPlusMinusOneAreUsed() {
        Detector three = new Detector("C", 1, null, v -> Fixtures.placeholder(2), List.of("0", "2"), new double[] {0, 2});
        Experiment e = Fixtures.experiment(List.of(Fixtures.spin("A", 0, "a"), three), List.of("a"),
                List.of(Fixtures.angles(0)), List.of(new Step.Measure(new int[] {0, 1})));
        // P(A=+1, C=2) = 0.3, P(A=-1, C=2) = 0.2, the rest on C=0: E = 2*0.3 - 2*0.2 = 0.2
        Prediction p = new Prediction(e, "fake", new double[][] {{0.1, 0.3, 0.4, 0.2}});
        assertEquals(0.2, Correlation.of(p, 0, 1, 0).value(), 1e-15);
    }

    @Test
    void nonNumericOutcomesAreAnError() {
        Detector colour = new Detector("C", 1, null, v -> Fixtures.placeholder(2), List.of("red", "blue"),
                new double[] {Double.NaN, Double.NaN});
        Experiment e = Fixtures.experiment(List.of(Fixtures.spin("A", 0, "a"), colour), List.of("a"),
                List.of(Fixtures.angles(0)), List.of(new Step.Measure(new int[] {0, 1})));
        Prediction p = new Prediction(e, "fake", new double[][] {{0.25, 0.25, 0.25, 0.25}});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Correlation.of(p, 0, 1, 0));
        assertTrue(error.getMessage().contains("not a number"), error.getMessage());
    }

    @Test
    void aDetectorThatDoesNotMeasureIsAnError() {
        Experiment e = Fixtures.pair(Fixtures.angles(0), List.of(Fixtures.angle(0, "0"), SettingValue.NONE));
        Prediction p = Fixtures.predict(e, Fixtures.SINGLET);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Correlation.of(p, 0, 1, 1));
        assertTrue(error.getMessage().contains("does not measure"), error.getMessage());
        assertEquals(1, Correlation.all(p, 0, 1).size());
    }
}
