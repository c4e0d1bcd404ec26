package org.beable.model.ensemble;

import org.apache.commons.rng.UniformRandomProvider;

/** An ensemble being evolved: at class level, member level, or in the N → ∞ limit. */
interface Ensemble extends AutoCloseable {
    int classes();

    long members();

    /** n_a / N. */
    double frequency(int value);

    /** The phase of value a's class (member level: the circular mean of its members' phases). */
    double phase(int value);

    /** The circular standard deviation √(−2 ln |⟨e^{iφ}⟩|) of the phases within value a (0 when aligned). */
    double spread(int value);

    /** Copy events so far. */
    long copies();

    /** Advances the ensemble from `time` to `time + h` under the couplings. */
    void step(Couplings couplings, double time, double h, UniformRandomProvider rng);

    /** The beables now. */
    EnsembleState state();

    @Override
    default void close() {}
}
