package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.beable.experiment.Experiment;
import org.beable.experiment.Step;
import org.beable.model.ModelArguments;
import org.beable.model.OntologicalModel;
import org.beable.model.QuantumModel;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/**
 * Without jump operators the model is standard quantum mechanics with its H running for its own
 * time and then alongside every `evolve` step: lindblad(H, [], t) on [evolve H' for t', …] is
 * quantum on [evolve H for t, evolve H + H' for t', …].
 */
class NoJumpsTest {
    private static final double NONE = Double.NaN;

    private static void assertSamePredictions(Experiment e, OntologicalModel model, Experiment quantumSide) {
        QuantumModel quantum = new QuantumModel();
        for (int c = 0; c < e.combinations(); c++) {
            double[] got = model.predict(e, c).orElseThrow();
            double[] expected = quantum.predict(quantumSide, c).orElseThrow();
            double difference = Fixtures.maxDifference(got, expected);
            assertTrue(difference <= 1e-12, e.settings().describe(c) + ": " + difference);
        }
    }

    @Test
    void measuredAtOnce() {
        Random rng = new Random(11);
        CMatrix h = Fixtures.randomHermitian(4, rng, 1);
        CMatrix rho = Fixtures.randomState(4, rng);
        double t = 1.3;
        double[] as = {0, Math.PI / 2, NONE};
        double[] bs = {Math.PI / 4, -Math.PI / 4, NONE};
        Experiment e = Fixtures.pair(2, rho, List.of(Fixtures.measure(0, 1)), as, bs, 1000);
        Experiment q = Fixtures.pair(2, rho, List.of(Fixtures.evolve(h, t), Fixtures.measure(0, 1)), as, bs, 1000);
        assertSamePredictions(e, new LindbladModel(h, List.of(), t), q);
    }

    @Test
    void withEvolveStepsAndMeasurementsInSequence() {
        Random rng = new Random(12);
        CMatrix h = Fixtures.randomHermitian(4, rng, 1);
        CMatrix h1 = Fixtures.randomHermitian(4, rng, 0.7);
        CMatrix h2 = Fixtures.randomHermitian(4, rng, 1.5);
        CMatrix rho = Fixtures.randomState(4, rng);
        double t = 0.4;
        double t1 = 0.9;
        double t2 = 2.2;
        double[] as = {0.3, NONE, 2.0};
        double[] bs = {NONE, -1.1};
        List<Step> steps = List.of(Fixtures.evolve(h1, t1), Fixtures.measure(0), Fixtures.evolve(h2, t2), Fixtures.measure(1));
        List<Step> quantumSteps = List.of(Fixtures.evolve(h, t), Fixtures.evolve(h.plus(h1), t1), Fixtures.measure(0),
                Fixtures.evolve(h.plus(h2), t2), Fixtures.measure(1));
        Experiment e = Fixtures.pair(2, rho, steps, as, bs, 1000);
        Experiment q = Fixtures.pair(2, rho, quantumSteps, as, bs, 1000);
        assertSamePredictions(e, new LindbladModel(h, List.of(), t), q);
    }

    @Test
    void theBareModelIsQuantumMechanics() {
        // `lindblad` without parameters: no H, no jumps, on whatever systems the experiment has.
        Random rng = new Random(13);
        CMatrix h1 = Fixtures.randomHermitian(8, rng, 1);
        List<Step> steps = List.of(Fixtures.measure(0), Fixtures.evolve(h1, 0.8), Fixtures.measure(1));
        Experiment e = Fixtures.pair(3, Fixtures.randomState(8, rng), steps, new double[] {0.2, NONE}, new double[] {1.0, 2.0}, 1000);
        OntologicalModel bare = LindbladModel.SPEC.create(ModelArguments.none(LindbladModel.SPEC));
        assertSamePredictions(e, bare, e);
        OntologicalModel timed = LindbladModel.SPEC.create(new ModelArguments(LindbladModel.SPEC, Map.of("time", 3.0)));
        assertSamePredictions(e, timed, e);
    }
}
