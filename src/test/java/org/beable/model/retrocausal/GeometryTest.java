package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.Step;
import org.beable.model.Beables;
import org.beable.quantum.CMatrix;
import org.beable.quantum.MatrixFunctions;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.junit.jupiter.api.Test;

/** Sources, chains of measurements, `none`, ordinary rotations, the response off the support, and the experiments refused. */
class GeometryTest {

    private static double schulman(double theta, double gamma) {
        double plus = Weight.Lorentzian.sum(theta, gamma);
        return plus / (plus + Weight.Lorentzian.sum(theta + Math.PI, gamma));
    }

    /** Prepare along 0.3, measure along 1.0, then -0.5, then 2.0: P(o1, o2, o3) is the product of Schulman's conditionals. */
    @Test
    void aSequenceOfMeasurementsChainsSchulmansProbabilities() {
        double gamma = 0.2;
        Experiment e = Setups.sequence(0.3, new double[] {1.0}, new double[] {-0.5}, new double[] {2.0});
        double[] p = Setups.lorentzian(gamma).predict(e, 0).orElseThrow();
        double[] b = {1.0, -0.5, 2.0};
        for (int joint = 0; joint < 8; joint++) {
            int[] o = e.outcomes(0).decode(joint);
            double expected = 1;
            double from = 0.3;
            for (int k = 0; k < 3; k++) {
                double to = b[k] + o[k] * Math.PI;
                expected *= schulman(to - from, gamma) ;
                from = to;
            }
            assertEquals(expected, p[joint], 1e-14, "outcomes " + java.util.Arrays.toString(o));
        }
    }

    /** A measurement in the middle set to none leaves one rotation from the one before to the one after. */
    @Test
    void aNoneInTheMiddleMergesTheIntervals() {
        Experiment e = Setups.sequence(0.3, new double[] {Double.NaN}, new double[] {1.7});
        double[] p = Setups.lorentzian(0.1).predict(e, 0).orElseThrow();
        assertEquals(schulman(1.7 - 0.3, 0.1), p[0], 1e-14);
    }

    @Test
    void noneOnOneSideOfTheSinglet() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        Experiment e = Setups.singlet(new double[] {Double.NaN, 0.4}, new double[] {1.1, Double.NaN});
        int aliceNone = e.settings().encode(new int[] {0, 0});
        int bobNone = e.settings().encode(new int[] {1, 1});
        int both = e.settings().encode(new int[] {0, 1});
        assertArrayEquals(new double[] {0.5, 0.5}, model.predict(e, aliceNone).orElseThrow(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, model.predict(e, bobNone).orElseThrow(), 1e-15);
        assertArrayEquals(new double[] {1.0}, model.predict(e, both).orElseThrow(), 0);
        RetrocausalModel user = Setups.userWeight(0.1);
        assertArrayEquals(new double[] {0.5, 0.5}, user.predict(e, aliceNone).orElseThrow(), 1e-12);
    }

    /** Product states: each spin is its own Schulman chain. */
    @Test
    void spinsAlongFixedDirectionsAreIndependent() {
        Experiment singlet = Setups.singlet(new double[] {0.9}, new double[] {-1.3});
        CMatrix product = Spin.up(0.2).kron(Spin.down(0.5)).projector();   // alice along 0.2, bob along 0.5 + π
        Experiment e = Setups.withState(singlet, product, singlet.steps());
        double[] p = Setups.lorentzian(0.3).predict(e, 0).orElseThrow();
        double pa = schulman(0.9 - 0.2, 0.3);
        double pb = schulman(-1.3 - 0.5 - Math.PI, 0.3);
        assertEquals(pa * pb, p[0], 1e-14);
        assertEquals(pa * (1 - pb), p[1], 1e-14);
        assertEquals((1 - pa) * (1 - pb), p[3], 1e-14);
    }

    /** An unpolarised spin gives ½ whatever the detector. */
    @Test
    void anUnpolarisedSpin() {
        Experiment e = Setups.sequence(0, new double[] {0.3, 2.0});
        Experiment mixed = Setups.withState(e, CMatrix.identity(2).scale(0.5), e.steps());
        for (RetrocausalModel model : new RetrocausalModel[] {Setups.lorentzian(0.1), Setups.userWeight(0.1)}) {
            assertArrayEquals(new double[] {0.5, 0.5}, model.predict(mixed, 1).orElseThrow(), 1e-12);
        }
    }

    /** An `evolve` that rotates each spin by φ in the plane is the same as turning the detectors back by φ. */
    @Test
    void ordinaryRotationsShiftTheDirections() {
        double phi = 0.6;
        CMatrix h = Spin.pauliY().scale(0.5);     // exp(−i φ σ_y / 2) after time φ
        CMatrix u = MatrixFunctions.exp(h.kron(CMatrix.identity(2)).plus(CMatrix.identity(2).kron(h)).scale(0, -phi));
        Experiment plain = Setups.singlet(new double[] {0.1}, new double[] {1.2});
        List<Step> steps = List.of(new Step.Evolve(null, phi, u), new Step.Measure(new int[] {0, 1}));
        Experiment rotated = Setups.withState(Setups.singlet(new double[] {0.1 + phi}, new double[] {1.2 + phi}), Setups.singletState(), steps);
        assertArrayEquals(Setups.lorentzian(0.2).predict(plain, 0).orElseThrow(), Setups.lorentzian(0.2).predict(rotated, 0).orElseThrow(), 1e-14);

        Experiment one = Setups.sequence(0.4, new double[] {1.5});
        CMatrix single = MatrixFunctions.exp(h.scale(0, -phi));
        Experiment turned = Setups.withState(Setups.sequence(0.4, new double[] {1.5 + phi}), Spin.up(0.4).projector(),
                List.of(new Step.Evolve(null, phi, single), new Step.Measure(new int[] {0})));
        assertArrayEquals(Setups.lorentzian(0.2).predict(one, 0).orElseThrow(), Setups.lorentzian(0.2).predict(turned, 0).orElseThrow(), 1e-14);
    }

