package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.Step;
import org.beable.model.Beables;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** For an explicit λ the master equation ends in |K⟩⟨K|, K the outcome the rule predicts (N = 3, 4). */
class CollapseEndStateTest {

    private static Experiment experiment(int n, Random rng, CMatrix h, double time) {
        int[] dims = n == 4 ? new int[] {2, 2} : new int[] {n};
        List<org.beable.experiment.Detector> detectors = n == 4
                ? List.of(Setups.basis("A", 0, Setups.randomUnitary(2, rng)), Setups.basis("B", 1, Setups.randomUnitary(2, rng)))
                : List.of(Setups.basis("D", 0, Setups.randomUnitary(n, rng)));
        List<Step> steps = new java.util.ArrayList<>();
        if (h != null) steps.add(new Step.Evolve(h, time, Hermitian.evolution(h, time)));
        steps.add(new Step.Measure(n == 4 ? new int[] {0, 1} : new int[] {0}));
        return Setups.experiment(Setups.layout(dims), Setups.randomKet(n, rng), steps, detectors, List.of(), List.of(),
                new SettingChoice.All(), 1);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {3, 4})
    void withoutHamiltonianTheStateEndsInThePredictedEigenstate(int n) {
        Random rng = new Random(30 + n);
        for (int trial = 0; trial < 12; trial++) {
            Experiment e = experiment(n, rng, null, 0);
            SuperdeterministicModel model = new SuperdeterministicModel(2, BasisOrder.DEFAULT, null);
            double[] lambda = new double[n - 1];
            for (int k = 0; k < lambda.length; k++) lambda[k] = rng.nextDouble();
            int outcome = argmax(model.response(e, 0, Beables.of("lambda", lambda)));
            Trajectory t = Trajectories.of(model, e, 0, Trajectories.Options.defaults().withLambda(lambda)
                    .withTimes(new double[] {0, 1, 20}).integrated(1e-12, 1e-10));
            CMatrix end = t.average().get(2);
            assertEquals(1, end.re(outcome, outcome), 1e-8, "ρ_KK at κt = 40 for λ = " + java.util.Arrays.toString(lambda));
            assertEquals(t.branches().get(0).outcome(), t.basisLabels().get(outcome));
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {3, 4})
    void withAHamiltonianAndLargeKappaTheStateStaysInThePredictedEigenstate(int n) {
        Random rng = new Random(40 + n);
        for (int trial = 0; trial < 6; trial++) {
            CMatrix h = Setups.randomHermitian(n, rng, 1.0 / Math.sqrt(n));
            Experiment e = experiment(n, rng, h, 0.5);
            SuperdeterministicModel model = new SuperdeterministicModel(400, BasisOrder.DEFAULT, null);
            double[] lambda = new double[n - 1];
            for (int k = 0; k < lambda.length; k++) lambda[k] = rng.nextDouble();
            int outcome = argmax(model.response(e, 0, Beables.of("lambda", lambda)));
            Trajectory t = Trajectories.of(model, e, 0, Trajectories.Options.defaults().withLambda(lambda));
            CMatrix end = t.average().get(t.times().length - 1);
            assertTrue(end.re(outcome, outcome) > 1 - 1e-3, "ρ_KK = " + end.re(outcome, outcome) + " at detection, κ = 400");
            assertTrue(Math.abs(end.trace().getReal() - 1) < 1e-7, "trace");
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        assertEquals(1, p[best], 0, "the response is a point mass");
        return best;
    }
}
