package org.beable.model;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;

/**
 * A model whose trials are not independent: its hidden state carries over from one trial to the
 * next (a λ that drifts slowly between consecutive measurements). The {@link Runner} then asks
 * for each trial's outcome by the trial's place in the run instead of drawing trials
 * independently from {@link OntologicalModel#sampler}.
 */
public interface SequentialModel {

    /**
     * The sampler of one run with this seed, or empty when this configuration of the model has
     * independent trials after all.
     */
    Optional<SequentialSampler> sequentialSampler(Experiment experiment, long seed);

    /**
     * Draws trial {@code trial} of a run (its index in the run's order, the order of
     * {@link SampledRun#trials}). Called from several threads for different trials; the
     * outcome must depend only on the run's seed, the combination, the trial index and the draws
     * from {@code rng}, so a run is identical for every thread count.
     */
    @FunctionalInterface
    interface SequentialSampler {
        int sample(int combination, long trial, UniformRandomProvider rng);
    }
}
