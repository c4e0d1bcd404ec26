package org.beable.experiment;

/** How each trial's setting combination is chosen. */
public sealed interface SettingChoice {
    /** Every combination, `trials` times each. */
    record All() implements SettingChoice {}

    /** A uniformly random combination per trial, `trials` trials in all. */
    record Random() implements SettingChoice {}

    /** A user rule: the combination for trial i. */
    record Rule(TrialRule rule) implements SettingChoice {}

    @FunctionalInterface
    interface TrialRule {
        int combinationFor(long trial);
    }
}
