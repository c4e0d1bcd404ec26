package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.ModelArguments;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The distributions of |λ|²: closed forms, numerical integration, sampling, and refusing what is not a distribution. */
class DistributionsTest {

    @Test
    void closedFormsAndNumericalIntegrals() {
        BetaLambda beta = new BetaLambda(2, 5);
        BetaDistribution reference = new BetaDistribution(2, 5);
        DensityLambda parabola = new DensityLambda(x -> 6 * x * (1 - x), "6x(1−x)");
        DensityLambda unnormalised = new DensityLambda(x -> 3 * Math.sqrt(x), "3√x");   // ∝ Beta(3/2, 1)
        QuantileLambda square = new QuantileLambda(u -> u * u, "u²");
        QuantileLambda wiggly = new QuantileLambda(u -> 0.5 + 0.45 * Math.sin(20 * u), "wiggle");
        for (double c : new double[] {0, 1e-9, 0.01, 0.2, 0.5, 0.77, 0.999, 1}) {
            assertEquals(1 - reference.cumulativeProbability(c), beta.probabilityAbove(c), 1e-14, "Beta at " + c);
            assertEquals(reference.cumulativeProbability(c), beta.probabilityAtMost(c), 1e-14);
            assertEquals(1 - (3 * c * c - 2 * c * c * c), parabola.probabilityAbove(c), 1e-13, "6x(1−x) at " + c);
            assertEquals(1 - Math.pow(c, 1.5), unnormalised.probabilityAbove(c), 2e-9, "3√x at " + c);   // √x is not smooth at 0: the first cell costs ~1e-9
            assertEquals(1 - Math.sqrt(c), square.probabilityAbove(c), 1e-12, "q = u² at " + c);
            assertEquals(c >= 1 ? 0 : 1 - c, UniformLambda.DISK.probabilityAbove(c), 0);
            // A quantile function with many crossings: the measure of {u : q(u) > c} by direct integration.
            int grid = 1_000_000;
            long inside = 0;
            for (int k = 0; k < grid; k++) if (0.5 + 0.45 * Math.sin(20 * (k + 0.5) / grid) > c) inside++;
            assertEquals(inside / (double) grid, wiggly.probabilityAbove(c), 2e-5, "wiggle at " + c);
        }
        assertEquals(0.5, new UniformLambda(0.2, 0.6).probabilityAbove(0.4), 1e-15);
        assertTrue(UniformLambda.DISK.isUniformDisk() && !new UniformLambda(0, 0.5).isUniformDisk());
    }

    @Test
    void samplesFollowTheDistribution() {
        UniformRandomProvider rng = RandomStreams.stream(4, 4);
        for (LambdaDistribution d : new LambdaDistribution[] {new BetaLambda(0.5, 2), new DensityLambda(x -> 6 * x * (1 - x), "p"),
                new QuantileLambda(u -> Math.sqrt(u), "√u"), new UniformLambda(0.1, 0.3)}) {
            int n = 200_000;
            double[] cuts = {0.1, 0.25, 0.5, 0.75, 0.9};
            long[] above = new long[cuts.length];
            for (int k = 0; k < n; k++) {
                double x = d.sample(rng);
                assertTrue(x >= 0 && x <= 1);
                for (int c = 0; c < cuts.length; c++) if (x > cuts[c]) above[c]++;
            }
            for (int c = 0; c < cuts.length; c++) {
                double p = d.probabilityAbove(cuts[c]);
                assertEquals(p, above[c] / (double) n, 5 * Math.sqrt(p * (1 - p) / n) + 1e-6, d.describe() + " above " + cuts[c]);
                assertEquals(p, 1 - inverseCdfAt(d, cuts[c]), 2e-6, "quantile agrees with the distribution: " + d.describe());
            }
        }
    }

    /** P(|λ|² ≤ c) read off the quantile function by bisection. */
    private static double inverseCdfAt(LambdaDistribution d, double c) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (d.quantile(mid) <= c) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    @Test
    void whatIsNotADistributionIsRefusedInPlainWords() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DensityLambda(x -> x - 0.5, "x − 0.5"))
                .getMessage().contains("negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DensityLambda(x -> 0, "0"))
                .getMessage().contains("integrates to 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QuantileLambda(u -> 2 * u, "2u"))
                .getMessage().contains("must lie in [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BetaLambda(0, 1)).getMessage().contains("a > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UniformLambda(0.5, 1.5)).getMessage().contains("0 ≤ lo < hi ≤ 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Drift(0, UniformLambda.DISK)).getMessage().contains("(0, 1]"));
    }

    @Test
    void modelParametersAreChecked() {
        var spec = SuperdeterministicModel.SPEC;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.create(new ModelArguments(spec, Map.of("kappa", 0.0))))
                .getMessage().contains("kappa must be a positive rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.create(new ModelArguments(spec, Map.of("kappa", -3.0))))
                .getMessage().contains("kappa"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.create(new ModelArguments(spec, Map.of("order", "shuffled"))))
                .getMessage().contains("unknown basis order 'shuffled'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> spec.create(new ModelArguments(spec, Map.of("order", List.of(0.0, 0.0, 1.0))))).getMessage().contains("appears twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> spec.create(new ModelArguments(spec, Map.of("order", List.of(1.0, 2.0))))).getMessage().contains("not a permutation"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> spec.create(new ModelArguments(spec, Map.of("lambda", 0.5)))).getMessage().contains("distribution of |λ|²"));
        SuperdeterministicModel ok = (SuperdeterministicModel) spec.create(new ModelArguments(spec,
                Map.of("kappa", 10.0, "order", "permuted", "lambda", new Drift(0.1, new BetaLambda(2, 2)))));
        assertEquals(List.of("lambda", "basis", "order"), ok.beables());
        assertTrue(ok.drift().isPresent());
    }
}
