package org.beable.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.beable.cli.TextOutput;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;
import org.beable.model.OntologicalModel;
import org.beable.model.TrialSampler;
import org.beable.random.RandomStreams;
import org.beable.syntax.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * `run` decides a script model's trials a block at a time (RuleBlocks), `sample` one trial at a
 * time through the closures: for the same generator both must give the same outcomes, trial for
 * trial, whatever the rules use.
 */
class RuleBlocksTest {
    private static final String SETUP = """
            system alice, bob : qubit
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            detector C on bob = spin(b) noclick 0
            experiment e {
              prepare (|01> - |10>) / sqrt(2)
              measure A, B
              settings a in {0, pi/2, 2.5}, b in {pi/4, -pi/4, 1e6}
            }
            experiment lossy {
              prepare (|01> - |10>) / sqrt(2)
              measure A, C
              settings a in {0, pi/2}, b in {pi/4, 1e6}
            }
            let tilt = [0.3, -0.2, 0.9]
            fn wobble(x) = x * x - 0.5
            """;

    /**
     * Rules that reach every block form: trigonometry, sign, vectors, comparisons, if, and/or, calls
     * into the script; the fourth gives values within the match tolerance of ±1 but not equal to
     * them; the fifth decides a detector with three outcomes (no click 0, also as −0) by table; the
     * sixth uses the other comparisons and `not`, and a test that is NaN (true, as NaN ≠ 0) or −0;
     * the next two draw outcomes (one rule, then two, the second reading the first's outcome); a
     * single normal (the third), discrete (the ninth) or tabulated-density (the last) hidden
     * variable is drawn a block at a time.
     */
    private static final String[] MODELS = {
            """
            model m {
              hidden lam ~ uniform(0, 2*pi)
              outcome A = sign(cos(a - lam))
              outcome B = -sign(cos(b - lam))
            }""",
            """
            model m {
              hidden u ~ sphere
              hidden t ~ uniform(-1, 1)
              outcome A = sign(dot(direction(a), u) + 0.1 * sin(3 * t))
              outcome B = if abs(t) < 0.5 and dot(cross(u, tilt), direction(b)) >= 0 then A else -sign(dot(u + tilt * t, direction(b)) - 0.2)
            }""",
            """
            model m {
              hidden x ~ normal(0, 1)
              outcome A = if x > 0 or sqrt(abs(x)) > 2 then 1 else -1
              outcome B = sign(wobble(x) + max(cos(b) , atan2(x, 2)) - min(x % 1.5, 2 ^ -x))
            }""",
            """
            model m {
              hidden lam ~ uniform(0, 2*pi)
              outcome A = sign(cos(a - lam)) * (1 + 1e-12 * sin(lam))
              outcome B = -sign(cos(b - lam))
            }""",
            """
            model m {
              hidden lam ~ uniform(0, 2*pi)
              outcome A = sign(cos(a - lam))
              outcome C = if abs(cos(b - lam)) < 0.3 then -0 * A else -A * sign(sin(b - lam))
            }""",
            """
            model m {
              hidden x ~ normal(0, 1)
              hidden k ~ discrete([0, 1, 2], [0.25, 0.5, 0.25])
              outcome A = if not (k == 1) and x <= 0.3 then 1 else -1
              outcome B = if (k != 2 or x > 1) and sqrt(x) then A else -A
            }""",
            """
            model m {
              hidden lam ~ uniform(0, 2*pi)
              outcome A = if cos(a - lam) >= 0 then 1 else -1
              outcome C ~ discrete([1, -1, 0], [max(0, -cos(b - lam)), max(0, cos(b - lam)), 1 - abs(cos(b - lam))])
            }""",
            """
            model m {
              hidden lam ~ uniform(0, 2*pi)
              hidden t ~ normal(0, 1)
              outcome C ~ discrete([1, 0], [cos(b - lam)^2, 1 - cos(b - lam)^2])
              outcome A ~ discrete([1, -1], [(1 + C * sin(a - t)) / 2, (1 - C * sin(a - t)) / 2])
            }""",
            """
            model m {
              hidden pair ~ discrete([0, 1, 2, 3], [1 - cos(a - b), 1 + cos(a - b), 1 + cos(a - b), 1 - cos(a - b)]) given a, b
              outcome A = if pair < 2 then 1 else -1
              outcome B = if pair == 0 or pair == 2 then 1 else -1
            }""",
            """
            model m {
              hidden lam ~ pdf(x => 1 + 0.5 * cos(x - a), 0, 2*pi) given a
              outcome A = sign(cos(a - lam))
              outcome B = -sign(cos(b - lam))
            }""",
    };

    private static OntologicalModel model(Interpreter it, String block) {
        it.run(new Source("test", block));
        return ((ModelValue) it.lookup("m")).model();
    }

