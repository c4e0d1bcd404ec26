package org.beable.experiment;

import java.util.List;

/**
 * A detector bound to one system. Its measurement depends on (at most) one named setting;
 * the interpreter supplies the function from setting value to measurement, so a detector
 * can be any expression the user writes. Outcome labels are fixed per detector; numeric
 * values (NaN where a label is not a number) feed correlations.
 */
public record Detector(String name, int system, String setting, MeasurementRule rule,
                       List<String> outcomeLabels, double[] outcomeValues) {

    /** The measurement for a setting value; never called with `none`. */
    @FunctionalInterface
    public interface MeasurementRule {
        Measurement measurementFor(SettingValue value);
    }

    public int outcomes() {
        return outcomeLabels.size();
    }

    public boolean hasSetting() {
        return setting != null;
    }
}