    /** Off the support, the response reads the outcome off where each spin ends; it never looks at the other side's setting. */
    @Test
    void theResponseIsLocalAndDefinedEverywhere() {
        RetrocausalModel model = Setups.lorentzian(0.1);
        Experiment e = Setups.singlet(new double[] {0, 1}, new double[] {0.3, 2.5});
        Beables lambda = new Beables(Map.of(RetrocausalModel.SPINS, new double[] {0.2, 0.2 + Math.PI},
                RetrocausalModel.ROTATIONS, new double[] {0.1, 2.0}));
        for (int c = 0; c < e.combinations(); c++) {
            double[] r = model.response(e, c, lambda);
            int joint = 0;
            for (int o = 0; o < r.length; o++) if (r[o] == 1) joint = o;
            int[] outcome = e.outcomes(c).decode(joint);
            double a = e.settings().valuesOf(c)[0].number();
            double b = e.settings().valuesOf(c)[1].number();
            assertEquals(Math.cos(0.3 - a) >= 0 ? 0 : 1, outcome[0]);
            assertEquals(Math.cos(0.2 + Math.PI + 2.0 - b) >= 0 ? 0 : 1, outcome[1]);
        }
    }

    @Test
    void refusesWhatItCannotDescribe() {
        Experiment singlet = Setups.singlet(new double[] {0}, new double[] {1});
        RetrocausalModel model = Setups.lorentzian(0.1);
        // an entangled state that is not the singlet
        double h = Math.sqrt(0.5);
        CMatrix phiPlus = CMatrix.column(new double[] {h, 0, 0, h}, null).projector();
        assertMessage(() -> model.predict(Setups.withState(singlet, phiPlus, singlet.steps()), 0), "cannot prepare this state");
        // a spin out of the plane (|+i>)
        CMatrix plusI = CMatrix.column(new double[] {h, 0}, new double[] {0, h}).projector();
        Experiment one = Setups.sequence(0, new double[] {1});
        assertMessage(() -> model.predict(Setups.withState(one, plusI, one.steps()), 0), "cannot prepare this state");
        // a detector along y
        Detector y = new Detector("Y", 0, "b", v -> Measurement.ofBasis(new CMatrix[] {
                CMatrix.column(new double[] {h, 0}, new double[] {0, h}), CMatrix.column(new double[] {h, 0}, new double[] {0, -h})}),
                List.of("+1", "-1"), Setups.PLUS_MINUS);
        Experiment alongY = new Experiment("y", one.layout(), one.preparedState(), one.steps(), List.of(y), one.settings(),
                new SettingChoice.All(), 10);
        assertMessage(() -> model.predict(alongY, 0), "out of the x–z plane");
        // a non-finite angle
        Experiment nan = Setups.singlet(new double[] {Double.POSITIVE_INFINITY}, new double[] {1});
        assertMessage(() -> model.predict(nan, 0), "no finite angle");
        // a qutrit
        SystemLayout qutrit = new SystemLayout(List.of("q"), new int[] {3});
        Experiment three = new Experiment("q", qutrit, CMatrix.identity(3).scale(1.0 / 3), List.of(), List.of(),
                SettingSpace.empty(), new SettingChoice.All(), 10);
        assertMessage(() -> model.predict(three, 0), "declare it as a qubit");
        // dynamics that is not a rotation in the plane
        CMatrix hadamard = CMatrix.of(new double[][] {{h, h}, {h, -h}}, null);
        Experiment evolved = Setups.withState(one, one.preparedState(), List.of(new Step.Evolve(null, 1, hadamard), one.steps().get(0)));
        assertMessage(() -> model.predict(evolved, 0), "no dynamics of its own");
    }

    @Test
    void refusesBadParameters() {
        assertMessage(() -> new RetrocausalModel(0, null, null), "gamma must be a positive number");
        assertMessage(() -> new RetrocausalModel(-1, null, null), "gamma must be a positive number");
        assertMessage(() -> new RetrocausalModel(Double.NaN, null, null), "gamma must be a positive number");
        assertMessage(() -> new RetrocausalModel(0.1, a -> 1 / (a * a + 0.01) - 0.001, null), "is negative");
        assertMessage(() -> new RetrocausalModel(0.1, a -> 1 / (1 + Math.abs(a)), null), "not integrable");
        assertMessage(() -> new RetrocausalModel(0.1, a -> 1 / (a * a), null), "infinite");
        assertMessage(() -> new RetrocausalModel(0.1, a -> 0, null), "zero everywhere");
        assertMessage(() -> new RetrocausalModel(0.1, null, s -> Math.cos(s)), "density of the initial direction s is negative");
        // a weight that vanishes (in double precision) beyond |α| ≈ 0.9 cannot reach a detector a quarter turn away
        RetrocausalModel narrow = new RetrocausalModel(0.1, a -> Math.exp(-1000 * a * a), null);
        assertMessage(() -> narrow.predict(Setups.sequence(0, new double[] {Math.PI / 2}), 0), "no history reaches");
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), "message: " + e.getMessage());
    }
}
