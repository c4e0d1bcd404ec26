package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.experiment.Experiment;
import org.beable.model.QuantumModel;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/**
 * A local model that beats the CHSH bound on coincidences by not detecting: Gisin and Gisin,
 * "A local hidden variable model of quantum correlation exploiting the detection loophole",
 * Phys. Lett. A 260, 323 (1999). Alice's detector clicks with probability |a·λ| and then
 * says −sign(a·λ); otherwise it gives 0 (no click). Bob's always clicks, saying sign(b·λ).
 * Both responses read only their own setting and λ: PI, OI and LC hold, and λ ignores the
 * settings.
 *
 * <p>Coincidence correlation, with λ uniform on the sphere and the clicks weighted by |a·λ|:
 * E_c = −∫ sign(a·λ) sign(b·λ) |a·λ| dλ / ∫ |a·λ| dλ = −∫ (a·λ) sign(b·λ) dλ / ∫ |a·λ| dλ
 *     = −(a·b)(1/2)/(1/2) = −a·b,
 * the singlet's, so S_c = 2√2 at the CHSH angles, with Alice's efficiency ∫|a·λ|dλ/4π = 1/2.
 * The same model in the plane (λ uniform on the circle, a·λ = cos(a − λ)) gives, since
 * ∫₀^{2π} cos(θ − λ) sign(cos λ) dλ = 4 cos θ and ∫₀^{2π} |cos λ| dλ = 4,
 * E_c = −cos(a − b) again, S_c = 2√2, with Alice's efficiency 4/2π = 2/π.
 */
class DetectionLoopholeTest {
    private static final double[] CLICK_OR_NOT = {1, -1, 0};
    /** Shared, so the sphere's exact predictions (about a second per combination) are computed once. */
    private static final Experiment EXPERIMENT = experiment(300_000);
    private static final ScriptedModel CIRCLE = circle();
    private static final ScriptedModel SPHERE = sphere();

    /** The plane version: one continuous dimension. */
    static ScriptedModel circle() {
        return ScriptedModel.builder("gisin_circle")
                .hidden("lam", HiddenDistribution.uniform(0, 2 * Math.PI))
                .outcome("A", OutcomeRule.discrete(CLICK_OR_NOT,
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> Math.max(0, -Math.cos(c[a] - c[l])); },
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> Math.max(0, Math.cos(c[a] - c[l])); },
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> 1 - Math.abs(Math.cos(c[a] - c[l])); }))
                .outcome("B", Fixtures.signCos("b", "lam", 1))
                .build();
    }

    /** Gisin and Gisin's model: λ on the sphere, two continuous dimensions. */
    static ScriptedModel sphere() {
        return ScriptedModel.builder("gisin_sphere")
                .hidden("lam", HiddenDistribution.sphere())
                .outcome("A", OutcomeRule.discrete(CLICK_OR_NOT,
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> Math.max(0, -Fixtures.dot(c, a, l)); },
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> Math.max(0, Fixtures.dot(c, a, l)); },
                        scope -> { int a = scope.setting("a"), l = scope.hidden("lam"); return c -> 1 - Math.abs(Fixtures.dot(c, a, l)); }))
                .outcome("B", scope -> {
                    int b = scope.setting("b");
                    int l = scope.hidden("lam");
                    return c -> Math.signum(Fixtures.dot(c, b, l));
                })
                .build();
    }

    static Experiment experiment(long trials) {
        return Fixtures.bell(Fixtures.spinOrNoClick("A", 0, "a"), Fixtures.spin("B", 1, "b"),
                Fixtures.angles(Fixtures.CHSH_A), Fixtures.angles(Fixtures.CHSH_B), trials);
    }

    /** S over coincidences, S = |E11 + E12 + E21 − E22|, from a model's exact distributions. */
    private static double coincidenceChsh(Experiment e, ScriptedModel model) {
        double s = 0;
        for (int c = 0; c < 4; c++) {
            double ec = Fixtures.correlation(e, c, model.predict(e, c).orElseThrow(), true);
            s += c == 3 ? -ec : ec;
        }
        return Math.abs(s);
    }

    private static double aliceEfficiency(Experiment e, int c, double[] p) {
        var space = e.outcomes(c);
        double click = 0;
        for (int o = 0; o < p.length; o++) if (space.outcome(o, 0) != 2) click += p[o];
        return click;
    }

    @Test
    void quantumMechanicsNeverGivesTheNoClickOutcome() {
        Experiment e = experiment(1);
        QuantumModel qm = new QuantumModel();
        for (int c = 0; c < 4; c++) {
            double[] p = qm.predict(e, c).orElseThrow();
            assertEquals(6, p.length);
            assertEquals(1, aliceEfficiency(e, c, p), 1e-12);
            double a = e.settings().value(c, 0).number();
            double b = e.settings().value(c, 1).number();
            assertEquals(-Math.cos(a - b), Fixtures.correlation(e, c, p, true), 1e-12);
        }
    }

    @Test
    void inThePlaneTheCoincidencesReachTsirelsonsBoundExactly() {
        Experiment e = EXPERIMENT;
        ScriptedModel model = CIRCLE;
        assertEquals(2 * Math.sqrt(2), coincidenceChsh(e, model), 1e-9);
        for (int c = 0; c < 4; c++) {
            double[] p = model.predict(e, c).orElseThrow();
            assertEquals(2 / Math.PI, aliceEfficiency(e, c, p), 1e-9);
            double a = e.settings().value(c, 0).number();
            double b = e.settings().value(c, 1).number();
            assertEquals(-Math.cos(a - b), Fixtures.correlation(e, c, p, true), 1e-9);
        }
    }

    @Test
    void onTheSphereTheTwoDimensionalIntegralGivesTheSameExactly() {
        Experiment e = EXPERIMENT;
        ScriptedModel model = SPHERE;
        assertEquals(2 * Math.sqrt(2), coincidenceChsh(e, model), 1e-8);
        for (int c = 0; c < 4; c++) assertEquals(0.5, aliceEfficiency(e, c, model.predict(e, c).orElseThrow()), 1e-9);
    }

    @Test
    void runAgreesWithPredictOutcomeByOutcome() {
        Experiment e = EXPERIMENT;
        for (ScriptedModel model : new ScriptedModel[] {CIRCLE, SPHERE}) {
            SampledRun run = Fixtures.run(e, model, 5);
            for (int c = 0; c < 4; c++) Fixtures.agree(model.predict(e, c).orElseThrow(), run, c, 5);
        }
    }

    @Test
    void theModelIsLocalAndStatisticallyIndependent() {
        Fixtures.expect(Fixtures.locality(EXPERIMENT, CIRCLE, 2000, "lam"), true, true, true, true, true);
        var r = Fixtures.locality(EXPERIMENT, SPHERE, 1000, "lam");
        Fixtures.expect(r, true, true, true, true, true);
        assertTrue(r.verdict(org.beable.analysis.locality.Condition.NS).method().startsWith("exact"));
    }
}
