package org.beable.model;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
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

    /**
     * Every name a user may give after `given` for this experiment: the beables, and any finer
     * parts the model offers (GRW's `coin_A` for one side's coin). By default the beables.
     */
    default List<String> beableNames(Experiment experiment) {
        return beables();
    }

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
     * Why {@link #predict} is empty for this combination, as a sentence for the user (say what
     * to do instead, e.g. use `run`); null when there is nothing more to say than "no exact
     * prediction".
     */
    default String noPredictionReason(Experiment experiment, int combination) {
        return null;
    }

    // ------------------------------------------------------------------ for Bell's conditions
    // The locality analysis lets the user choose which named parts of λ count as hidden
    // variables; the parts not chosen are averaged over. These hooks give it what it needs.

    /** One hidden state with its probability under a setting combination. */
    record WeightedHidden(Beables hidden, double probability) {}

    /**
     * The finite support of p(λ | s), when λ is discrete (coins, sign patterns): exact enumeration
     * decides the conditions. Empty for continuous λ, which the analysis samples instead.
     */
    default Optional<List<WeightedHidden>> hiddenSupport(Experiment experiment, int combination) {
        return Optional.empty();
    }

    /**
     * P(o | s, λ_B) where λ_B is the part of λ named in {@code given}: the parts not given are
     * averaged over p(rest | s, λ_B). The default handles "everything given" and "nothing given"
     * (the exact prediction); models with more structure override it. Throws
     * IllegalArgumentException, naming the choices it supports, for a choice it cannot average.
     */
    default double[] responseGiven(Experiment experiment, int combination, Beables hidden, java.util.Set<String> given) {
        if (given.containsAll(beables())) return response(experiment, combination, hidden);
        if (given.isEmpty() && predict(experiment, combination).isPresent()) return predict(experiment, combination).get();
        throw new IllegalArgumentException("model '" + name() + "' cannot average over the beables not given; give all of "
                + String.join(", ", beables()));
    }

    /**
     * What identifies λ_B: two hidden states with equal keys are the same value of the chosen
     * hidden variables (for enumeration and for statistical independence).
     */
    default Object hiddenKey(Experiment experiment, Beables hidden, java.util.Set<String> given) {
        return HiddenKeys.of(hidden, given);
    }

    /**
     * The density (or probability) of λ_B under a combination, for re-evaluating one sampled
     * λ under other settings (statistical independence); empty when the model cannot say,
     * in which case the analysis compares samples with two-sample tests.
     */
    default java.util.OptionalDouble hiddenDensity(Experiment experiment, int combination, Beables hidden, java.util.Set<String> given) {
        return java.util.OptionalDouble.empty();
    }

    /**
     * A hidden state built from values the user names (`coin_DL = "H"`), for asking P(o | s, λ_B)
     * directly; parts not named take any value (they are averaged over anyway).
     */
    default Beables hiddenFrom(Experiment experiment, java.util.Map<String, Object> values) {
        throw new IllegalArgumentException("model '" + name() + "' cannot build a hidden state from named values");
    }

    /** λ_B in words, for a witness in the verdict table. */
    default String describeHidden(Experiment experiment, Beables hidden, java.util.Set<String> given) {
        return HiddenKeys.describe(experiment, hidden, given);
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

    /**
     * The samplers of every combination together, for runs that choose the combination per trial,
     * when the model can decide such trials a block at a time; empty by default (the Runner then
     * calls {@link #sampler}'s {@code sample} per trial).
     */
    default Optional<ChosenBlocks> chosenBlocks(Experiment experiment) {
        return Optional.empty();
    }

    /**
     * A whole run at once, for models whose trials are not independent (an ensemble evolved
     * together, whose members are the trials). The Runner asks this first and samples trials
     * one by one only when it is empty, which it is by default. A model that answers must be
     * seeded by {@code seed} alone and give the same run for any thread count.
     */
    default Optional<SampledRun> runWhole(Experiment experiment, long seed, int threads, Cancellation cancellation) {
        return Optional.empty();
    }
}
