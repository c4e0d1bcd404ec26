package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal is an IllegalArgumentException with a sentence that names the problem, the value and where. */
class ErrorsTest {
    private static final Experiment CHSH = Fixtures.chsh(1000);

    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) assertTrue(message.contains(part), "«" + part + "» not in: " + message);
    }

    private static ScriptedModel.Builder lam() {
        return ScriptedModel.builder("m").hidden("lam", HiddenDistribution.uniform(0, 2 * Math.PI));
    }

    private static SlotExpression number(double x) {
        return SlotExpression.constant(x);
    }

    @Test
    void aValueThatIsNotAnOutcomeIsNamedWithTheAllowedOnesAndWhereItHappened() {
        ScriptedModel model = lam().outcome("A", number(0.5)).outcome("B", Fixtures.signCos("b", "lam", 1)).build();
        String sampled = refusal(() -> Fixtures.run(CHSH, model, 1));
        contains(sampled, "the outcome rule for A gave 0.5, which is not an outcome of detector A (its outcomes: +1, -1), at a = 0, b = 0.7853981634, lam = ");
        String exact = refusal(() -> model.predict(CHSH, 0));
        contains(exact, "the outcome rule for A gave 0.5, which is not an outcome of detector A (its outcomes: +1, -1)");
    }

    @Test
    void probabilitiesMustLieInTheUnitIntervalAndSumToOne() {
        ScriptedModel shortOfOne = lam().outcome("A", OutcomeRule.discrete(new double[] {1, -1}, number(0.5), number(0.4)))
                .outcome("B", number(1)).build();
        contains(refusal(() -> Fixtures.run(CHSH, shortOfOne, 1)), "the probabilities of the outcome rule for A sum to 0.9, not 1, at a = 0");
        contains(refusal(() -> shortOfOne.predict(CHSH, 0)), "sum to 0.9, not 1");
        ScriptedModel negative = lam().outcome("A", OutcomeRule.discrete(new double[] {1, -1}, number(1.1), number(-0.1)))
                .outcome("B", number(1)).build();
        contains(refusal(() -> Fixtures.run(CHSH, negative, 1)), "the outcome rule for A gives outcome 1 probability 1.1, which is not in [0, 1]");
        ScriptedModel barelyOff = lam().outcome("A", OutcomeRule.discrete(new double[] {1, -1}, number(0.5), number(0.5 + 1e-11)))
                .outcome("B", number(1)).build();
        contains(refusal(() -> barelyOff.predict(CHSH, 0)), "sum to 1.00000000001, not 1");
        ScriptedModel notAnOutcome = lam().outcome("A", OutcomeRule.discrete(new double[] {1, 2}, number(0.5), number(0.5)))
                .outcome("B", number(1)).build();
        contains(refusal(() -> notAnOutcome.predict(CHSH, 0)), "the outcome rule for A lists 2, which is not an outcome of detector A (its outcomes: +1, -1)");
    }

    private static ScriptedModel withDensity(SlotExpression density, double low, double high) {
        return ScriptedModel.builder("m").hidden("x", HiddenDistribution.pdf(density, low, high))
                .outcome("A", number(1)).outcome("B", number(1)).build();
    }

    private static SlotExpression ofX(java.util.function.DoubleUnaryOperator f) {
        return scope -> { int x = scope.hidden("x"); return c -> f.applyAsDouble(c[x]); };
    }

    @Test
    void aDensityMustBeNonNegativeIntegrableAndNotZero() {
        String negative = refusal(() -> withDensity(ofX(x -> x - 1), 0, 2).predict(CHSH, 0));
        contains(negative, "the density of hidden variable x is -", "a density must be finite and non-negative", "(at a = 0, b = 0.7853981634)");
        contains(refusal(() -> Fixtures.run(CHSH, withDensity(ofX(x -> Math.sin(x)), 0, 4), 1)), "the density of hidden variable x is -");
        contains(refusal(() -> withDensity(ofX(x -> 1 / x), 0, 1).predict(CHSH, 0)),
                "the density of hidden variable x (at a = 0, b = 0.7853981634) is not integrable on [0, 1]: its integral does not converge");
        contains(refusal(() -> withDensity(ofX(x -> 0), 0, 1).predict(CHSH, 0)), "integrates to 0 on [0, 1], so it cannot be normalised");
        contains(refusal(() -> withDensity(ofX(x -> 1), 1, 0).predict(CHSH, 0)), "hidden variable x: pdf(f, 1, 0) needs finite ends with low < high");
        // An integrable singularity is fine: 1/(2√x) on [0, 1] is a density.
        ScriptedModel root = ScriptedModel.builder("m").hidden("x", HiddenDistribution.pdf(ofX(x -> 0.5 / Math.sqrt(x)), 0, 1))
                .outcome("A", scope -> { int x = scope.hidden("x"); return c -> c[x] < 0.25 ? 1 : -1; }).outcome("B", number(1)).build();
        assertEquals(0.5, root.predict(CHSH, 0).orElseThrow()[0], 1e-9);
    }

    @Test
    void aRuleMayNotReadTheOutcomeOfALaterDetectorOrItsOwn() {
        ScriptedModel later = lam().outcome("A", scope -> { int b = scope.outcome("B"); return c -> c[b]; }).outcome("B", number(1)).build();
        assertEquals("The outcome rule for A reads the outcome of B, whose rule comes after it; a rule may read only the outcomes of"
                + " detectors whose rules come earlier (list the rule for B first, if B does not read this one)", refusal(() -> later.predict(CHSH, 0)));
        ScriptedModel own = lam().outcome("A", scope -> { int a = scope.outcome("A"); return c -> c[a]; }).outcome("B", number(1)).build();
        contains(refusal(() -> Fixtures.run(CHSH, own, 1)), "The outcome rule for A reads A's own outcome");
        ScriptedModel distribution = ScriptedModel.builder("m")
                .hidden("x", HiddenDistribution.uniform(SlotExpression.constant(0), scope -> { int a = scope.outcome("A"); return c -> 1; }))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        contains(refusal(() -> distribution.predict(CHSH, 0)), "reads the outcome of detector A, but hidden variables are drawn before any detector fires");
    }

    @Test
    void aRuleMayNotReadASettingTheExperimentLacks() {
        ScriptedModel model = lam().outcome("A", Fixtures.signCos("c", "lam", 1)).outcome("B", number(1)).build();
        assertEquals("The outcome rule for A reads setting 'c', but experiment 'bell' has no such setting (its settings: a, b)",
                refusal(() -> model.predict(CHSH, 0)));
        assertEquals("The outcome rule for A reads 'c', which is not a setting of experiment 'bell' (its settings: a, b), a hidden"
                + " variable of model 'm' (its hidden variables: lam) or a detector", refusal(() -> lam()
                .outcome("A", scope -> { int s = scope.slot("c"); return c -> 1; }).outcome("B", number(1)).build().layout(CHSH)));
        assertTrue(ScriptedModel.builder("m").outcome("A", scope -> {
            assertTrue(scope.find("pi").isEmpty(), "a name the layout does not know is left to the interpreter");
            return c -> 1;
        }).outcome("B", number(1)).build().predict(CHSH, 0).isPresent());
    }

    @Test
    void distributionsReadOnlyEarlierHiddenVariablesAndDensitiesOnlySettings() {
        ScriptedModel order = ScriptedModel.builder("m")
                .hidden("x", HiddenDistribution.uniform(SlotExpression.constant(0), scope -> { int y = scope.hidden("y"); return c -> c[y]; }))
                .hidden("y", HiddenDistribution.uniform(1, 2))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        contains(refusal(() -> order.layout(CHSH)), "The upper end of the uniform distribution of hidden variable x reads hidden variable 'y',"
                + " which is declared after it");
        ScriptedModel density = ScriptedModel.builder("m")
                .hidden("mu", HiddenDistribution.uniform(0, 1))
                .hidden("x", HiddenDistribution.pdf(scope -> { int mu = scope.hidden("mu"); return c -> c[mu]; }, 0, 1))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        contains(refusal(() -> density.layout(CHSH)), "reads hidden variable 'mu'; a pdf may read settings and its own variable only");
    }

    @Test
    void parametersOutOfRangeAreRefusedWithTheSettingsWhereTheyHappen() {
        ScriptedModel sd = ScriptedModel.builder("m")
                .hidden("x", HiddenDistribution.normal(SlotExpression.constant(0), scope -> { int a = scope.setting("a"); return c -> c[a]; }))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        assertEquals("hidden variable x: normal(0, 0) needs a finite mean and a positive standard deviation (at a = 0, b = 0.7853981634)",
                refusal(() -> sd.predict(CHSH, 0)));
        ScriptedModel weights = ScriptedModel.builder("m")
                .hidden("x", HiddenDistribution.discrete(new double[] {1, 2}, new double[] {1, -1}))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        contains(refusal(() -> Fixtures.run(CHSH, weights, 1)), "hidden variable x: the weight of value 2 is -1; weights must be finite and non-negative");
        ScriptedModel varying = ScriptedModel.builder("m")
                .hidden("mu", HiddenDistribution.uniform(-1, 1))
                .hidden("x", HiddenDistribution.uniform(SlotExpression.constant(0), scope -> { int mu = scope.hidden("mu"); return c -> c[mu]; }))
                .outcome("A", number(1)).outcome("B", number(1)).build();
        contains(refusal(() -> Fixtures.run(CHSH, varying, 1)), "hidden variable x: uniform(0, -", "needs finite ends with low < high (at a = 0, b = 0.7853981634, mu = -");
        contains(refusal(() -> varying.predict(CHSH, 0)), "needs finite ends with low < high");
    }

    @Test
    void theModelAndTheExperimentMustFit() {
        contains(refusal(() -> ScriptedModel.builder("m").outcome("A", number(1)).build().predict(CHSH, 0)),
                "model 'm' has no outcome rule for detector B, which experiment 'bell' measures");
        contains(refusal(() -> ScriptedModel.builder("m").hidden("a", HiddenDistribution.uniform(0, 1))
                        .outcome("A", number(1)).outcome("B", number(1)).build().predict(CHSH, 0)),
                "hidden variable 'a' of model 'm' has the name of a setting of experiment 'bell'");
        Detector named = new Detector("A", 0, "a", v -> Measurement.ofBasis(new CMatrix[] {Spin.up(0), Spin.down(0)}),
                List.of("up", "down"), new double[] {Double.NaN, Double.NaN});
        Experiment labels = Fixtures.bell(named, Fixtures.spin("B", 1, "b"), Fixtures.angles(0), Fixtures.angles(0), 1);
        contains(refusal(() -> ScriptedModel.builder("m").outcome("A", number(1)).outcome("B", number(1)).build().predict(labels, 0)),
                "detector A has outcome 'up', which is not a number; a script model's outcomes are numbers");
        // A rule for a detector the experiment does not have is ignored, unless another rule reads its outcome.
        ScriptedModel extra = ScriptedModel.builder("m").outcome("C", number(1)).outcome("A", number(1)).outcome("B", number(-1)).build();
        assertEquals(1, extra.predict(CHSH, 0).orElseThrow()[1], 0);
        ScriptedModel readsExtra = ScriptedModel.builder("m").outcome("C", number(1))
                .outcome("A", scope -> { int c = scope.outcome("C"); return x -> x[c]; }).outcome("B", number(1)).build();
        contains(refusal(() -> readsExtra.predict(CHSH, 0)), "reads the outcome of C, which experiment 'bell' does not measure");
    }

    @Test
    void theBuilderRefusesWhatNeedsNoExperiment() {
        contains(refusal(() -> lam().hidden("lam", HiddenDistribution.sphere())), "declares hidden variable 'lam' twice");
        contains(refusal(() -> lam().outcome("A", number(1)).outcome("A", number(1))), "has two outcome rules for detector A");
        contains(refusal(() -> lam().build()), "has no outcome rule");
        contains(refusal(() -> lam().outcome("lam", number(1)).build()), "uses 'lam' both for a hidden variable and a detector");
        contains(refusal(() -> HiddenDistribution.discrete(new double[] {1, 1}, new double[] {1, 1})), "lists the value 1 twice");
        contains(refusal(() -> OutcomeRule.discrete(new double[] {1, -1}, number(1))), "2 outcomes but 1 probabilities");
    }
}
