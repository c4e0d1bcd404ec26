package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.SampledRun;
import org.junit.jupiter.api.Test;

/**
 * Each kind of hidden variable, through one detector D without a setting whose outcome says
 * whether the variable passed a threshold: `predict` against the closed form, `run` against
 * `predict`, and the hooks locality uses (density, support, hidden states from names).
 */
class DistributionsTest {
    private static final Experiment SINGLE = Fixtures.single(400_000);

    /** A model whose D is +1 when {@code passes} holds for the context, −1 otherwise. */
    private static ScriptedModel threshold(ScriptedModel.Builder builder, java.util.function.Function<Scope, java.util.function.Predicate<double[]>> passes) {
        return builder.outcome("D", scope -> {
            java.util.function.Predicate<double[]> p = passes.apply(scope);
            return c -> p.test(c) ? 1 : -1;
        }).build();
    }

    private static void check(ScriptedModel model, double expected, double accuracy) {
        double[] p = model.predict(SINGLE, 0).orElseThrow();
        assertEquals(expected, p[0], accuracy, model.name());
        SampledRun run = Fixtures.run(SINGLE, model, 17);
        Fixtures.agree(p, run, 0, 5);
    }

    private static ScriptedModel.Builder with(String name, HiddenDistribution d) {
        return ScriptedModel.builder(name).hidden("x", d);
    }

    @Test
    void uniform() {
        check(threshold(with("uniform", HiddenDistribution.uniform(-1, 3)), s -> { int x = s.hidden("x"); return c -> c[x] > 0.5; }), 2.5 / 4, 1e-12);
    }

    @Test
    void normalIncludingItsTails() {
        NormalDistribution n = new NormalDistribution(1, 2);
        check(threshold(with("normal", HiddenDistribution.normal(1, 2)), s -> { int x = s.hidden("x"); return c -> c[x] > 0; }),
                1 - n.cumulativeProbability(0), 1e-12);
        ScriptedModel tail = threshold(with("tail", HiddenDistribution.normal(0, 1)), s -> { int x = s.hidden("x"); return c -> c[x] > 5; });
        assertEquals(1 - new NormalDistribution().cumulativeProbability(5), tail.predict(SINGLE, 0).orElseThrow()[0], 1e-13);
    }

    @Test
    void discrete() {
        check(threshold(with("discrete", HiddenDistribution.discrete(new double[] {1, 2, 3}, new double[] {1, 2, 1})),
                s -> { int x = s.hidden("x"); return c -> c[x] > 1.5; }), 0.75, 1e-15);
    }

    @Test
    void sphere() {
        check(threshold(with("sphere", HiddenDistribution.sphere()), s -> { int x = s.hidden("x"); return c -> c[x + 2] > 0.3; }), 0.35, 1e-10);
        // A cap around an axis that is not the one the integral uses: z·n > 0.3 for n = (1, 1, 1)/√3.
        double r = 1 / Math.sqrt(3);
        check(threshold(with("cap", HiddenDistribution.sphere()), s -> { int x = s.hidden("x"); return c -> r * (c[x] + c[x + 1] + c[x + 2]) > 0.3; }),
                0.35, 1e-9);
    }

    @Test
    void disk() {
        check(threshold(with("disk", HiddenDistribution.disk()), s -> { int x = s.hidden("x"); return c -> c[x] * c[x] + c[x + 1] * c[x + 1] < 0.25; }),
                0.25, 1e-10);
        // A half-plane off the centre: x > 0.5 cuts the segment (π/3 − √3/4)/π.
        check(threshold(with("segment", HiddenDistribution.disk()), s -> { int x = s.hidden("x"); return c -> c[x] > 0.5; }),
                (Math.PI / 3 - Math.sqrt(3) / 4) / Math.PI, 1e-9);
    }

    @Test
    void densityNormalisedHere() {
        check(threshold(with("pdf", HiddenDistribution.pdf(s -> { int x = s.hidden("x"); return c -> 3 * c[x] * c[x]; }, 0, 2)),
                s -> { int x = s.hidden("x"); return c -> c[x] > 1; }), 7.0 / 8, 1e-12);
        // A density that vanishes on part of its interval: its support edge is located, not smeared.
        check(threshold(with("bump", HiddenDistribution.pdf(s -> { int x = s.hidden("x"); return c -> Math.max(0, 1 - c[x] * c[x]); }, -3, 3)),
                s -> { int x = s.hidden("x"); return c -> c[x] > 0.5; }), (0.5 - 0.875 / 3) / (4.0 / 3), 1e-12);
    }

