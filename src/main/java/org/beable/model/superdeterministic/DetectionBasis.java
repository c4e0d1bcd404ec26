package org.beable.model.superdeterministic;

import java.util.List;

/**
 * The beable {@code basis}: the detectors' joint eigenbasis at each detection time, which is
 * what the settings fix in this model (the papers' |χ_I⟩). Two values are equal when they are
 * the same bases with the same outcome labelling, whatever the settings were called.
 */
public final class DetectionBasis {
    private final String settings;
    private final List<DetectionPlan.Detection> detections;

    DetectionBasis(String settings, List<DetectionPlan.Detection> detections) {
        this.settings = settings;
        this.detections = List.copyOf(detections);
    }

    List<DetectionPlan.Detection> detections() {
        return detections;
    }

    /** The settings this basis was made for, e.g. "a=0, b=pi/4". */
    public String settings() {
        return settings;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DetectionBasis other) || other.detections.size() != detections.size()) return false;
        for (int k = 0; k < detections.size(); k++) if (!detections.get(k).sameBasis(other.detections.get(k))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (DetectionPlan.Detection d : detections) h = 31 * h + d.basisHash();
        return h;
    }

    @Override
    public String toString() {
        return "the eigenbasis of " + settings;
    }
}