    private static Interpreter interpreter() {
        Interpreter it = new Interpreter(Interpreter.Options.defaults(), new TextOutput(new PrintStream(new ByteArrayOutputStream())));
        it.run(new Source("setup", SETUP));
        return it;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void blocksDecideWhatTrialByTrialDecides(int which) {
        Interpreter it = interpreter();
        OntologicalModel m = model(it, MODELS[which]);
        Experiment e = Bindings.experiment(it, which == 4 || which == 6 || which == 7 ? "lossy" : "e");
        int trials = 3 * 256 + 17;     // whole blocks and a part
        for (int c = 0; c < e.combinations(); c++) {
            // The streams' own generator draws a uniform block at once; any other generator one number at a time.
            for (boolean streams : new boolean[] {true, false}) {
                TrialSampler sampler = m.sampler(e, c);
                int[] inBlocks = new int[trials];
                sampler.sampleInto(generator(c, streams), inBlocks, 0, trials);
                UniformRandomProvider one = generator(c, streams);
                int[] byTrial = new int[trials];
                for (int t = 0; t < trials; t++) byTrial[t] = sampler.sample(one);
                assertArrayEquals(byTrial, inBlocks, "combination " + c);
                assertTrue(java.util.Arrays.stream(inBlocks).distinct().count() > 1, "the rules decide something");
            }
        }
    }

    /**
     * Trials whose combination is chosen per trial (`choose random`) decided in blocks: the same
     * combinations and outcomes, trial for trial, as one sampler call per trial.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 6, 7, 8})
    void chosenCombinationsInBlocksAreTheTrialsOneByOne(int which) {
        Interpreter it = interpreter();
        OntologicalModel m = model(it, MODELS[which]);
        Experiment e = Bindings.experiment(it, which == 6 || which == 7 ? "lossy" : "e");
        int trials = 5 * 256 + 3;
        for (boolean streams : new boolean[] {true, false}) {
            UniformRandomProvider blockRng = generator(9, streams);
            int[] combination = new int[trials];
            int[] outcome = new int[trials];
            m.chosenBlocks(e).orElseThrow().sample(blockRng, t -> blockRng.nextInt(e.combinations()), combination, outcome, 0, trials);
            UniformRandomProvider one = generator(9, streams);
            TrialSampler[] samplers = new TrialSampler[e.combinations()];
            for (int c = 0; c < samplers.length; c++) samplers[c] = m.sampler(e, c);
            for (int t = 0; t < trials; t++) {
                int c = one.nextInt(e.combinations());
                assertEquals(c, combination[t], "combination of trial " + t);
                assertEquals(samplers[c].sample(one), outcome[t], "outcome of trial " + t);
            }
        }
    }

    private static UniformRandomProvider generator(int stream, boolean streams) {
        return streams ? RandomStreams.stream(2026, stream) : generator(stream);
    }

    private static UniformRandomProvider generator(int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {2026, stream});
    }

    @Test
    void theBranchFreeSignIsSignum() {
        double[] xs = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -2.5e-320, 1e-300, 3, -7.5, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : xs) assertEquals(Double.doubleToLongBits(Math.signum(x)), Double.doubleToLongBits(RuleBlocks.sign(x)), "sign(" + x + ")");
        assertTrue(Double.isNaN(RuleBlocks.sign(Double.NaN)));
    }

    @Test
    void aValueThatIsNoOutcomeIsRefusedInBlocksAsTrialByTrial() {
        String message = refusal("e", """
                model m {
                  hidden lam ~ uniform(0, 2*pi)
                  outcome A = if lam > 6 then 0.5 else sign(cos(a - lam))
                  outcome B = -sign(cos(b - lam))
                }""");
        assertTrue(message.contains("gave 0.5, which is not an outcome of detector A"), message);
    }

    @Test
    void probabilitiesThatDoNotSumToOneAreRefusedInBlocksAsTrialByTrial() {
        String message = refusal("lossy", """
                model m {
                  hidden lam ~ uniform(0, 2*pi)
                  outcome A = if cos(a - lam) >= 0 then 1 else -1
                  outcome C ~ discrete([1, -1], [0.5, if lam > 6 then 0.4 else 0.5])
                }""");
        assertTrue(message.contains("the probabilities of the outcome rule for C sum to 0.9, not 1"), message);
    }

    /** The refusal of a model that fails at some λ, the same sentence in blocks and trial by trial, with either kind of generator. */
    private static String refusal(String experiment, String block) {
        Interpreter it = interpreter();
        TrialSampler sampler = model(it, block).sampler(Bindings.experiment(it, experiment), 0);
        String message = null;
        for (boolean streams : new boolean[] {true, false}) {
            RuntimeException inBlocks = assertThrows(RuntimeException.class,
                    () -> sampler.sampleInto(generator(0, streams), new int[2000], 0, 2000));
            UniformRandomProvider one = generator(0, streams);
            RuntimeException byTrial = assertThrows(RuntimeException.class, () -> {
                for (int t = 0; t < 2000; t++) sampler.sample(one);
            });
            assertEquals(byTrial.getMessage(), inBlocks.getMessage());
            message = inBlocks.getMessage();
        }
        return message;
    }
}
