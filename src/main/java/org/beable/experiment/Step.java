package org.beable.experiment;

import org.beable.quantum.CMatrix;

/** What happens between preparation and the end of a trial, in order. */
public sealed interface Step {
    /** Unitary evolution exp(−iHt), kept with H and t so models with their own dynamics can use them. */
    record Evolve(CMatrix hamiltonian, double time, CMatrix unitary) implements Step {}

    /** Detectors that fire together; indices into Experiment.detectors(). */
    record Measure(int[] detectors) implements Step {}
}
