package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/** A seed fixes everything, and the thread count changes nothing. */
class ReproducibilityTest {

    private static int[] outcomes(SampledRun run) {
        org.beable.model.TrialLog trials = run.trials();
        int[] out = new int[trials.size()];
        for (int t = 0; t < out.length; t++) out[t] = trials.combinations()[t] * 1000 + trials.outcomes()[t];
        return out;
    }

    @Test
    void runsAreIdenticalForAnyThreadCount() {
        double s = Math.sqrt(0.5);
        Experiment e = Fixtures.pair(Fixtures.ket(0, s, -s, 0), 20_000, new double[] {0, 1.2}, new double[] {0.4, -0.4}, new SettingChoice.All());
        for (EnsembleModel m : new EnsembleModel[] {Fixtures.model("spectators", 3), Fixtures.model("spectators", 3, "level", "member")}) {
            int[] one = outcomes(new Runner(1, Cancellation.none(), null).run(e, m, 42));
            int[] two = outcomes(new Runner(2, Cancellation.none(), null).run(e, m, 42));
            int[] five = outcomes(new Runner(5, Cancellation.none(), null).run(e, m, 42));
            assertArrayEquals(one, two);
            assertArrayEquals(one, five);
            assertNotEquals(java.util.Arrays.hashCode(one), java.util.Arrays.hashCode(outcomes(new Runner(2, Cancellation.none(), null).run(e, m, 43))));
        }
    }

    @Test
    void oneLargeMemberLevelEnsembleSplitOverThreadsIsIdentical() {
        // 30 000 members are four blocks, so the phase loops really run in parallel.
        EnsembleModel m = Fixtures.model("level", "member", "members", 30_000, "spread", 0.2, "f", 1, "damping", 1);
        EnsembleHistory one = m.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 1, 0.25, 9, 1, Cancellation.none());
        EnsembleHistory three = m.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 1, 0.25, 9, 3, Cancellation.none());
        assertEquals(one.copies(), three.copies());
        for (int k = 0; k < one.times().size(); k++) {
            assertArrayEquals(one.frequencies().get(k), three.frequencies().get(k), 0);
            assertArrayEquals(one.phases().get(k), three.phases().get(k), 0);
            assertEquals(one.spread().get(k), three.spread().get(k), 0);
        }
    }

    @Test
    void observingMoreOftenDoesNotChangeTheRun() {
        EnsembleModel m = Fixtures.model("level", "member", "members", 5000);
        EnsembleHistory coarse = m.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 4, 2.0, 5, 1, Cancellation.none());
        EnsembleHistory fine = m.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 4, 0.5, 5, 1, Cancellation.none());
        assertEquals(coarse.steps(), fine.steps());
        assertArrayEquals(coarse.last(), fine.last(), 0);
        assertEquals(coarse.deviation(), fine.deviation(), 0);
    }
}
