package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.Beables;
import org.beable.model.BornRule;
import org.beable.model.ModelRegistry;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The ensemble as an ontological model: runs made whole, λ = (ensemble, copies), responses, predictions. */
class ModelTest {

    @Test
    void registeredWithItsBeables() {
        assertTrue(ModelRegistry.find("ensemble").isPresent());
        EnsembleModel m = Fixtures.model();
        assertEquals("ensemble", m.name());
        assertEquals(List.of("ensemble", "copies"), m.beables());
    }

    @Test
    void aRunReadsEveryMemberOnceAndFollowsBornInEveryBasis() {
        CMatrix psi = Fixtures.twoLevelPsi();
        CMatrix h = Fixtures.twoLevelH();
        Experiment e = Fixtures.qubit(psi, h, 5, 50_000, 0, Math.PI / 2, 2.0);
        SampledRun run = new Runner(2, Cancellation.none(), null).run(e, Fixtures.model(), 77);
        for (int c = 0; c < e.combinations(); c++) {
            assertEquals(50_000, run.trials(c));
            double[] born = BornRule.distribution(e, c, e.preparedState());
            assertEquals(born[0], run.probabilities(c)[0], 4 / Math.sqrt(50_000), "combination " + c);
        }
    }

    @Test
    void theResponseToARunsLambdaIsThatRunsFrequencies() {
        // A run's combination c evolves λ drawn from the stream (seed, c); the response to that λ is
        // the relative frequency of each outcome among the members — exactly what the run read.
        Experiment e = Fixtures.qubit(Fixtures.twoLevelPsi(), Fixtures.twoLevelH(), 3, 4000, 0.4, 1.1);
        for (EnsembleModel m : new EnsembleModel[] {Fixtures.model(), Fixtures.model("level", "member")}) {
            SampledRun run = m.runWhole(e, 5, 1, Cancellation.none()).orElseThrow();
            for (int c = 0; c < 2; c++) {
                UniformRandomProvider rng = RandomStreams.stream(5, c);
                Beables lambda = m.sampleHidden(e, c, rng);
                assertArrayEquals(run.probabilities(c), m.response(e, c, lambda), 1e-15);
            }
        }
    }

    @Test
    void theResponseIsDefinedForAnyEnsembleAndSeed() {
        Experiment e = Fixtures.qubit(Fixtures.ket(1, 0), null, 0, 100, 0, Math.PI / 2);
        EnsembleModel m = Fixtures.model();
        Beables lambda = new Beables(java.util.Map.of("ensemble", EnsembleState.ofClasses(new long[] {30, 70}, new double[] {0, 0.5}, 0),
                "copies", 9L));
        assertArrayEquals(new double[] {0.3, 0.7}, m.response(e, 0, lambda), 1e-15);   // no evolution, beable basis: read the values
        double[] rotated = m.response(e, 1, lambda);
        assertEquals(1, rotated[0] + rotated[1], 1e-12);
        assertArrayEquals(rotated, m.response(e, 1, lambda), 0);                          // deterministic given λ
    }

    @Test
    void meanFieldPredictsTheBornRuleAndOtherLevelsDoNot() {
        Experiment e = Fixtures.qubit(Fixtures.twoLevelPsi(), Fixtures.twoLevelH(), 4, 100, 0, 0.7, Math.PI / 2);
        EnsembleModel limit = Fixtures.model("level", "mean_field");
        for (int c = 0; c < e.combinations(); c++) {
            assertArrayEquals(BornRule.distribution(e, c, e.preparedState()), limit.predict(e, c).orElseThrow(), 1e-9);
        }
        assertTrue(Fixtures.model().predict(e, 0).isEmpty());
        assertTrue(limit.runWhole(e, 1, 1, Cancellation.none()).isEmpty());
    }

    @Test
    void entangledPairsNeedSpectatorsForRotatedBases() {
        // The singlet has nodes (|00>, |11>); measuring in rotated bases evolves members into them.
        double s = Math.sqrt(0.5);
        CMatrix singlet = Fixtures.ket(0, s, -s, 0);
        double[] as = {0, Math.PI / 2};
        double[] bs = {Math.PI / 4, -Math.PI / 4};
        Experiment e = Fixtures.pair(singlet, 100_000, as, bs, new SettingChoice.All());
        // One spectator per value: the remedy costs O(√(s/N)) (the spectators' amplitude interferes).
        SampledRun run = new Runner(2, Cancellation.none(), null).run(e, Fixtures.model("spectators", 1), 3);
        for (int c = 0; c < 4; c++) {
            double[] p = run.probabilities(c);
            double correlation = p[0] - p[1] - p[2] + p[3];
            double a = as[c / 2];
            double b = bs[c % 2];
            assertEquals(-Math.cos(a - b), correlation, 0.035, "E(" + a + ", " + b + ")");
        }
        EnsembleModel noSpectators = Fixtures.model();
        assertEquals(1, noSpectators.warnings(e).size());
        SampledRun stuck = new Runner(2, Cancellation.none(), null).run(e, noSpectators, 3);
        double[] p = stuck.probabilities(0);                                 // a = 0, b = π/4: bob's rotation needs |00>, |11>
        assertTrue(Math.abs(p[0] - p[1] - p[2] + p[3] + Math.cos(Math.PI / 4)) > 0.1, "without spectators the pair cannot rotate");
    }

    @Test
    void randomSettingsReadTheNextMemberOfTheirCombination() {
        Experiment e = Fixtures.pair(Fixtures.ket(1, 0, 0, 0), 3000, new double[] {0, 1}, new double[] {0}, new SettingChoice.Random());
        SampledRun run = new Runner(1, Cancellation.none(), null).run(e, Fixtures.model("members", 3000, "spectators", 2), 8);
        assertEquals(3000, run.size());
        assertEquals(3000, run.trials(0) + run.trials(1));
        assertTrue(run.trials(0) > 1300 && run.trials(0) < 1700);
    }
}