    @Test
    void aDistributionThatReadsAnEarlierHiddenVariable() {
        // mu uniform on [0, 1], x uniform on [0, mu]: P(x > 1/4) = ∫_{1/4}^1 (1 − 1/(4 mu)) dmu = 3/4 − ln(4)/4.
        ScriptedModel nested = ScriptedModel.builder("nested")
                .hidden("mu", HiddenDistribution.uniform(0, 1))
                .hidden("x", HiddenDistribution.uniform(SlotExpression.constant(0), s -> { int mu = s.hidden("mu"); return c -> c[mu]; }))
                .outcome("D", s -> { int x = s.hidden("x"); return c -> c[x] > 0.25 ? 1 : -1; })
                .build();
        check(nested, 0.75 - Math.log(4) / 4, 1e-9);
        // A coin picks the mean of a normal: P(x > 1/2) = ½ (1 − Φ(−1/2)) + ½ (1 − Φ(3/2)).
        NormalDistribution n = new NormalDistribution();
        ScriptedModel mixture = ScriptedModel.builder("mixture")
                .hidden("mu", HiddenDistribution.discrete(new double[] {-1, 1}, new double[] {1, 1}))
                .hidden("x", HiddenDistribution.normal(s -> { int mu = s.hidden("mu"); return c -> c[mu]; }, SlotExpression.constant(1)))
                .outcome("D", s -> { int x = s.hidden("x"); return c -> c[x] > 0.5 ? 1 : -1; })
                .build();
        check(mixture, 0.5 * (1 - n.cumulativeProbability(-0.5)) + 0.5 * (1 - n.cumulativeProbability(1.5)), 1e-12);
        // Weights that read an earlier variable: y is 1 with probability x, x uniform on [0, 1]: P(y = 1) = 1/2.
        ScriptedModel weights = ScriptedModel.builder("weights")
                .hidden("x", HiddenDistribution.uniform(0, 1))
                .hidden("y", HiddenDistribution.discrete(new double[] {0, 1}, List.of(
                        s -> { int x = s.hidden("x"); return c -> 1 - c[x]; }, s -> { int x = s.hidden("x"); return c -> c[x]; })))
                .outcome("D", s -> { int y = s.hidden("y"); return c -> c[y] == 1 ? 1 : -1; })
                .build();
        check(weights, 0.5, 1e-12);
        // The density of y given nothing about x is the average over x: 1/2 for each value.
        Beables one = weights.hiddenFrom(SINGLE, java.util.Map.of("y", 1.0));
        assertEquals(0.5, weights.hiddenDensity(SINGLE, 0, one, Set.of("y")).getAsDouble(), 1e-12);
        // Given y = 1, x leans towards 1: P(x > 1/2 | y = 1) = 3/4, by Bayes' weights.
        ScriptedModel lean = ScriptedModel.builder("lean")
                .hidden("x", HiddenDistribution.uniform(0, 1))
                .hidden("y", HiddenDistribution.discrete(new double[] {0, 1}, List.of(
                        s -> { int x = s.hidden("x"); return c -> 1 - c[x]; }, s -> { int x = s.hidden("x"); return c -> c[x]; })))
                .outcome("D", s -> { int x = s.hidden("x"); return c -> c[x] > 0.5 ? 1 : -1; })
                .build();
        assertEquals(0.75, lean.responseGiven(SINGLE, 0, lean.hiddenFrom(SINGLE, java.util.Map.of("y", 1.0)), Set.of("y"))[0], 1e-10);
    }

    @Test
    void supportDensityAndHiddenStatesForLocality() {
        ScriptedModel coins = ScriptedModel.builder("coins")
                .hidden("c1", HiddenDistribution.discrete(new double[] {0, 1}, new double[] {1, 3}))
                .hidden("c2", HiddenDistribution.discrete(new double[] {0, 1}, new double[] {1, 1}))
                .outcome("D", s -> { int a = s.hidden("c1"), b = s.hidden("c2"); return c -> c[a] == c[b] ? 1 : -1; })
                .build();
        var support = coins.hiddenSupport(SINGLE, 0).orElseThrow();
        assertEquals(4, support.size());
        assertEquals(1, support.stream().mapToDouble(w -> w.probability()).sum(), 1e-15);
        assertEquals(0.375, support.get(3).probability(), 1e-15);
        assertEquals(List.of("c1", "c2"), coins.beables());
        Beables b = coins.hiddenFrom(SINGLE, java.util.Map.of("c1", 1.0));
        assertEquals(0.75, coins.hiddenDensity(SINGLE, 0, b, Set.of("c1")).getAsDouble(), 1e-15);
        assertEquals("c1 = 1", coins.describeHidden(SINGLE, b, Set.of("c1")));
        ScriptedModel vectors = ScriptedModel.builder("vectors").hidden("n", HiddenDistribution.sphere()).hidden("p", HiddenDistribution.disk())
                .outcome("D", SlotExpression.constant(1)).build();
        assertTrue(vectors.hiddenSupport(SINGLE, 0).isEmpty());
        Beables drawn = vectors.sampleHidden(SINGLE, 0, Fixtures.stream(3));
        double[] n = (double[]) drawn.get("n");
        assertEquals(1, n[0] * n[0] + n[1] * n[1] + n[2] * n[2], 1e-12);
        assertEquals(1 / (4 * Math.PI) / Math.PI, vectors.hiddenDensity(SINGLE, 0, drawn, Set.of("n", "p")).getAsDouble(), 1e-15);
        assertEquals(0, vectors.hiddenDensity(SINGLE, 0, vectors.hiddenFrom(SINGLE, java.util.Map.of("p", List.of(2.0, 0.0))), Set.of("p")).getAsDouble());
        assertTrue(vectors.describeHidden(SINGLE, drawn, Set.of("n")).startsWith("n = ("));
    }
}
