package org.beable.model;

import java.util.function.LongToIntFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A model's samplers for runs whose setting combination is chosen per trial (`choose random`,
 * `choose by`), deciding the trials a block at a time instead of one sampler call per trial.
 * They must call the generator exactly as trial by trial would — for each trial the choice, then
 * that combination's {@link TrialSampler#sample} — so that a seed gives the same trials either way.
 */
public interface ChosenBlocks {
    /**
     * For trials t in [from, to): combination[t] = choice(t) and outcome[t], its joint outcome.
     * {@code choice} may itself draw from {@code rng}; it is called once per trial, in order.
     */
    void sample(UniformRandomProvider rng, LongToIntFunction choice, int[] combination, int[] outcome, int from, int to);
}
