package org.beable.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * P(event | settings). The event fixes the outcome index of some slots (the others are summed
 * over); {@link OutcomeSpace#NO_OUTCOME} for a slot asks that its detector did not measure.
 * Over several combinations an exact result is averaged with equal weights and a sampled one is
 * pooled (all their trials counted together). A sampled estimate has the binomial standard
 * error sqrt(p(1−p)/n).
 *
 * @param event        slot → outcome index, in slot order
 * @param eventLabel   "A=+1, B=-1"
 * @param combinations the setting combinations used, ascending
 * @param settings     their description
 * @param trials       trials behind a sampled estimate (0 when exact)
 */
public record Probability(String model, boolean sampled, Map<Integer, Integer> event, String eventLabel,
                          List<Integer> combinations, String settings, Estimate estimate, long trials) implements Tabular {

    public Probability {
        event = Collections.unmodifiableMap(new TreeMap<>(event));
        combinations = List.copyOf(combinations);
    }

    public static Probability of(OutcomeStatistics result, Map<Integer, Integer> event, int combination) {
        return of(result, event, List.of(combination));
    }

    public static Probability of(OutcomeStatistics result, Map<Integer, Integer> event, Collection<Integer> combinations) {
        Experiment experiment = result.experiment();
        if (combinations.isEmpty()) throw new IllegalArgumentException("a probability needs at least one setting combination");
        List<Integer> combos = new ArrayList<>(new TreeSet<>(combinations));
        for (int c : combos) Results.checkCombination(experiment, c);
        Map<Integer, Integer> sorted = new TreeMap<>(event);
        List<String> labels = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : sorted.entrySet()) {
            int slot = e.getKey();
            int outcome = e.getValue();
            Results.checkSlot(experiment, slot);
            int outcomes = experiment.slotDetector(slot).outcomes();
            if (outcome != OutcomeSpace.NO_OUTCOME && (outcome < 0 || outcome >= outcomes)) {
                throw new IllegalArgumentException("detector " + Results.detectorName(experiment, slot) + " has no outcome "
                        + outcome + " (it has " + outcomes + ")");
            }
            labels.add(Results.outcomeLabel(experiment, slot, outcome));
        }
        String eventLabel = labels.isEmpty() ? "(any outcome)" : String.join(", ", labels);

        Estimate estimate;
        long trials = 0;
        if (result.isSampled()) {
            long hits = 0;
            for (int c : combos) {
                long[] counts = result.counts(c);
                OutcomeSpace space = experiment.outcomes(c);
                for (int joint = 0; joint < counts.length; joint++) if (matches(space, joint, sorted)) hits += counts[joint];
                trials += result.trials(c);
            }
            double p = trials == 0 ? Double.NaN : (double) hits / trials;
            estimate = new Estimate(p, Results.binomialError(p, trials));
        } else {
            double sum = 0;
            for (int c : combos) {
                double[] p = result.probabilities(c);
                OutcomeSpace space = experiment.outcomes(c);
                for (int joint = 0; joint < p.length; joint++) if (matches(space, joint, sorted)) sum += p[joint];
            }
            estimate = Estimate.exact(sum / combos.size());
        }
        List<String> described = new ArrayList<>();
        for (int c : combos) described.add(Results.settings(experiment, c));
        String settings = combos.size() == 1 ? described.get(0)
                : (result.isSampled() ? "pooled over " : "averaged over ") + String.join(" | ", described);
        return new Probability(result.modelName(), result.isSampled(), sorted, eventLabel, combos, settings, estimate, trials);
    }

    private static boolean matches(OutcomeSpace space, int joint, Map<Integer, Integer> event) {
        for (Map.Entry<Integer, Integer> e : event.entrySet()) {
            if (space.outcome(joint, e.getKey()) != e.getValue()) return false;
        }
        return true;
    }

    public double value() {
        return estimate.value();
    }

    public double standardError() {
        return estimate.standardError();
    }

    @Override
    public Table toTable() {
        Table table = new Table(sampled ? List.of("event", "settings", "P", "SE", "trials") : List.of("event", "settings", "P"));
        table.title("P(" + eventLabel + " | " + settings + ")  [" + model + ", " + (sampled ? "sampled" : "exact") + "]");
        if (sampled) {
            table.row(eventLabel, settings, Numbers.format(value()), Results.error(standardError()), Numbers.format(trials));
        } else {
            table.row(eventLabel, settings, Numbers.exact(value(), 1));
        }
        return table;
    }

    @Override
    public String toString() {
        return "P(" + eventLabel + " | " + settings + ") = " + estimate;
    }
}
