package org.beable.model.retrocausal;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.RealFunction;

/** The histories of one setting combination under one {@link Convention}: probabilities, a sampler, the part given s. */
interface CombinationPlan {
    /** P(o) for every joint outcome. */
    double[] probabilities();

    /** Draws one history into the arrays (spin directions, rotation and outcome per slot); returns the joint outcome. */
    int draw(UniformRandomProvider rng, double[] start, double[] rotation, int[] outcome);

    /** P(o | settings, s), the rotations averaged over. */
    double[] givenInitial(double s);

    /** The density of the initial direction s under these settings, normalised on [0, 2π). */
    double initialDensity(double s, RealFunction density);
}
