package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.beable.analysis.Chsh;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.junit.jupiter.api.Test;

/** The exhaustive CHSH search and the optimiser. */
class SearchAndOptimiserTest {

    private static double[] around(double center, int half, double step) {
        return IntStream.rangeClosed(-half, half).mapToDouble(k -> center + k * step).toArray();
    }

    @Test
    void thePapersSearchFindsNothingAboveSOfGamma() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        double bound = 2 * Math.sqrt(2) / Math.cosh(0.2);
        double step = Math.PI / 10000;
        double[] a2 = around(Math.PI / 2, 100, step);
        double[] b1 = around(Math.PI / 4, 100, step);
        double[] b2 = around(-Math.PI / 4, 100, step);
        ChshSearch two = ChshSearch.over(model.singletCorrelation(), "m", new double[] {0}, a2, b1, b2, bound, 2);
        assertEquals(201L * 201 * 201, two.points());
        assertEquals(0, two.above());
        assertEquals(bound, two.maximum(), 1e-14);
        assertEquals(Math.PI / 2, two.best().get(1), 1e-15);
        assertEquals(Math.PI / 4, two.best().get(2), 1e-15);
        assertEquals(-Math.PI / 4, two.best().get(3), 1e-15);
        ChshSearch one = ChshSearch.over(model.singletCorrelation(), "m", new double[] {0}, a2, b1, b2, bound, 1);
        assertEquals(two, one);
    }

    /** Every point of a small search is the S that `predict` gives on a real experiment. */
    @Test
    void theSearchAgreesWithPredict() {
        for (RetrocausalModel model : new RetrocausalModel[] {Setups.lorentzian(0.3), Setups.userWeight(0.3),
                new RetrocausalModel(0.3, a -> Math.exp(-a * a / 0.5), null), new RetrocausalModel(0.3, null, s -> 1.5 + Math.sin(s))}) {
            double[] a1 = {0.1};
            double[] a2 = {1.2};
            double[] b1 = {0.5};
            double[] b2 = {-0.4};
            ChshSearch search = ChshSearch.over(model.singletCorrelation(), "m", a1, a2, b1, b2, Double.NaN, 1);
            Experiment e = Setups.singlet(new double[] {0.1, 1.2}, new double[] {0.5, -0.4});
            assertEquals(Chsh.of(Prediction.of(e, model)).value(), search.maximum(), 1e-12, model.toString());
        }
    }

    @Test
    void theOptimiserFindsKnownExtremes() {
        for (Maximizer.Method method : Maximizer.Method.values()) {
            Maximizer.Optimum max = Maximizer.optimize(x -> -Math.pow(x[0] - 1, 2) - 3 * Math.pow(x[1] + 2, 2), new double[] {0, 0},
                    0.5, 1e-12, 5000, method, true);
            assertTrue(max.converged());
            assertEquals(0, max.value(), 1e-10);
            assertEquals(1, max.point()[0], 1e-4);
            assertEquals(-2, max.point()[1], 1e-4);
            Maximizer.Optimum min = Maximizer.optimize(x -> Math.pow(x[0] - 1, 2) + Math.pow(x[1], 2) + 5, new double[] {3, 3},
                    0.5, 1e-12, 5000, method, false);
            assertEquals(5, min.value(), 1e-10);
        }
        Maximizer.Optimum starved = Maximizer.optimize(x -> -x[0] * x[0], new double[] {10}, 0.1, 1e-15, 5,
                Maximizer.Method.NELDER_MEAD, true);
        assertFalse(starved.converged());
        assertTrue(starved.evaluations() <= 6);
    }

    /** The maximum of S over all four angles is S(γ) = 2√2 sech(2γ): the paper's conjecture, by optimisation. */
    @Test
    void theMaximumOverAllAnglesIsSOfGamma() {
        for (double gamma : new double[] {0.05, 0.4}) {
            RetrocausalModel.Correlation e = Setups.lorentzian(gamma).singletCorrelation();
            Maximizer.Optimum best = Maximizer.optimize(x -> ChshSearch.over(e, "m", new double[] {x[0]}, new double[] {x[1]},
                    new double[] {x[2]}, new double[] {x[3]}, Double.NaN, 1).maximum(), new double[] {0.2, 1.1, 1.0, -0.3}, 0.3, 1e-14,
                    20_000, Maximizer.Method.NELDER_MEAD, true);
            assertEquals(2 * Math.sqrt(2) / Math.cosh(2 * gamma), best.value(), 1e-10);
        }
    }
}
