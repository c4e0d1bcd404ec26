package org.beable.model;

import org.beable.experiment.Experiment;

/** The exact outcome distribution of every setting combination under a model. */
public record Prediction(Experiment experiment, String modelName, double[][] distributions) implements OutcomeStatistics {

    public static Prediction of(Experiment experiment, OntologicalModel model) {
        double[][] distributions = new double[experiment.combinations()][];
        for (int c = 0; c < distributions.length; c++) {
            final int combination = c;
            distributions[c] = model.predict(experiment, c).orElseThrow(() -> new NoClosedForm(model.name(),
                    experiment.settings().describe(combination), model.noPredictionReason(experiment, combination)));
        }
        return new Prediction(experiment, model.name(), distributions);
    }

    @Override public boolean isSampled() { return false; }
    @Override public double[] probabilities(int combination) { return distributions[combination].clone(); }
    @Override public long[] counts(int combination) { return null; }
    @Override public long trials(int combination) { return 0; }

    /** The model has no exact prediction for this experiment. */
    public static final class NoClosedForm extends RuntimeException {
        public NoClosedForm(String model, String settings) {
            this(model, settings, null);
        }

        /** With the model's own reason (see {@link OntologicalModel#noPredictionReason}), when it has one. */
        public NoClosedForm(String model, String settings, String reason) {
            super("model '" + model + "' has no exact prediction here (" + settings + ")" + (reason == null ? "" : ": " + reason),
                    null, false, false);
        }
    }
}
