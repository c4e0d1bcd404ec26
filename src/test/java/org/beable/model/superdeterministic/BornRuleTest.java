package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.Step;
import org.beable.model.Beables;
import org.beable.model.BornRule;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** P(K) = |α_K|² (the papers' eq 21) exactly and by sampling, and the model's own law for other λ. */
class BornRuleTest {

    /** A random state of n qubits (or one qudit), measured in a random product basis after a random evolution. */
    static Experiment random(int n, Random rng, long trials) {
        boolean qubits = Integer.bitCount(n) == 1 && n > 2;
        int factors = qubits ? Integer.numberOfTrailingZeros(n) : 1;
        int[] dims = new int[factors];
        java.util.Arrays.fill(dims, qubits ? 2 : n);
        List<Detector> detectors = new ArrayList<>();
        for (int f = 0; f < factors; f++) detectors.add(Setups.basis("D" + f, f, Setups.randomUnitary(dims[f], rng)));
        int[] all = new int[factors];
        for (int f = 0; f < factors; f++) all[f] = f;
        CMatrix h = Setups.randomHermitian(n, rng, 1);
        List<Step> steps = List.of(new Step.Evolve(h, 0.9, Hermitian.evolution(h, 0.9)), new Step.Measure(all));
        return Setups.experiment(Setups.layout(dims), Setups.randomKet(n, rng), steps, detectors, List.of(), List.of(),
                new SettingChoice.All(), trials);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16})
    void exactPredictionIsTheBornRuleForEveryOrder(int n) {
        Random rng = new Random(n);
        for (int trial = 0; trial < 3; trial++) {
            Experiment e = random(n, rng, 1);
            double[] born = BornRule.distribution(e, 0, e.preparedState());
            for (BasisOrder order : new BasisOrder[] {BasisOrder.DEFAULT, BasisOrder.PERMUTED, reversed(n)}) {
                double[] p = new SuperdeterministicModel(1e3, order, null).predict(e, 0).orElseThrow();
                assertArrayEquals(born, p, 1e-14, "order " + order);
            }
        }
    }

    private static BasisOrder reversed(int n) {
        List<Double> r = new ArrayList<>();
        for (int k = n - 1; k >= 0; k--) r.add((double) k);
        return BasisOrder.parse(r);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 8})
    void sampledRunsFollowTheBornRule(int n) {
        Random rng = new Random(100 + n);
        Experiment e = random(n, rng, 400_000);
        double[] born = BornRule.distribution(e, 0, e.preparedState());
        for (BasisOrder order : new BasisOrder[] {BasisOrder.DEFAULT, BasisOrder.PERMUTED}) {
            SampledRun run = new Runner(2, Cancellation.none(), null).run(e, new SuperdeterministicModel(1e3, order, null), 99);
            assertChiSquareFits(run.counts(0), born, "order " + order);
        }
    }

    /** Pearson's chi-square against p, at the 1e-5 level (deterministic seeds, so a fixed verdict). */
    static void assertChiSquareFits(long[] counts, double[] p, String what) {
        long n = 0;
        for (long c : counts) n += c;
        double chi = 0;
        int dof = -1;
        for (int k = 0; k < p.length; k++) {
            if (p[k] < 1e-12) {
                assertEquals(0, counts[k], what + ": outcome " + k + " has probability 0");
                continue;
            }
            chi += Math.pow(counts[k] - n * p[k], 2) / (n * p[k]);
            dof++;
        }
        double pValue = org.apache.commons.math3.special.Gamma.regularizedGammaQ(dof / 2.0, chi / 2.0);
        assertTrue(pValue > 1e-5, what + ": chi² = " + chi + " with " + dof + " dof, p = " + pValue);
    }

    @Test
    void productFormulaForOtherDistributionsMatchesTheAverageOfTheResponse() {
        Random rng = new Random(5);
        Experiment e = random(4, rng, 200_000);
        for (LambdaDistribution d : new LambdaDistribution[] {new BetaLambda(2, 5), new UniformLambda(0.3, 0.9),
                new DensityLambda(x -> 6 * x * (1 - x), "6x(1−x)"), new QuantileLambda(u -> u * u, "u²")}) {
            SuperdeterministicModel model = new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, d);
            double[] exact = model.predict(e, 0).orElseThrow();
            double[] average = new double[exact.length];
            UniformRandomProvider r = RandomStreams.stream(17, 1);
            int samples = 40_000;
            for (int k = 0; k < samples; k++) {
                double[] resp = model.response(e, 0, model.sampleHidden(e, 0, r));
                for (int o = 0; o < resp.length; o++) average[o] += resp[o] / samples;
            }
            for (int o = 0; o < exact.length; o++) {
                double se = Math.sqrt(exact[o] * (1 - exact[o]) / samples);
                assertEquals(exact[o], average[o], 5 * se + 1e-9, d.describe() + ", outcome " + o);
            }
            SampledRun run = new Runner(2, Cancellation.none(), null).run(e, model, 21);
            assertChiSquareFits(run.counts(0), exact, "run under " + d.describe());
        }
    }

    @Test
    void permutedOrderAverageIsTheMeanOverAllOrders() {
        Random rng = new Random(8);
        LambdaDistribution beta = new BetaLambda(0.7, 2.5);
        for (int m = 2; m <= 6; m++) {
            double[] w = new double[m];
            double total = 0;
            for (int k = 0; k < m; k++) total += w[k] = rng.nextDouble();
            for (int k = 0; k < m; k++) w[k] /= total;
            double[] viaSubsets = CollapseRule.exactPermuted(w, beta);
            double[] brute = new double[m];
            List<int[]> orders = Permutations.all(m);
            for (int[] order : orders) {
                double[] byPosition = CollapseRule.exact(CollapseRule.cumulative(w, order), beta);
                for (int q = 0; q < m; q++) brute[order[q]] += byPosition[q] / orders.size();
            }
            assertArrayEquals(brute, viaSubsets, 1e-13, "M = " + m);
            double sum = 0;
            for (double x : viaSubsets) sum += x;
            assertEquals(1, sum, 1e-13);
        }
    }

    @Test
    void sequentialMeasurementsGiveBornWithLudersUpdates() {
        // Stern–Gerlach: |0>, measure x, then z: each sequence 1/4.
        Detector sx = Setups.spin("SX", 0, null, Math.PI / 2);
        Detector sz = Setups.spin("SZ", 0, null, 0);
        Experiment e = Setups.experiment(Setups.layout(2), CMatrix.column(new double[] {1, 0}, null),
                List.of(new Step.Measure(new int[] {0}), new Step.Measure(new int[] {1})), List.of(sx, sz), List.of(), List.of(),
                new SettingChoice.All(), 200_000);
        double[] p = new SuperdeterministicModel().predict(e, 0).orElseThrow();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, p, 1e-14);
        SampledRun run = new Runner(2, Cancellation.none(), null).run(e, new SuperdeterministicModel(), 3);
        assertChiSquareFits(run.counts(0), p, "Stern–Gerlach");
        // λ has one component per measure step (D − 1 = 1), and the response reads them in order.
        Beables hidden = new SuperdeterministicModel().sampleHidden(e, 0, RandomStreams.stream(1, 2));
        assertEquals(2, ((double[]) hidden.get("lambda")).length);
    }

    @Test
    void partialMeasurementUsesTheWeightsOfTheOutcomeProjectors() {
        // Two qubits, only A measures: the model acts on tr(P_k ρ) and agrees with Born for uniform λ.
        Random rng = new Random(12);
        Experiment e = Setups.single(Setups.layout(2, 2), Setups.randomKet(4, rng), List.of(Setups.spin("A", 0, null, 0.4)), 1);
        double[] born = BornRule.distribution(e, 0, e.preparedState());
        assertArrayEquals(born, new SuperdeterministicModel().predict(e, 0).orElseThrow(), 1e-14);
        Experiment both = Setups.bell(Setups.randomKet(4, rng), new double[] {0.1}, new double[] {0.2}, new SettingChoice.All(), 1);
        assertArrayEquals(BornRule.distribution(both, 0, both.preparedState()),
                new SuperdeterministicModel().predict(both, 0).orElseThrow(), 1e-14);
    }
}
