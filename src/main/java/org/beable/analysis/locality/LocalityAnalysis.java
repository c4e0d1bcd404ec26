package org.beable.analysis.locality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beable.experiment.Experiment;
import org.beable.model.OntologicalModel;
import org.beable.model.sampling.ChunkedRunner;

/**
 * Bell's conditions for an experiment under a model, with the hidden variables the user chose
 * among the model's beables: exact when λ is discrete, sampled with counterfactual
 * re-evaluation otherwise (docs/language.md ("Run, predict and locality"), "How Beable decides").
 */
public final class LocalityAnalysis {
    private LocalityAnalysis() {}

    /** How a sampled analysis runs: λ per setting combination, seed, and the runner's threads and cancellation. */
    public record Sampling(int samples, long seed, ChunkedRunner runner) {}

    public static LocalityReport of(Experiment experiment, OntologicalModel model, Set<String> given, Sampling sampling) {
        check(experiment, model, given);
        Set<String> chosen = new LinkedHashSet<>(given);
        List<List<OntologicalModel.WeightedHidden>> supports = new ArrayList<>();
        for (int c = 0; c < experiment.combinations(); c++) {
            Optional<List<OntologicalModel.WeightedHidden>> support = model.hiddenSupport(experiment, c);
            if (support.isEmpty()) {
                supports = null;
                break;
            }
            supports.add(support.get());
        }
        List<Verdict> verdicts = supports != null
                ? new ExactLocality(experiment, model, chosen, supports).verdicts()
                : new SampledLocality(experiment, model, chosen, sampling.samples(), sampling.seed(), sampling.runner()).verdicts();
        return new LocalityReport(experiment.name(), model.toString(), chosen, verdicts);
    }

    /** The conditions compare parties and settings: say plainly what is missing. */
    private static void check(Experiment experiment, OntologicalModel model, Set<String> given) {
        if (experiment.slotCount() < 2) {
            throw new IllegalArgumentException("experiment '" + experiment.name() + "' measures " + experiment.slotCount()
                    + " detector; Bell's conditions need two parties (two measured detectors)");
        }
        if (!new Parties(experiment).anyRemoteVariation()) {
            throw new IllegalArgumentException("no setting of experiment '" + experiment.name() + "' takes a second value"
                    + " (or none), so no condition can compare settings; give a detector's setting two values, e.g. b in {0, none}");
        }
        for (String name : given) {
            if (!model.beableNames(experiment).contains(name)) {
                throw new IllegalArgumentException("model '" + model.name() + "' has no beable '" + name + "'; its beables are: "
                        + String.join(", ", model.beableNames(experiment)));
            }
        }
    }
}
