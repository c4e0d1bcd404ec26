package org.beable.model.retrocausal;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;

/** Experiments built directly (no interpreter): spin detectors in the x–z plane on qubits. */
final class Setups {
    private Setups() {}

    static final double[] PLUS_MINUS = {1, -1};

    static Measurement spin(double theta) {
        return Measurement.ofBasis(new CMatrix[] {Spin.up(theta), Spin.down(theta)});
    }

    static Detector detector(String name, int system, String setting) {
        return new Detector(name, system, setting, v -> spin(v.number()), List.of("+1", "-1"), PLUS_MINUS);
    }

    /** Values of a setting; NaN stands for none. */
    static List<SettingValue> values(double... xs) {
        List<SettingValue> out = new ArrayList<>();
        for (double x : xs) out.add(Double.isNaN(x) ? SettingValue.NONE : SettingValue.of(x, Double.toString(x)));
        return out;
    }

    static CMatrix singletState() {
        double h = Math.sqrt(0.5);
        return CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
    }

    /** The singlet, A on alice along a, B on bob along b, measured together. */
    static Experiment singlet(double[] a, double[] b) {
        SystemLayout layout = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});
        SettingSpace settings = new SettingSpace(List.of("a", "b"), List.of(values(a), values(b)));
        return new Experiment("singlet", layout, singletState(), List.of(new Step.Measure(new int[] {0, 1})),
                List.of(detector("A", 0, "a"), detector("B", 1, "b")), settings, new SettingChoice.All(), 1000);
    }

    /** One qubit prepared along `prepared`, then measured by B1, B2, … in turn along settings b1, b2, …. */
    static Experiment sequence(double prepared, double[]... settings) {
        SystemLayout layout = new SystemLayout(List.of("q"), new int[] {2});
        List<String> names = new ArrayList<>();
        List<List<SettingValue>> values = new ArrayList<>();
        List<Detector> detectors = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < settings.length; k++) {
            names.add("b" + (k + 1));
            values.add(values(settings[k]));
            detectors.add(detector("B" + (k + 1), 0, "b" + (k + 1)));
            steps.add(new Step.Measure(new int[] {k}));
        }
        return new Experiment("sequence", layout, Spin.up(prepared).projector(), steps, detectors,
                new SettingSpace(names, values), new SettingChoice.All(), 1000);
    }

    static Experiment withState(Experiment e, CMatrix state, List<Step> steps) {
        return new Experiment(e.name(), e.layout(), state, steps, e.detectors(), e.settings(), e.choice(), e.trials());
    }

    static RetrocausalModel lorentzian(double gamma) {
        return new RetrocausalModel(gamma, null, null);
    }

    static RetrocausalModel userWeight(double gamma) {
        return new RetrocausalModel(gamma, x -> 1 / (x * x + gamma * gamma), null);
    }
}
