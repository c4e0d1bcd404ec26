package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * How far a sampled result is from a prediction of the same experiment (usually the Born rule).
 * Pearson's chi-square goodness of fit is summed over every combination with trials, with
 * Σ (outcomes of nonzero predicted probability − 1) degrees of freedom; an observed outcome
 * the prediction calls impossible makes p = 0. Alongside, the total variation distance
 * ½ Σ |p̂ − p| per combination and its maximum. Predicted probabilities below
 * {@value #ZERO} count as zero (round-off in an exact prediction is not a possible outcome).
 */
public record BornDeviation(String model, String reference, double chiSquare, int degreesOfFreedom, double pValue,
                            boolean impossibleOutcome, double maxTotalVariation, List<Entry> combinations) implements Tabular {

    public static final double ZERO = 1e-12;

    /** One combination's share of the fit. */
    public record Entry(int combination, String settings, long trials, double chiSquare, int degreesOfFreedom,
                        double totalVariation, boolean impossibleOutcome) {}

    public BornDeviation {
        combinations = List.copyOf(combinations);
    }

    public static BornDeviation of(OutcomeStatistics sampled, OutcomeStatistics prediction) {
        if (!sampled.isSampled()) {
            throw new IllegalArgumentException("a Born-deviation test needs a sampled run; '" + sampled.modelName()
                    + "' is an exact prediction");
        }
        Experiment experiment = sampled.experiment();
        Experiment other = prediction.experiment();
        if (experiment != other && (experiment.combinations() != other.combinations() || experiment.slotCount() != other.slotCount())) {
            throw new IllegalArgumentException("the run and the prediction are of different experiments ("
                    + experiment.name() + ", " + other.name() + ")");
        }
        List<Entry> entries = new ArrayList<>();
        double chi = 0;
        int dof = 0;
        boolean impossible = false;
        double maxTv = 0;
        for (int c = 0; c < experiment.combinations(); c++) {
            long n = sampled.trials(c);
            if (n == 0) continue;
            long[] counts = sampled.counts(c);
            double[] p = prediction.probabilities(c);
            if (p.length != counts.length) {
                throw new IllegalArgumentException("the run and the prediction have different outcomes under "
                        + Results.settings(experiment, c));
            }
            double chiC = 0;
            int possible = 0;
            boolean impossibleC = false;
            double tv = 0;
            for (int k = 0; k < p.length; k++) {
                double observed = counts[k];
                tv += Math.abs(observed / n - p[k]);
                if (p[k] < ZERO) {
                    if (counts[k] > 0) impossibleC = true;
                    continue;
                }
                possible++;
                double expected = n * p[k];
                chiC += (observed - expected) * (observed - expected) / expected;
            }
            tv /= 2;
            int dofC = Math.max(0, possible - 1);
            entries.add(new Entry(c, Results.settings(experiment, c), n, chiC, dofC, tv, impossibleC));
            chi += chiC;
            dof += dofC;
            impossible |= impossibleC;
            maxTv = Math.max(maxTv, tv);
        }
        double pValue;
        if (impossible) pValue = 0;
        else if (dof == 0) pValue = 1;
        else pValue = Gamma.regularizedGammaQ(dof / 2.0, chi / 2.0);   // chi-square upper tail, accurate for tiny p
        return new BornDeviation(sampled.modelName(), prediction.modelName(), chi, dof, pValue, impossible, maxTv, entries);
    }

    public String summary() {
        return "chi² = " + Numbers.format(chiSquare) + " with " + degreesOfFreedom + " dof, p = " + Numbers.format(pValue)
                + (impossibleOutcome ? " (an outcome the prediction forbids occurred)" : "")
                + "; max total variation = " + Numbers.format(maxTotalVariation);
    }

    @Override
    public Table toTable() {
        List<String> header = new ArrayList<>(List.of("settings", "trials", "chi²", "dof", "total variation"));
        if (impossibleOutcome) header.add("forbidden outcome seen");
        Table table = new Table(header);
        table.title("Deviation of " + model + " (sampled) from " + reference + ": " + summary());
        for (Entry e : combinations) {
            List<String> row = new ArrayList<>(List.of(e.settings(), Numbers.format(e.trials()), Numbers.format(e.chiSquare()),
                    Numbers.format(e.degreesOfFreedom()), Numbers.format(e.totalVariation())));
            if (impossibleOutcome) row.add(e.impossibleOutcome() ? "yes" : "no");
            table.row(row);
        }
        table.row("total (variation: max)", "", Numbers.format(chiSquare), Numbers.format(degreesOfFreedom),
                Numbers.format(maxTotalVariation));
        return table;
    }

    @Override
    public String toString() {
        return summary();
    }
}
