package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityReport;
import org.beable.experiment.Experiment;
import org.junit.jupiter.api.Test;

/**
 * Rules that read across the experiment: a remote setting, or the outcome of a detector whose
 * rule comes earlier. The locality analysis must find what they break by evaluating the
 * model (re-running the same λ under other settings), continuous λ sampled, discrete λ
 * enumerated.
 */
class NonlocalTest {
    private static final double[] PLUS_MINUS = {1, -1};

    /** B's angle is shifted by half of Alice's setting. */
    static ScriptedModel readsRemoteSetting() {
        return ScriptedModel.builder("remote_setting")
                .hidden("lam", HiddenDistribution.uniform(0, 2 * Math.PI))
                .outcome("A", Fixtures.signCos("a", "lam", 1))
                .outcome("B", scope -> {
                    int a = scope.setting("a"), b = scope.setting("b"), lam = scope.hidden("lam");
                    return c -> -Math.signum(Math.cos(c[b] - c[lam] - c[a] / 2));
                })
                .build();
    }

    /** A fair coin at A, and B the opposite of A: perfectly anticorrelated, each side random given λ. */
    static ScriptedModel copiesRemoteOutcome(HiddenDistribution lam) {
        return ScriptedModel.builder("remote_outcome")
                .hidden("lam", lam)
                .outcome("A", OutcomeRule.discrete(PLUS_MINUS, SlotExpression.constant(0.5), SlotExpression.constant(0.5)))
                .outcome("B", scope -> { int outcomeA = scope.outcome("A"); return c -> -c[outcomeA]; })
                .build();
    }

    /** A deterministic, and B the opposite of A's outcome: B's outcome follows Alice's setting. */
    static ScriptedModel followsRemoteOutcome() {
        return ScriptedModel.builder("follows_outcome")
                .hidden("lam", HiddenDistribution.uniform(0, 2 * Math.PI))
                .outcome("A", Fixtures.signCos("a", "lam", 1))
                .outcome("B", scope -> { int outcomeA = scope.outcome("A"); return c -> -c[outcomeA]; })
                .build();
    }

    @Test
    void readingARemoteSettingBreaksParameterIndependence() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), readsRemoteSetting(), 1000, "lam");
        assertFalse(r.verdict(Condition.PI).holds(), r.verdict(Condition.PI).toString());
        assertTrue(r.verdict(Condition.OI).holds());
        assertFalse(r.verdict(Condition.LC).holds());
        assertTrue(r.verdict(Condition.SI).holds());
        assertTrue(r.verdict(Condition.PI).witness().contains("B at"), r.verdict(Condition.PI).witness());
    }

    @Test
    void copyingARandomRemoteOutcomeBreaksOutcomeIndependence() {
        LocalityReport sampled = Fixtures.locality(Fixtures.chsh(1), copiesRemoteOutcome(HiddenDistribution.uniform(0, 1)), 500, "lam");
        Fixtures.expect(sampled, true, false, false, true, true);
        LocalityReport exact = Fixtures.locality(Fixtures.chsh(1),
                copiesRemoteOutcome(HiddenDistribution.discrete(new double[] {0, 1}, new double[] {1, 1})), 100, "lam");
        Fixtures.expect(exact, true, false, false, true, true);
        assertTrue(exact.verdict(Condition.OI).method().startsWith("exact enumeration"));
        assertEquals(0.25, exact.verdict(Condition.OI).size(), 1e-12);
    }

    @Test
    void followingADeterministicRemoteOutcomeBreaksParameterIndependence() {
        LocalityReport r = Fixtures.locality(Fixtures.chsh(1), followsRemoteOutcome(), 1000, "lam");
        assertFalse(r.verdict(Condition.PI).holds(), r.verdict(Condition.PI).toString());
        assertTrue(r.verdict(Condition.OI).holds());
    }

    @Test
    void aDetectorWhoseSettingIsNoneDoesNotMeasure() {
        Experiment e = Fixtures.bell(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 1, "b"), Fixtures.angles(0, Math.PI / 2),
                java.util.List.of(org.beable.experiment.SettingValue.of(Math.PI / 4, "pi/4"), org.beable.experiment.SettingValue.NONE), 200_000);
        ScriptedModel model = Bell64Test.bell64();
        int none = e.settings().encode(new int[] {0, 1});
        double[] p = model.predict(e, none).orElseThrow();
        assertEquals(2, p.length);
        assertEquals(0.5, p[0], 1e-12);
        Fixtures.agree(p, Fixtures.run(e, model, 9), none, 5);
        Fixtures.expect(Fixtures.locality(e, model, 500, "lam"), true, true, true, true, true);
    }
}
