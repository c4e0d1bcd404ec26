package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.model.Beables;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Sampled histories: their outcomes follow `predict`, their hidden parts follow the history measure, the response reads them back. */
class HistorySamplingTest {
    private static final double P_MIN = 1e-4;

    private static void assertSampledMatchesPredicted(RetrocausalModel model, Experiment e, long seed) {
        SampledRun run = new Runner(2, new Cancellation(), null).run(e, model, seed);
        for (int c = 0; c < e.combinations(); c++) {
            double[] p = model.predict(e, c).orElseThrow();
            long[] counts = run.counts(c);
            double[] expected = new double[p.length];
            int used = 0;
            for (int o = 0; o < p.length; o++) if (p[o] > 0) expected[used++] = p[o] * run.trials(c);
            long[] observed = new long[used];
            for (int o = 0, k = 0; o < p.length; o++) {
                if (p[o] > 0) observed[k++] = counts[o];
                else assertEquals(0, counts[o], "an outcome of probability 0 came up");
            }
            if (used < 2) continue;
            double pValue = new ChiSquareTest().chiSquareTest(java.util.Arrays.copyOf(expected, used), observed);
            assertTrue(pValue > P_MIN, "chi-square p = " + pValue + " at " + e.settings().describe(c));
        }
    }

    @Test
    void sampledSingletOutcomesFollowThePrediction() {
        Experiment e = withTrials(Setups.singlet(new double[] {0, Math.PI / 2, Double.NaN}, new double[] {Math.PI / 4, 2.9, Double.NaN}), 40_000);
        assertSampledMatchesPredicted(Setups.lorentzian(0.1), e, 11);
        assertSampledMatchesPredicted(Setups.lorentzian(1.3), e, 12);
        assertSampledMatchesPredicted(Setups.userWeight(0.1), e, 13);
        assertSampledMatchesPredicted(new RetrocausalModel(0.2, null, s -> 1 + 0.9 * Math.sin(s)), e, 14);
    }

    @Test
    void sampledSequencesFollowThePrediction() {
        Experiment e = withTrials(Setups.sequence(0.3, new double[] {1.0, Double.NaN}, new double[] {-0.5, 2.0}, new double[] {3.0}), 40_000);
        assertSampledMatchesPredicted(Setups.lorentzian(0.2), e, 21);
        assertSampledMatchesPredicted(Setups.userWeight(0.2), e, 22);
    }

    /** Every sampled history is read back by the response as the outcome it was drawn with, and ends exactly on a detector direction. */
    @Test
    void theResponseReadsEachHistoryBack() {
        Experiment e = Setups.singlet(new double[] {0, 1.2, Double.NaN}, new double[] {0.7, Double.NaN});
        for (RetrocausalModel model : new RetrocausalModel[] {Setups.lorentzian(0.05), Setups.userWeight(0.3)}) {
            UniformRandomProvider rng = RandomStreams.stream(5, 1);
            SpinExperiment spins = model.spins(e);
            for (int c = 0; c < e.combinations(); c++) {
                for (int k = 0; k < 2000; k++) {
                    double[] start = new double[2];
                    double[] rotation = new double[2];
                    int[] outcome = new int[2];
                    int joint = model.drawHistory(e, c, rng, start, rotation, outcome);
                    double[] response = HistoryPlan.response(spins, c, start, rotation);
                    assertEquals(1.0, response[joint]);
                    assertEquals(start[0] + Math.PI, start[1], 1e-12);
                    for (int slot = 0; slot < 2; slot++) {
                        if (outcome[slot] == OutcomeSpace.NO_OUTCOME) continue;
                        double end = start[slot] + rotation[slot] - spins.direction(c, slot) - outcome[slot] * Math.PI;
                        assertEquals(0, WindingSum.reduce(end), 1e-9, "the spin ends on its detector's direction");
                    }
                }
                Beables lambda = model.sampleHidden(e, c, rng);
                assertEquals(1.0, java.util.Arrays.stream(model.response(e, c, lambda)).sum());
            }
        }
    }

