package org.beable.model;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.quantum.CMatrix;

/**
 * Standard quantum mechanics as an ontological model: λ is the quantum state itself (a point
 * mass at the prepared state, whatever the settings) and the response is the Born rule.
 * Outcome independence fails for entangled states; everything else of Bell's holds.
 */
public final class QuantumModel implements OntologicalModel {
    public static final String NAME = "quantum";
    public static final String STATE = "state";

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }
        @Override public String summary() { return "standard quantum mechanics: the Born rule with Lüders updates; λ is the state"; }
        @Override public List<ModelParameter> parameters() { return List.of(); }
        @Override public OntologicalModel create(ModelArguments arguments) { return new QuantumModel(); }
    };

    @Override public String name() { return NAME; }
    @Override public List<String> beables() { return List.of(STATE); }

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        return Beables.of(STATE, preparedLambda(experiment));
    }

    /**
     * λ, the prepared state: as the ket it was prepared as where {@link #predict} works on kets
     * (a dozen qubits' density matrix would not fit within --max-dim), else as its density matrix.
     */
    private static CMatrix preparedLambda(Experiment experiment) {
        Optional<CMatrix> ket = experiment.preparedKet();
        return ket.isPresent() && PureBornRule.preferredFor(experiment) ? ket.get() : experiment.preparedState();
    }

    /** For λ the prepared state itself (the only λ there is), the prediction; any other state, a ket or a density matrix, by the Born rule. */
    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        CMatrix state = (CMatrix) hidden.get(STATE);
        if (state == preparedLambda(experiment)) return predict(experiment, combination).orElseThrow();
        return state.isColumn() ? PureBornRule.distribution(experiment, combination, state)
                : BornRule.distribution(experiment, combination, state);
    }

    /**
     * λ is always the prepared state, one object: it is named rather than hashed, since hashing
     * its n² entries for every lookup of a locality analysis costs seconds on a dozen qubits.
     */
    @Override
    public Object hiddenKey(Experiment experiment, Beables hidden, java.util.Set<String> given) {
        if (given.contains(STATE) && hidden.get(STATE) == preparedLambda(experiment)) return List.of("the prepared state");
        return OntologicalModel.super.hiddenKey(experiment, hidden, given);
    }

    /** λ is the prepared state, whatever the settings: one value, with probability 1. */
    @Override
    public Optional<List<WeightedHidden>> hiddenSupport(Experiment experiment, int combination) {
        return Optional.of(List.of(new WeightedHidden(Beables.of(STATE, preparedLambda(experiment)), 1)));
    }

    /** A pure preparation on a large space is carried as kets (n entries, not n²); anything else as density matrices. */
    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        Optional<CMatrix> ket = experiment.preparedKet();
        return Optional.of(ket.isPresent() && PureBornRule.preferredFor(experiment)
                ? PureBornRule.distribution(experiment, combination, ket.get())
                : BornRule.distribution(experiment, combination, experiment.preparedState()));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
