package org.beable.model;

import java.util.List;
import java.util.Optional;

/** Every model Beable knows. A new model is a class and one line here. */
public final class ModelRegistry {
    private static final List<ModelSpec> MODELS = List.of(
            QuantumModel.SPEC,
            org.beable.model.superdeterministic.SuperdeterministicModel.SPEC,
            org.beable.model.retrocausal.RetrocausalModel.SPEC,
            org.beable.model.grw.GrwModel.SPEC,
            org.beable.model.ensemble.EnsembleModel.SPEC,
            org.beable.model.lindblad.LindbladModel.SPEC);

    private ModelRegistry() {}

    public static List<ModelSpec> all() {
        return MODELS;
    }

    public static Optional<ModelSpec> find(String name) {
        return MODELS.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
