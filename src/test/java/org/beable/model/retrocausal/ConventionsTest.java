package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.analysis.SignallingTest;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityAnalysis;
import org.beable.analysis.locality.LocalityReport;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.Prediction;
import org.beable.model.RealFunction;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The conventions geometry / net / mirror and separate weights W_A, W_B, each checked against an
 * independent computation: the kernel integrated by the trapezoidal rule on the real line in this
 * test (windings summed term by term), not through the model's grids and Fourier series.
 */
class ConventionsTest {
    /** Smooth and fast-falling, so the real-line quadrature below is accurate to round-off. */
    private static final RealFunction SKEWED = a -> Math.exp(-(a - 0.3) * (a - 0.3) / (2 * 0.04)) + 0.5 * Math.exp(-(a + 1) * (a + 1) / (2 * 0.09));
    private static final RealFunction NARROW = a -> Math.exp(-(a - 0.1) * (a - 0.1) / (2 * 0.0225));
    private static final RealFunction SYMMETRIC = a -> Math.exp(-a * a / (2 * 0.09));

    private static double periodic(RealFunction w, double x) {
        double sum = 0;
        for (int n = -6; n <= 6; n++) sum += w.apply(x + 2 * Math.PI * n);
        return sum;
    }

    /**
     * K(x) = ∫ W_A(u) W_B₂π(x − u) du (convolution) or ∫ W_A(u) W_B₂π(u + x) du (cross-correlation),
     * by the trapezoidal rule with step 1e-3 on [−2π, 2π].
     */
    private static double kernel(RealFunction a, RealFunction b, boolean convolution, double x) {
        double h = 1e-3;
        int n = (int) Math.round(2 * Math.PI / h);
        double sum = 0;
        for (int k = -n; k <= n; k++) {
            double u = k * h;
            sum += a.apply(u) * periodic(b, convolution ? x - u : u + x);
        }
        return sum * h;
    }

    /** P(o) from the quadrature kernel and the convention's table of required angles, written out here. */
    private static double[] expected(RealFunction a, RealFunction b, Convention convention, double theta) {
        double[] required = switch (convention) {
            case GEOMETRY -> new double[] {theta - Math.PI, theta, theta, theta - Math.PI};   // AB, AB̄, ĀB, ĀB̄
            case NET -> new double[] {Math.PI - theta, theta, theta, Math.PI - theta};
            case MIRROR -> new double[] {Math.PI - theta, theta, -theta, -(Math.PI - theta)};
        };
        double[] p = new double[4];
        double total = 0;
        for (int o = 0; o < 4; o++) {
            p[o] = kernel(a, b, convention != Convention.GEOMETRY, required[o]);
            total += p[o];
        }
        for (int o = 0; o < 4; o++) p[o] /= total;
        return p;
    }

    private static RetrocausalModel model(RealFunction a, RealFunction b, Convention convention) {
        return new RetrocausalModel(0.1, null, a, b, null, convention);
    }

    @Test
    void everyConventionMatchesTheQuadratureOfItsKernel() {
        double[] as = {0, 1.1};
        double[] bs = {0.4, -0.9, 2.5};
        Experiment e = Setups.singlet(as, bs);
        for (Convention convention : Convention.values()) {
            for (RealFunction[] pair : new RealFunction[][] {{SKEWED, SKEWED}, {SKEWED, NARROW}, {NARROW, SYMMETRIC}}) {
                RetrocausalModel m = model(pair[0], pair[1], convention);
                for (int c = 0; c < e.combinations(); c++) {
                    int[] at = e.settings().decode(c);
                    double theta = bs[at[1]] - as[at[0]];
                    double[] want = expected(pair[0], pair[1], convention, theta);
                    double[] got = m.predict(e, c).orElseThrow();
                    for (int o = 0; o < 4; o++) {
                        assertEquals(want[o], got[o], 1e-9, convention + " θ = " + theta + " outcome " + o);
                    }
                    double correlation = got[0] + got[3] - got[1] - got[2];
                    assertEquals(correlation, m.singletCorrelation().at(as[at[0]], bs[at[1]]), 1e-9, convention + " E");
                }
            }
        }
    }

    /** The one-pass evaluation at θ, −θ, π − θ, θ − π (the CHSH search's) agrees with K term by term, in each convention's table. */
    @Test
    void theFourAnglesInOnePassAreTheKernelsValues() {
        for (Convention convention : Convention.values()) {
            PeriodicGrid a = PeriodicGrid.of(new RetrocausalModel(0.1, SKEWED, null).weight(), null, 1024);
            PeriodicGrid b = PeriodicGrid.of(new RetrocausalModel(0.1, NARROW, null).weight(), null, 1024);
            PairKernel k = new PairKernel(a, b, convention);
            for (double theta = -3; theta <= 3; theta += 0.37) {
                double[] four = k.atFour(theta);
                for (int oa = 0; oa < 2; oa++) {
                    for (int ob = 0; ob < 2; ob++) {
                        assertEquals(k.at(convention.required(oa, ob, theta)), four[convention.requiredIndex(oa, ob)],
                                1e-12 * four[0] + 1e-12, convention + " θ = " + theta);
                    }
                }
            }
        }
    }

