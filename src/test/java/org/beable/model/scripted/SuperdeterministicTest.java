package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.analysis.Chsh;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityReport;
import org.beable.experiment.Experiment;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/**
 * Toy models whose hidden variable is distributed `given` the settings. Their responses read
 * only the own setting and λ, so parameter and outcome independence hold; what they give up is
 * statistical independence.
 */
class SuperdeterministicTest {

    /**
     * λ is the pair of outcomes itself, o in {0, 1, 2, 3} for (+,+), (+,−), (−,+), (−,−), drawn
     * with the singlet's Born weights (1 ∓ cos(a − b))/4: quantum statistics exactly, from a
     * model whose responses read nothing but λ.
     */
    static ScriptedModel outcomesAsHiddenVariable() {
        SlotExpression same = scope -> { int a = scope.setting("a"), b = scope.setting("b"); return c -> (1 - Math.cos(c[a] - c[b])) / 4; };
        SlotExpression different = scope -> { int a = scope.setting("a"), b = scope.setting("b"); return c -> (1 + Math.cos(c[a] - c[b])) / 4; };
        return ScriptedModel.builder("sd_discrete")
                .hidden("o", HiddenDistribution.discrete(new double[] {0, 1, 2, 3}, List.of(same, different, different, same)))
                .outcome("A", scope -> { int o = scope.hidden("o"); return c -> c[o] < 2 ? 1 : -1; })
                .outcome("B", scope -> { int o = scope.hidden("o"); return c -> c[o] % 2 == 0 ? 1 : -1; })
                .build();
    }

    /** Bell's 1964 responses, with λ drawn from a density that leans towards the settings: 1 + ½ cos(2λ − a − b) on [0, 2π]. */
    static ScriptedModel leaningDensity() {
        return ScriptedModel.builder("sd_density")
                .hidden("lam", HiddenDistribution.pdf(scope -> {
                    int a = scope.setting("a"), b = scope.setting("b"), x = scope.hidden("lam");
                    return c -> 1 + 0.5 * Math.cos(2 * c[x] - c[a] - c[b]);
                }, 0, 2 * Math.PI))
                .outcome("A", Fixtures.signCos("a", "lam", 1))
                .outcome("B", Fixtures.signCos("b", "lam", -1))
                .build();
    }

    @Test
    void theDiscreteToyReproducesQuantumMechanicsExactly() {
        Experiment e = Fixtures.chsh(1);
        ScriptedModel model = outcomesAsHiddenVariable();
        for (int c = 0; c < e.combinations(); c++) {
            double[] p = model.predict(e, c).orElseThrow();
            double[] q = new QuantumModel().predict(e, c).orElseThrow();
            for (int o = 0; o < 4; o++) assertEquals(q[o], p[o], 1e-15, "combination " + c + ", outcome " + o);
        }
        assertEquals(2 * Math.sqrt(2), Chsh.of(Prediction.of(e, model)).value(), 1e-12);
    }

    @Test
    void theDiscreteToyKeepsLocalCausalityAndBreaksStatisticalIndependenceByEnumeration() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), outcomesAsHiddenVariable(), 100, "o");
        Fixtures.expect(r, true, true, true, true, false);
        assertTrue(r.verdict(Condition.SI).method().startsWith("exact enumeration"), r.verdict(Condition.SI).method());
    }

    @Test
    void theLeaningDensityIsSampledAsItIsIntegrated() {
        Experiment e = Fixtures.chsh(400_000);
        ScriptedModel model = leaningDensity();
        SampledRun run = Fixtures.run(e, model, 3);
        for (int c = 0; c < e.combinations(); c++) Fixtures.agree(model.predict(e, c).orElseThrow(), run, c, 5);
    }

    @Test
    void theLeaningDensityKeepsParameterAndOutcomeIndependenceAndBreaksStatisticalIndependence() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), leaningDensity(), 1500, "lam");
        assertTrue(r.verdict(Condition.PI).holds(), r.verdict(Condition.PI).toString());
        assertTrue(r.verdict(Condition.OI).holds(), r.verdict(Condition.OI).toString());
        assertTrue(r.verdict(Condition.LC).holds(), r.verdict(Condition.LC).toString());
        assertFalse(r.verdict(Condition.SI).holds(), r.verdict(Condition.SI).toString());
        assertTrue(r.verdict(Condition.SI).method().contains("density re-evaluated"), r.verdict(Condition.SI).method());
    }
}
