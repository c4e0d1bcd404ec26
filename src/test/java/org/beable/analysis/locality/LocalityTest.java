package org.beable.analysis.locality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verdicts of docs/language.md ("Run, predict and locality"), and the analysis's own consistency. */
class LocalityTest {
    private static final String NORSEN = """
            system left : qubit
            system right : qubit
            detector L on left = spin(0)
            detector R on right = spin(r)
            experiment norsen {
              prepare (|01> - |10>) / sqrt(2)
              measure R
              measure L
              settings r in {0, none}
            }
            """;

    private static final String CHSH = """
            system alice : qubit
            system bob : qubit
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            experiment chsh {
              prepare (|01> - |10>) / sqrt(2)
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4, none}
            }
            """;

    private static Interpreter session(String script) {
        Interpreter in = new Interpreter(Interpreter.Options.defaults(), values -> {});
        in.run(new Source("test", script));
        return in;
    }

    /** As a statement `locality …` prints its table; as a value it is the report. */
    private static LocalityReport report(Interpreter in, String expression) {
        in.run(new Source("test", "let report = " + expression));
        return (LocalityReport) in.lookup("report");
    }

    private static String verdicts(LocalityReport r) {
        StringBuilder out = new StringBuilder();
        for (Verdict v : r.verdicts()) out.append(v.holds() ? "holds " : "violated ");
        return out.toString().trim();
    }

    @ParameterizedTest(name = "{0} given {1}")
    @CsvSource(delimiter = '|', value = {
            "quantum | state | holds violated violated holds holds",
            "grw(formulation = nonlinear) | state | holds violated violated holds holds",
            "grw(formulation = linear_cooking) | state | holds violated violated holds holds",
            "grw(formulation = nonlinear) | state, coins | violated holds violated holds holds",
            "grw(formulation = linear_cooking) | state, coins | holds holds holds holds violated"})
    void norsenScenarioGivesThePapersVerdicts(String model, String given, String expected) {
        Interpreter in = session(NORSEN);
        LocalityReport r = report(in, "locality norsen under " + model + " given " + given);
        assertEquals(expected, verdicts(r), r.toTable().render());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantum given state", "grw given state, coins", "grw(formulation = linear_cooking) given state, coins",
            "grw(rule = born) given state, coins samples 2000", "grw(formulation = linear_cooking, rule = born) given state, coin_A"})
    void localCausalityIsParameterAndOutcomeIndependenceInEveryRow(String analysis) {
        Interpreter in = session(CHSH);
        LocalityReport r = report(in, "locality chsh under " + analysis);
        boolean pi = r.verdict(Condition.PI).holds();
        boolean oi = r.verdict(Condition.OI).holds();
        assertEquals(pi && oi, r.verdict(Condition.LC).holds(), r.toTable().render());
    }

    @Test
    void sampledVerdictsAreStableAcrossSeeds() {
        String first = null;
        for (long seed = 1; seed <= 3; seed++) {
            Interpreter in = session("seed " + seed + "\n" + CHSH);
            LocalityReport r = report(in, "locality chsh under grw(rule = born) given state, coins samples 3000");
            assertTrue(r.verdicts().get(0).method().startsWith("sampled"), "expected the sampled path");
            if (first == null) first = verdicts(r);
            assertEquals(first, verdicts(r), "seed " + seed);
        }
        assertEquals("violated holds violated holds holds", first);
    }

    @Test
    void exactNumbersBehindTheVerdicts() {
        Interpreter in = session(NORSEN);
        assertEquals(1.0, report(in, "locality norsen under grw given state, coins").verdict(Condition.PI).size(), 1e-12);
        assertEquals(0.25, report(in, "locality norsen under grw(formulation = linear_cooking) given state, coins")
                .verdict(Condition.SI).size(), 1e-12);
        assertEquals(0.5, (Double) in.run(new Source("t", "hidden_prob(norsen, grw, L = +1, r = 0, coin_L = \"H\")")), 1e-12);
        assertEquals(1.0, (Double) in.run(new Source("t", "hidden_prob(norsen, grw, L = +1, r = none, coin_L = \"H\")")), 1e-12);
    }

    /** Alice's outcome copies Bob's setting: a model that signals, with nothing hidden. */
    private static final class Telegraph implements OntologicalModel {
        private final boolean discrete;

        Telegraph(boolean discrete) {
            this.discrete = discrete;
        }

        @Override public String name() { return "telegraph"; }
        @Override public List<String> beables() { return List.of("nothing"); }
        @Override public Beables sampleHidden(Experiment e, int c, UniformRandomProvider rng) { return Beables.of("nothing", 0.0); }

        @Override
        public double[] response(Experiment e, int c, Beables hidden) {
            var space = e.outcomes(c);
            double[] p = new double[space.size()];
            int bobSetting = e.settings().decode(c)[1];
            for (int o = 0; o < p.length; o++) {
                int alice = space.outcome(o, 0);
                if (alice == bobSetting % 2) p[o] = 1.0 / (space.fires(1) ? 2 : 1);
            }
            return p;
        }

        @Override
        public Optional<List<WeightedHidden>> hiddenSupport(Experiment e, int c) {
            return discrete ? Optional.of(List.of(new WeightedHidden(Beables.of("nothing", 0.0), 1))) : Optional.empty();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSignallingModelIsCaughtByNoSignalling(boolean discrete) {
        Interpreter in = session(CHSH);
        Experiment chsh = org.beable.bindings.Bindings.experiment(in, "chsh");
        LocalityReport r = LocalityAnalysis.of(chsh, new Telegraph(discrete), Set.of("nothing"),
                new LocalityAnalysis.Sampling(500, 3, new ChunkedRunner(2, org.beable.concurrent.Cancellation.none())));
        assertFalse(r.verdict(Condition.NS).holds(), r.toTable().render());
        assertFalse(r.verdict(Condition.PI).holds());
        assertTrue(r.verdict(Condition.SI).holds());
    }

    @Test
    void badRequestsAreLocatedErrorsWithHints() {
        Interpreter in = session(NORSEN + """
                experiment one_party {
                  prepare (|01> - |10>) / sqrt(2)
                  measure L
                }
                detector F on right = spin(0)
                experiment fixed {
                  prepare (|01> - |10>) / sqrt(2)
                  measure L, F
                }
                """);
        BeableError unknown = assertThrows(BeableError.class, () -> report(in, "locality norsen under grw given spins"));
        assertTrue(unknown.getMessage().contains("has no beable 'spins'") && unknown.hint().contains("state, coins"), unknown.render());
        assertEquals(1, unknown.span().line());
        BeableError oneParty = assertThrows(BeableError.class, () -> report(in, "locality one_party under quantum"));
        assertTrue(oneParty.getMessage().contains("need two parties"), oneParty.render());
        BeableError noSecondValue = assertThrows(BeableError.class, () -> report(in, "locality fixed under quantum"));
        assertTrue(noSecondValue.getMessage().contains("takes a second value"), noSecondValue.render());
    }
}
