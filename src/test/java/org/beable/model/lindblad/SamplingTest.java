package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/** `run` samples the exact distribution, the same for any thread count; λ is the prepared state. */
class SamplingTest {
    private static final long TRIALS = 200_000;

    /** The singlet dephased to γt = 0.15, CHSH settings, and a sequence step so branches matter too. */
    private static Experiment experiment() {
        return Fixtures.pair(2, Fixtures.singlet(),
                List.of(Fixtures.measure(0), Fixtures.evolve(Fixtures.X.kron(Fixtures.X).scale(0.4), 0.5), Fixtures.measure(1)),
                new double[] {0, Math.PI / 2}, new double[] {Math.PI / 4, -Math.PI / 4}, TRIALS);
    }

    private static LindbladModel model() {
        return new LindbladModel(CMatrix.zeros(4, 4),
                List.of(Fixtures.Z.kron(Fixtures.I).scale(0.5), Fixtures.I.kron(Fixtures.LOWER).scale(0.3)), 0.6);
    }

    private static int[] outcomes(SampledRun run) {
        org.beable.model.TrialLog trials = run.trials();
        int[] out = new int[trials.size()];
        for (int t = 0; t < out.length; t++) out[t] = trials.combinations()[t] * 16 + trials.outcomes()[t];
        return out;
    }

    @Test
    void runMatchesPredictWithinStatisticalError() {
        Experiment e = experiment();
        LindbladModel m = model();
        SampledRun run = new Runner(2, Cancellation.none(), null).run(e, m, 2026);
        for (int c = 0; c < e.combinations(); c++) {
            double[] exact = m.predict(e, c).orElseThrow();
            double[] sampled = run.probabilities(c);
            for (int o = 0; o < exact.length; o++) {
                double sigma = Math.sqrt(exact[o] * (1 - exact[o]) / TRIALS);
                assertTrue(Math.abs(sampled[o] - exact[o]) <= 5 * sigma + 1e-12,
                        e.describeOutcome(c, o) + ": " + sampled[o] + " against " + exact[o] + " ± " + sigma);
            }
        }
    }

    @Test
    void runsAreIdenticalForAnyThreadCount() {
        Experiment e = experiment();
        LindbladModel m = model();
        int[] one = outcomes(new Runner(1, Cancellation.none(), null).run(e, m, 7));
        int[] two = outcomes(new Runner(2, Cancellation.none(), null).run(e, m, 7));
        int[] three = outcomes(new Runner(3, Cancellation.none(), null).run(e, m, 7));
        assertArrayEquals(one, two);
        assertArrayEquals(one, three);
    }

    @Test
    void lambdaIsThePreparedStateWhateverTheSettings() {
        Experiment e = experiment();
        LindbladModel m = model();
        assertEquals(List.of("state"), m.beables());
        for (int c = 0; c < e.combinations(); c++) {
            List<OntologicalModel.WeightedHidden> support = m.hiddenSupport(e, c).orElseThrow();
            assertEquals(1, support.size());
            Beables lambda = support.get(0).hidden();
            assertEquals(e.preparedState(), lambda.get("state"));
            assertArrayEquals(m.predict(e, c).orElseThrow(), m.response(e, c, lambda), 0);
            assertArrayEquals(m.predict(e, c).orElseThrow(), m.responseGiven(e, c, lambda, Set.of()), 0);
        }
    }
}
