package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * The correlation E(A, B | settings) = Σ v_a v_b P(a, b) of two slots, using each detector's
 * numeric outcome values (for ±1 outcomes, P(same) − P(different)). A sampled estimate has
 * standard error sqrt(Var(v_a v_b) / n), the variance taken from the observed frequencies
 * (for ±1 outcomes sqrt((1 − E²) / n)).
 */
public record Correlation(String model, boolean sampled, int slotA, int slotB, String detectorA, String detectorB,
                          int combination, String settings, Estimate estimate, long trials) implements Tabular {

    public static Correlation of(OutcomeStatistics result, int slotA, int slotB, int combination) {
        Experiment experiment = result.experiment();
        Results.checkSlot(experiment, slotA);
        Results.checkSlot(experiment, slotB);
        Results.checkCombination(experiment, combination);
        double[] va = values(experiment, slotA, combination);
        double[] vb = values(experiment, slotB, combination);
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = result.probabilities(combination);
        double mean = 0;
        double square = 0;
        for (int joint = 0; joint < p.length; joint++) {
            double x = va[space.outcome(joint, slotA)] * vb[space.outcome(joint, slotB)];
            mean += x * p[joint];
            square += x * x * p[joint];
        }
        long n = result.trials(combination);
        Estimate estimate;
        if (!result.isSampled()) {
            estimate = Estimate.exact(mean);
        } else if (n == 0) {
            estimate = new Estimate(Double.NaN, Double.NaN);
        } else {
            estimate = new Estimate(mean, Math.sqrt(Math.max(0, square - mean * mean) / n));
        }
        return new Correlation(result.modelName(), result.isSampled(), slotA, slotB,
                Results.detectorName(experiment, slotA), Results.detectorName(experiment, slotB), combination,
                Results.settings(experiment, combination), estimate, result.isSampled() ? n : 0);
    }

    /** E(A, B) under every combination in which both detectors measure. */
    public static List<Correlation> all(OutcomeStatistics result, int slotA, int slotB) {
        Experiment experiment = result.experiment();
        Results.checkSlot(experiment, slotA);
        Results.checkSlot(experiment, slotB);
        List<Correlation> list = new ArrayList<>();
        for (int c = 0; c < experiment.combinations(); c++) {
            if (experiment.outcomes(c).fires(slotA) && experiment.outcomes(c).fires(slotB)) list.add(of(result, slotA, slotB, c));
        }
        return list;
    }

    private static double[] values(Experiment experiment, int slot, int combination) {
        Detector d = experiment.slotDetector(slot);
        if (!experiment.outcomes(combination).fires(slot)) {
            throw new IllegalArgumentException("detector " + d.name() + " does not measure under "
                    + Results.settings(experiment, combination) + ", so it has no correlation there");
        }
        double[] v = d.outcomeValues();
        for (int k = 0; k < d.outcomes(); k++) {
            if (v == null || k >= v.length || Double.isNaN(v[k])) {
                throw new IllegalArgumentException("detector " + d.name() + " has outcome '" + d.outcomeLabels().get(k)
                        + "', which is not a number; a correlation needs numeric outcome values");
            }
        }
        return v;
    }

    public double value() {
        return estimate.value();
    }

    public double standardError() {
        return estimate.standardError();
    }

    @Override
    public Table toTable() {
        return table(List.of(this));
    }

    /** Several correlations (for example from {@link #all}) as one table. */
    public static Table table(List<Correlation> correlations) {
        boolean sampled = correlations.stream().anyMatch(Correlation::sampled);
        Table table = new Table(sampled ? List.of("settings", "E", "SE", "trials") : List.of("settings", "E"));
        if (!correlations.isEmpty()) {
            Correlation first = correlations.get(0);
            table.title("E(" + first.detectorA + ", " + first.detectorB + ")  [" + first.model + ", "
                    + (sampled ? "sampled" : "exact") + "]");
        }
        for (Correlation c : correlations) {
            if (sampled) {
                table.row(c.settings, Numbers.format(c.value()), Results.error(c.standardError()), Numbers.format(c.trials));
            } else {
                table.row(c.settings, Numbers.exact(c.value(), 1));
            }
        }
        return table;
    }

    @Override
    public String toString() {
        return "E(" + detectorA + ", " + detectorB + " | " + settings + ") = " + estimate;
    }
}