    /** For the singlet measured along a and b, s has density ∝ Q(a − s) Q(b − π − s), Q(x) = W₂π(x) + W₂π(x + π). */
    @Test
    void theInitialDirectionFollowsTheFutureSettings() {
        double gamma = 0.05;
        double a = 0.2;
        double b = 1.4;
        Experiment e = Setups.singlet(new double[] {a}, new double[] {b});
        int n = 20_000;
        for (RetrocausalModel model : new RetrocausalModel[] {Setups.lorentzian(gamma), Setups.userWeight(gamma)}) {
            UniformRandomProvider rng = RandomStreams.stream(7, 2);
            double[] s = new double[n];
            for (int k = 0; k < n; k++) {
                double[] start = new double[2];
                model.drawHistory(e, 0, rng, start, new double[2], new int[2]);
                s[k] = start[0] - 2 * Math.PI * Math.floor(start[0] / (2 * Math.PI));
            }
            double[] cdf = cumulative(x -> q(a - x, gamma) * q(b - Math.PI - x, gamma), 200_000);
            double ks = distance(cdf, s);
            assertTrue(ks < 1.95 / Math.sqrt(n) + 1e-3, "KS distance " + ks);
            // the retrocausal alignment: s lies within 3γ of a or b (mod π) most of the time
            int aligned = 0;
            for (double x : s) if (near(x, a, 3 * gamma) || near(x, b, 3 * gamma)) aligned++;
            assertTrue(aligned > 0.7 * n, "aligned share " + (double) aligned / n);
        }
    }

