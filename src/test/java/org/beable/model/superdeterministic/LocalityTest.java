package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityAnalysis;
import org.beable.analysis.locality.LocalityReport;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The beables `lambda` and `basis` and the verdicts of docs/language.md ("Run, predict and locality"): with λ alone the model
 * looks statistically independent but violates parameter independence; counting the basis in,
 * it is locally causal and violates statistical independence (001 §4.1–4.2).
 */
class LocalityTest {
    private static final double[] AS = {0, Math.PI / 2};
    private static final double[] BS = {Math.PI / 4, -Math.PI / 4};

    private static Experiment singlet() {
        return Setups.bell(Setups.weightedSinglet(0.6), AS, BS, new SettingChoice.All(), 1);
    }

    private static LocalityReport report(OntologicalModel model, String... given) {
        return LocalityAnalysis.of(singlet(), model, new LinkedHashSet<>(List.of(given)),
                new LocalityAnalysis.Sampling(3000, 5, new ChunkedRunner(2, Cancellation.none())));
    }

    private static void expect(LocalityReport r, boolean pi, boolean oi, boolean lc, boolean ns, boolean si) {
        assertEquals(pi, r.verdict(Condition.PI).holds(), "PI: " + r.verdict(Condition.PI));
        assertEquals(oi, r.verdict(Condition.OI).holds(), "OI: " + r.verdict(Condition.OI));
        assertEquals(lc, r.verdict(Condition.LC).holds(), "LC: " + r.verdict(Condition.LC));
        assertEquals(ns, r.verdict(Condition.NS).holds(), "NS: " + r.verdict(Condition.NS));
        assertEquals(si, r.verdict(Condition.SI).holds(), "SI: " + r.verdict(Condition.SI));
    }

    @Test
    void lambdaAloneViolatesParameterIndependenceExactly() {
        LocalityReport r = report(new SuperdeterministicModel(), "lambda");
        expect(r, false, true, false, true, true);
        assertTrue(r.verdict(Condition.PI).method().startsWith("exact enumeration"), r.verdict(Condition.PI).method());
    }

    @Test
    void lambdaAndBasisAreLocallyCausalAndSuperdeterministic() {
        LocalityReport r = report(new SuperdeterministicModel(), "lambda", "basis");
        expect(r, true, true, true, true, false);
    }

    @Test
    void aRandomOrderPerTrialGivesTheSameVerdictsBySampling() {
        SuperdeterministicModel permuted = new SuperdeterministicModel(1e3, BasisOrder.PERMUTED, null);
        expect(report(permuted, "lambda", "basis", "order"), true, true, true, true, false);
        expect(report(permuted, "lambda", "order"), false, true, false, true, true);
    }

    @Test
    void exactSupportIsADistributionOfCellsWhereEveryResponseIsConstant() {
        Experiment e = singlet();
        SuperdeterministicModel model = new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, new BetaLambda(2, 3));
        for (int c = 0; c < e.combinations(); c++) {
            List<OntologicalModel.WeightedHidden> support = model.hiddenSupport(e, c).orElseThrow();
            double total = 0;
            double[] averaged = new double[4];
            for (OntologicalModel.WeightedHidden w : support) {
                total += w.probability();
                double[] r = model.response(e, c, w.hidden());
                for (int o = 0; o < 4; o++) averaged[o] += w.probability() * r[o];
            }
            assertEquals(1, total, 1e-12);
            double[] exact = model.predict(e, c).orElseThrow();
            for (int o = 0; o < 4; o++) assertEquals(exact[o], averaged[o], 1e-12, "combination " + c + ", outcome " + o);
        }
    }

    @Test
    void theResponseReadsTheBasisFromTheHiddenState() {
        Experiment e = singlet();
        SuperdeterministicModel model = new SuperdeterministicModel();
        var rng = RandomStreams.stream(3, 3);
        for (int k = 0; k < 500; k++) {
            Beables drawn = model.sampleHidden(e, 0, rng);       // λ and the basis of a=0, b=π/4
            double[] own = model.response(e, 0, drawn);
            // Under a=0, b=−π/4 with the same (λ, basis): A's outcome is unchanged (PI holds given the basis) …
            double[] other = model.response(e, 1, drawn);
            assertEquals(own[0] + own[1], other[0] + other[1], 0, "P(A = +1)");
            // … and given λ alone the basis follows the settings: responseGiven uses the combination's own.
            double[] lambdaOnly = model.responseGiven(e, 1, drawn, Set.of("lambda"));
            double[] fresh = model.response(e, 1, Beables.of("lambda", drawn.get("lambda")));
            assertEquals(java.util.Arrays.toString(fresh), java.util.Arrays.toString(lambdaOnly));
        }
        assertEquals(0, model.hiddenDensity(e, 1, model.sampleHidden(e, 0, rng), Set.of("lambda", "basis")).getAsDouble(), 0);
        assertEquals(1, model.hiddenDensity(e, 1, model.sampleHidden(e, 0, rng), Set.of("lambda")).getAsDouble(), 0);
    }
}
