package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * The outcome distribution of one slot under every setting combination. Where the slot's
 * detector does not measure (setting `none`) every outcome has probability 0 and the row is
 * marked as not firing. Sampled rows carry binomial standard errors.
 *
 * @param settingNames  the experiment's settings, one table column each
 * @param outcomeLabels the detector's outcome labels, one probability per label in each row
 */
public record Marginals(String model, boolean sampled, int slot, String detector, List<String> settingNames,
                        List<String> outcomeLabels, List<Row> rows) implements Tabular {

    /** One combination: its setting values, whether the detector measures, and P(outcome). */
    public record Row(int combination, List<String> settingValues, boolean fires, long trials, List<Estimate> probabilities) {
        public Row {
            settingValues = List.copyOf(settingValues);
            probabilities = List.copyOf(probabilities);
        }
    }

    public Marginals {
        settingNames = List.copyOf(settingNames);
        outcomeLabels = List.copyOf(outcomeLabels);
        rows = List.copyOf(rows);
    }

    public static Marginals of(OutcomeStatistics result, int slot) {
        Experiment experiment = result.experiment();
        Results.checkSlot(experiment, slot);
        List<String> labels = experiment.slotDetector(slot).outcomeLabels();
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < experiment.combinations(); c++) {
            boolean fires = experiment.outcomes(c).fires(slot);
            long n = result.trials(c);
            double[] m = Results.marginal(result, slot, c);
            List<Estimate> p = new ArrayList<>();
            for (int k = 0; k < labels.size(); k++) {
                double pk = !fires ? 0 : result.isSampled() && n == 0 ? Double.NaN : m[k];
                p.add(result.isSampled() && fires ? new Estimate(pk, Results.binomialError(pk, n)) : Estimate.exact(pk));
            }
            rows.add(new Row(c, Results.settingCells(experiment, c), fires, n, p));
        }
        return new Marginals(result.modelName(), result.isSampled(), slot, experiment.slotDetector(slot).name(),
                experiment.settings().names(), labels, rows);
    }

    /** P(outcome | combination) for this slot. */
    public double probability(int combination, int outcome) {
        return rows.get(combination).probabilities().get(outcome).value();
    }

    @Override
    public Table toTable() {
        boolean anyNone = rows.stream().anyMatch(r -> !r.fires());
        List<String> header = new ArrayList<>(settingNames);
        for (String label : outcomeLabels) header.add("P(" + detector + "=" + label + ")");
        if (anyNone) header.add("P(" + detector + "=none)");
        if (sampled) header.add("trials");
        Table table = new Table(header);
        table.title("Marginals of " + detector + "  [" + model + ", " + (sampled ? "sampled" : "exact") + "]");
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(row.settingValues());
            for (Estimate p : row.probabilities()) cells.add(p.toString());
            if (anyNone) cells.add(row.fires() ? "0" : "1");
            if (sampled) cells.add(Numbers.format(row.trials()));
            table.row(cells);
        }
        return table;
    }

    @Override
    public String toString() {
        return toTable().render();
    }
}