    /** The Kolmogorov–Smirnov distance between samples on [0, 2π) and a tabulated CDF. */
    private static double distance(double[] cdf, double[] samples) {
        double[] x = samples.clone();
        java.util.Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double f = cdf[(int) Math.min(cdf.length - 1, Math.round(x[i] / (2 * Math.PI) * (cdf.length - 1)))];
            d = Math.max(d, Math.max(Math.abs(f - (double) i / x.length), Math.abs(f - (i + 1.0) / x.length)));
        }
        return d;
    }

    private static boolean near(double x, double direction, double within) {
        double d = WindingSum.reduce(2 * (x - direction)) / 2;
        return Math.abs(d) < within;
    }

    private static double q(double x, double gamma) {
        return Weight.Lorentzian.sum(x, gamma) + Weight.Lorentzian.sum(x + Math.PI, gamma);
    }

    private static double[] cumulative(java.util.function.DoubleUnaryOperator density, int points) {
        double[] cdf = new double[points];
        double h = 2 * Math.PI / (points - 1);
        for (int k = 1; k < points; k++) {
            cdf[k] = cdf[k - 1] + h * (density.applyAsDouble((k - 1) * h) + density.applyAsDouble(k * h)) / 2;
        }
        for (int k = 0; k < points; k++) cdf[k] /= cdf[points - 1];
        return cdf;
    }

    /** Given where a rotation ends, its winding n has probability W(x + 2πn) / W₂π(x), tail included. */
    @Test
    void windingsFollowTheWeight() {
        for (Weight weight : new Weight[] {new Weight.Lorentzian(0.3), new RetrocausalModel(0.3, a -> 1 / (a * a + 0.09), null).weight()}) {
            double x = 2.5;
            UniformRandomProvider rng = RandomStreams.stream(9, 3);
            int[] windings = {0, -1, 1, -2, 2};
            long[] counts = new long[windings.length + 1];
            int n = 200_000;
            for (int k = 0; k < n; k++) {
                double alpha = Windings.rotation(weight, x, weight.periodic(x), rng);
                long w = Math.round((alpha - x) / (2 * Math.PI));
                assertEquals(x + 2 * Math.PI * w, alpha, 1e-9);
                int bin = windings.length;
                for (int j = 0; j < windings.length; j++) if (windings[j] == w) bin = j;
                counts[bin]++;
            }
            double[] expected = new double[windings.length + 1];
            double rest = 1;
            for (int j = 0; j < windings.length; j++) {
                expected[j] = weight.at(x + 2 * Math.PI * windings[j]) / weight.periodic(x);
                rest -= expected[j];
            }
            expected[windings.length] = rest;
            for (int j = 0; j < expected.length; j++) expected[j] *= n;
            assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > P_MIN);
        }
    }

    @Test
    void theLorentzianTailIsDrawnExactly() {
        // x = π: the tail beyond the walk has mass ≈ 1/(π² (2·64 + 1)) / W₂π(π); force it by drawing many
        Weight weight = new Weight.Lorentzian(0.01);
        UniformRandomProvider rng = RandomStreams.stream(10, 4);
        double x = -Math.PI;
        long far = 0;
        long farther = 0;
        int n = 2_000_000;
        double edge = 2 * Math.PI * (Windings.LORENTZIAN_WALK + 0.5);
        for (int k = 0; k < n; k++) {
            double alpha = Math.abs(Windings.rotation(weight, x, weight.periodic(x), rng));
            if (alpha > edge) far++;
            if (alpha > 2 * edge) farther++;
        }
        // Σ_{|α| > R} W / W₂π ≈ (2/R)/(2π) / W₂π(π), and half of that beyond 2R
        double expectedFar = n * (2 / edge) / (2 * Math.PI) / weight.periodic(x);
        assertEquals(expectedFar, far, 5 * Math.sqrt(expectedFar));
        assertEquals(expectedFar / 2, farther, 5 * Math.sqrt(expectedFar / 2));
    }

    /** For a wide Lorentzian most of the mass lies beyond the walk: the tail draw must carry it exactly. */
    @Test
    void theTailOfAWideLorentzian() {
        double gamma = 2000;
        double x = 1.0;
        Weight weight = new Weight.Lorentzian(gamma);
        double[] edges = {2 * Math.PI * 64.5, 2000, 8000};
        double total = weight.periodic(x);
        double[] beyond = new double[edges.length];           // Σ over |x + 2πn| > edge of W, exactly (arctan tails of the cells)
        for (int n = -2_000_000; n <= 2_000_000; n++) {
            double a = Math.abs(x + 2 * Math.PI * n);
            for (int j = 0; j < edges.length; j++) if (a > edges[j]) beyond[j] += weight.at(x + 2 * Math.PI * n);
        }
        for (int j = 0; j < edges.length; j++) beyond[j] += 2 * (Math.PI / 2 - Math.atan(2 * Math.PI * 2_000_000.5 / gamma)) / gamma / (2 * Math.PI);
        UniformRandomProvider rng = RandomStreams.stream(12, 5);
        int n = 200_000;
        long[] counts = new long[edges.length];
        for (int k = 0; k < n; k++) {
            double a = Math.abs(Windings.rotation(weight, x, total, rng));
            for (int j = 0; j < edges.length; j++) if (a > edges[j]) counts[j]++;
        }
        for (int j = 0; j < edges.length; j++) {
            double expected = n * beyond[j] / total;
            assertEquals(expected, counts[j], 5 * Math.sqrt(expected * (1 - beyond[j] / total)) + 1, "beyond " + edges[j]);
        }
    }

    @Test
    void historiesAreTheSameForEveryThreadCount() {
        Experiment e = withTrials(Setups.singlet(new double[] {0, 1}, new double[] {0.5, Double.NaN}), 150_000);
        RetrocausalModel model = Setups.lorentzian(0.1);
        Histories one = Histories.sample(model, e, 150_000, 42, new ChunkedRunner(1, new Cancellation()));
        Histories two = Histories.sample(model, e, 150_000, 42, new ChunkedRunner(2, new Cancellation()));
        assertArrayEquals(one.start()[0], two.start()[0]);
        assertArrayEquals(one.rotation()[1], two.rotation()[1]);
        assertArrayEquals(one.outcome()[0], two.outcome()[0]);
        // and they are the histories `run` draws with the same seed
        SampledRun run = new Runner(2, new Cancellation(), null).run(e, model, 42);
        org.beable.model.TrialLog trials = run.trials();
        for (int t = 0; t < trials.size(); t += 997) {
            int[] outcome = e.outcomes(trials.combinations()[t]).decode(trials.outcomes()[t]);
            assertEquals(outcome[0], one.outcome()[0][t]);
            assertEquals(outcome[1], one.outcome()[1][t]);
        }
    }

    private static Experiment withTrials(Experiment e, long trials) {
        return new Experiment(e.name(), e.layout(), e.preparedState(), e.steps(), e.detectors(), e.settings(), e.choice(), trials);
    }
}
