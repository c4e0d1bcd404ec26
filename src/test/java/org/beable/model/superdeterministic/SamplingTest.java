package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.Prediction;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/** Seeded sampling: the same numbers for any thread count, every way of choosing settings, drift included. */
class SamplingTest {
    private static final double[] AS = {0, Math.PI / 2};
    private static final double[] BS = {Math.PI / 4, -Math.PI / 4};

    private static int[] outcomes(SampledRun run) {
        org.beable.model.TrialLog trials = run.trials();
        int[] out = new int[trials.size()];
        for (int t = 0; t < out.length; t++) out[t] = trials.outcomes()[t] * 16 + trials.combinations()[t];
        return out;
    }

    @Test
    void runsAreIdenticalForEveryThreadCount() {
        Random rng = new Random(2);
        List<SuperdeterministicModel> models = List.of(
                new SuperdeterministicModel(),
                new SuperdeterministicModel(1e3, BasisOrder.PERMUTED, null),
                new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, new BetaLambda(2, 3)),
                new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, new Drift(0.05, UniformLambda.DISK)),
                new SuperdeterministicModel(1e3, BasisOrder.PERMUTED, new Drift(0.3, new BetaLambda(0.5, 0.5))));
        List<SettingChoice> choices = List.of(new SettingChoice.All(), new SettingChoice.Random(),
                new SettingChoice.Rule(t -> (int) ((t * 7 + t / 3) % 4)));
        for (int m = 0; m < models.size(); m++) {
            SuperdeterministicModel model = models.get(m);
            // The default model under every choice of settings, the others under one each.
            for (SettingChoice choice : m == 0 ? choices : List.of(choices.get(m % 3))) {
                Experiment e = Setups.bell(Setups.randomKet(4, rng), AS, BS, choice, choice instanceof SettingChoice.All ? 66_000 : 140_000);
                int[] one = outcomes(new Runner(1, Cancellation.none(), null).run(e, model, 42));
                for (int threads : new int[] {2, 3}) {
                    assertArrayEquals(one, outcomes(new Runner(threads, Cancellation.none(), null).run(e, model, 42)),
                            model + ", " + choice + ", threads = " + threads);
                }
            }
        }
    }

    @Test
    void settingsChosenAnyWayGiveTheSameStatistics() {
        Random rng = new Random(3);
        var psi = Setups.randomKet(4, rng);
        SuperdeterministicModel model = new SuperdeterministicModel();
        Experiment all = Setups.bell(psi, AS, BS, new SettingChoice.All(), 100_000);
        Experiment random = Setups.bell(psi, AS, BS, new SettingChoice.Random(), 400_000);
        Experiment rule = Setups.bell(psi, AS, BS, new SettingChoice.Rule(t -> (int) (Math.floor(t * 0.6180339887) % 4)), 400_000);
        Prediction exact = Prediction.of(all, model);
        for (Experiment e : List.of(all, random, rule)) {
            SampledRun run = new Runner(2, Cancellation.none(), null).run(e, model, 7);
            for (int c = 0; c < 4; c++) {
                BornRuleTest.assertChiSquareFits(run.counts(c), exact.probabilities(c), e.choice() + ", combination " + c);
            }
        }
    }

    @Test
    void driftKeepsEachTrialUniformButCorrelatesNeighbours() {
        long trials = 300_000;
        DriftWalk walk = new DriftWalk(11, trials, 3, 0.05);
        double[] sum = new double[3];
        long[] below = new long[3];
        double lag = 0;
        double previous = walk.at(0)[0];
        for (long t = 0; t < trials; t++) {
            double[] u = walk.at(t);
            for (int c = 0; c < 3; c++) {
                assertTrue(u[c] >= 0 && u[c] <= 1);
                sum[c] += u[c];
                if (u[c] < 0.3) below[c]++;
            }
            if (t > 0) {
                assertTrue(Math.abs(u[0] - previous) <= 0.05 + 1e-15, "a step is at most 0.05");
                lag += (u[0] - 0.5) * (previous - 0.5);
            }
            previous = u[0];
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(0.5, sum[c] / trials, 0.03, "mean quantile, component " + c);
            assertEquals(0.3, below[c] / (double) trials, 0.05, "P(u < 0.3), component " + c);
        }
        assertTrue(lag / trials / (1 / 12.0) > 0.95, "consecutive trials are strongly correlated");
        // Random access gives the same values as walking in order (other threads jump around).
        DriftWalk again = new DriftWalk(11, trials, 3, 0.05);
        for (long t : new long[] {123_456, 5, 299_999, 1024, 1023, 0, 77_777}) assertArrayEquals(walk.at(t).clone(), again.at(t).clone(), 0);
    }

    @Test
    void integerThresholdsDecideExactlyAsTheFloatingPointRule() {
        Random rng = new Random(6);
        for (int trial = 0; trial < 200; trial++) {
            int m = 2 + rng.nextInt(6);
            double[] w = new double[m];
            for (int k = 0; k < m; k++) w[k] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
            double[] s = CollapseRule.cumulative(w, Permutations.identity(m));
            long[] thresholds = CollapseRule.thresholds(s);
            for (int p = 1; p < m; p++) {
                long t = thresholds[p];
                for (long bits : new long[] {t - 2, t - 1, t, t + 1, rng.nextLong() >>> 11, 0, (1L << 53) - 1}) {
                    if (bits < 0 || bits >= 1L << 53) continue;
                    assertEquals(CollapseRule.positive(s, p, bits * 0x1.0p-53), bits >= t, "position " + p + ", bits " + bits);
                }
            }
        }
    }

    @Test
    void fastSamplerAndResponseAgreeOnTheSameLambda() {
        // The sampler's decision x·S_J > S_{J−1} is the response's: drawing λ by hand and asking the
        // response gives the outcome the sampler's rule gives for the same numbers.
        Random rng = new Random(4);
        Experiment e = BornRuleTest.random(4, rng, 1);
        SuperdeterministicModel model = new SuperdeterministicModel();
        OutcomeTree tree = new OutcomeTree(DetectionPlan.of(e, 0), BasisOrder.DEFAULT);
        for (int k = 0; k < 2000; k++) {
            double[] lambda = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            int position = CollapseRule.position(tree.root.sums, lambda, 0);
            double[] r = model.response(e, 0, org.beable.model.Beables.of("lambda", lambda));
            assertEquals(1, r[tree.root.leaves[tree.root.order[position]]], 0);
        }
    }
}
