package org.beable.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Kets;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.junit.jupiter.api.Test;

/** The analyses on a prediction of the real quantum kernel (the README's CHSH experiment). */
class QuantumSingletTest {

    private static Detector spin(String name, int system, String setting) {
        return new Detector(name, system, setting,
                v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())}),
                List.of("+1", "-1"), new double[] {1, -1});
    }

    private static Experiment chsh() {
        int[] dims = {2, 2};
        CMatrix psi = Kets.basis(dims, new int[] {0, 1}).minus(Kets.basis(dims, new int[] {1, 0})).scale(Math.sqrt(0.5));
        double pi = Math.PI;
        SettingSpace settings = new SettingSpace(List.of("a", "b"), List.of(
                List.of(SettingValue.of(0, "0"), SettingValue.of(pi / 2, "pi/2"), SettingValue.NONE),
                List.of(SettingValue.of(pi / 4, "pi/4"), SettingValue.of(-pi / 4, "-pi/4"), SettingValue.NONE)));
        return new Experiment("chsh", new SystemLayout(List.of("alice", "bob"), dims), psi.projector(),
                List.of(new Step.Measure(new int[] {0, 1})), List.of(spin("A", 0, "a"), spin("B", 1, "b")), settings,
                new SettingChoice.All(), 1000);
    }

    @Test
    void bornRuleSingletGivesTsirelsonAndNoSignalling() {
        Prediction p = Prediction.of(chsh(), new QuantumModel());
        Chsh s = Chsh.of(p);
        assertEquals(2 * Math.sqrt(2), s.value(), 1e-12);
        assertEquals(-Math.cos(-Math.PI / 4), s.terms().get(0).value(), 1e-12);
        assertTrue(s.exceedsLocal());
        assertFalse(s.exceedsTsirelson());
        SignallingTest t = SignallingTest.of(p);
        assertFalse(t.signalling(), t.verdict());
        assertTrue(t.maxDeltaP() < 1e-12, t.verdict());
        BornDeviation d = BornDeviation.of(Fixtures.sample(p, 20_000, 17), p);
        assertTrue(d.pValue() > 1e-3, d.summary());
    }
}