    @Test
    void aSymmetricWeightMakesTheThreeConventionsOne() {
        Experiment e = Setups.singlet(new double[] {0, 0.7}, new double[] {0.4, 2.9});
        double[][] closed = new double[e.combinations()][];
        for (int c = 0; c < e.combinations(); c++) closed[c] = Setups.lorentzian(0.1).predict(e, c).orElseThrow();
        for (Convention convention : Convention.values()) {
            RetrocausalModel m = new RetrocausalModel(0.1, null, null, null, null, convention);
            for (int c = 0; c < e.combinations(); c++) {
                double[] p = m.predict(e, c).orElseThrow();
                for (int o = 0; o < 4; o++) assertEquals(closed[c][o], p[o], 1e-12, convention.word());
            }
        }
    }

    private static double aliceUp(RetrocausalModel m, Experiment e, int c) {
        double[] p = m.predict(e, c).orElseThrow();
        return p[0] + p[1];
    }

    @Test
    void onlyTheMirrorConventionLetsAnAsymmetricWeightSignal() {
        Experiment e = Setups.singlet(new double[] {0.3}, new double[] {0.2, 1.7});
        for (Convention convention : Convention.values()) {
            RetrocausalModel m = model(SKEWED, NARROW, convention);
            double shift = Math.abs(aliceUp(m, e, 0) - aliceUp(m, e, 1));
            boolean signals = shift > 1e-6;
            assertEquals(convention == Convention.MIRROR, signals, convention + ": P_A moves by " + shift);
            assertEquals(convention == Convention.MIRROR, SignallingTest.of(Prediction.of(e, m)).signalling(), convention.word());
        }
        // a symmetric W under mirror does not signal
        RetrocausalModel symmetric = model(SYMMETRIC, SYMMETRIC, Convention.MIRROR);
        assertEquals(aliceUp(symmetric, e, 0), aliceUp(symmetric, e, 1), 1e-12);
    }

    @Test
    void sampledHistoriesFollowThePredictionAndTheResponseReadsThemBack() {
        Experiment e = Setups.singlet(new double[] {0, 1.1}, new double[] {0.4, -0.9});
        for (Convention convention : new Convention[] {Convention.NET, Convention.MIRROR}) {
            RetrocausalModel m = model(SKEWED, NARROW, convention);
            SampledRun run = new Runner(2, new Cancellation(), null).run(e, m, 5);
            for (int c = 0; c < e.combinations(); c++) {
                double[] p = m.predict(e, c).orElseThrow();
                double[] expected = new double[4];
                for (int o = 0; o < 4; o++) expected[o] = p[o] * run.trials(c);
                double pValue = new ChiSquareTest().chiSquareTest(expected, run.counts(c));
                assertTrue(pValue > 1e-4, convention + " chi-square p = " + pValue);
            }
            // the response to a drawn history gives its outcome (net: shared with the pair that needs the same angle)
            UniformRandomProvider rng = RandomStreams.stream(11);
            double[] start = new double[2];
            double[] rotation = new double[2];
            int[] outcome = new int[2];
            for (int k = 0; k < 2000; k++) {
                int joint = m.drawHistory(e, 1, rng, start, rotation, outcome);
                Beables lambda = m.hiddenFrom(e, java.util.Map.of(RetrocausalModel.SPINS, start.clone(), RetrocausalModel.ROTATIONS, rotation.clone()));
                double[] response = m.response(e, 1, lambda);
                assertTrue(response[joint] >= 0.5, convention + ": the response gives the drawn outcome");
            }
        }
    }

    @Test
    void localityAnswersForEachConvention() {
        Experiment e = Setups.singlet(new double[] {0, 1.1}, new double[] {0.4, -0.9});
        LocalityAnalysis.Sampling sampling = new LocalityAnalysis.Sampling(400, 3, new ChunkedRunner(1, new Cancellation()));
        // geometry: the rotations and spins fix the outcomes locally
        LocalityReport geometry = LocalityAnalysis.of(e, model(SKEWED, NARROW, Convention.GEOMETRY),
                Set.of(RetrocausalModel.SPINS, RetrocausalModel.ROTATIONS), sampling);
        assertTrue(geometry.verdict(Condition.PI).holds());
        assertTrue(geometry.verdict(Condition.OI).holds());
        // net: the net rotation fixes only whether the outcomes agree; each side's marginal stays ½
        LocalityReport net = LocalityAnalysis.of(e, model(SKEWED, NARROW, Convention.NET), Set.of(RetrocausalModel.ROTATIONS), sampling);
        assertTrue(net.verdict(Condition.PI).holds());
        assertFalse(net.verdict(Condition.OI).holds());
        // mirror: which outcome A shows depends on the sign of θ = b − a
        LocalityReport mirror = LocalityAnalysis.of(e, model(SKEWED, NARROW, Convention.MIRROR), Set.of(RetrocausalModel.ROTATIONS), sampling);
        assertFalse(mirror.verdict(Condition.PI).holds());
    }

    @Test
    void theConventionsSayWhereTheyDoNotApply() {
        Experiment sequence = Setups.sequence(0, new double[] {0.4}, new double[] {1.0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model(null, null, Convention.NET).predict(sequence, 0));
        assertTrue(e.getMessage().contains("defined for the singlet measured once on each side"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RetrocausalModel(0.1, null, null, null, s -> 1 + 0.5 * Math.cos(s), Convention.MIRROR));
        assertTrue(e.getMessage().contains("plays no part under convention = mirror"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Convention.named("sideways"));
        assertTrue(e.getMessage().contains("not one of: geometry, net, mirror"), e.getMessage());
    }
}
