package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingValue;

/** A one-line summary of an experiment, for the REPL's echo and `print`. */
final class ExperimentDescription {
    private ExperimentDescription() {}

    static String of(Experiment e) {
        List<String> detectors = new ArrayList<>();
        for (int slot = 0; slot < e.slotCount(); slot++) {
            Detector d = e.slotDetector(slot);
            detectors.add(d.name() + (d.hasSetting() ? "(" + d.setting() + ")" : ""));
        }
        List<String> settings = new ArrayList<>();
        for (int s = 0; s < e.settings().size(); s++) {
            settings.add(e.settings().name(s) + " in {" + String.join(", ",
                    e.settings().values(s).stream().map(SettingValue::label).toList()) + "}");
        }
        return "experiment " + e.name() + ": measures " + String.join(", ", detectors)
                + (settings.isEmpty() ? "" : "; settings " + String.join(", ", settings))
                + "; " + e.trials() + " trials" + (e.choice() instanceof org.beable.experiment.SettingChoice.All ? " per combination" : "");
    }
}
