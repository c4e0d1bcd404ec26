package org.beable.model;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;

/**
 * A model of what happens between preparation and detection, as an ontological model: a
 * distribution p(λ | s) of the hidden state given the settings, and a response P(o | s, λ).
 * Sampling, exact prediction and every locality analysis are written once against this.
 *
 * <p>Joint outcomes o are indices into {@code experiment.outcomes(combination)}.
 */
public interface OntologicalModel {

    /** The name users write (`quantum`, `superdeterministic`, ...). */
    String name();

    /** The named parts of λ this model exposes, e.g. ["state"] or ["lambda", "basis"]. */
    List<String> beables();

    /** Draw λ from p(λ | s) for one setting combination. */
    Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng);

    /**
     * P(o | s, λ) over the joint outcomes of the combination, for any λ — including λ that
     * have probability zero under these settings.
     */
    double[] response(Experiment experiment, int combination, Beables hidden);

    /** The exact P(o | s) where the model has a closed form; empty otherwise. */
    default Optional<double[]> predict(Experiment experiment, int combination) {
        return Optional.empty();
    }

    /**
     * A sampler of joint outcomes for one combination, used by `run`. The default draws λ and
     * then an outcome from the response; models with an exact distribution sample it directly.
     */
    default TrialSampler sampler(Experiment experiment, int combination) {
        Optional<double[]> exact = predict(experiment, combination);
        if (exact.isPresent()) return TrialSampler.fromDistribution(exact.get());
        return rng -> TrialSampler.draw(response(experiment, combination, sampleHidden(experiment, combination, rng)), rng);
    }
}
