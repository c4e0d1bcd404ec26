package org.beable.analysis.locality;

import java.util.ArrayList;
import java.util.List;
import org.beable.analysis.Chsh;
import org.beable.analysis.SignallingTest;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.Prediction;

/**
 * One experiment, several models and choices of hidden variables, one table: the five verdicts,
 * and beside them what the model predicts — CHSH S, whether it signals, and how far its
 * statistics are from quantum mechanics (largest total variation distance).
 */
public record LocalityComparison(String experiment, List<Row> rows) implements Tabular {

    public record Row(LocalityReport report, Prediction prediction, Prediction quantum) {
        String chsh() {
            if (prediction == null) return "—";
            try {
                return Numbers.format(Chsh.of(prediction).value());
            } catch (IllegalArgumentException e) {
                return "—";
            }
        }

        String signalling() {
            return prediction == null ? "—" : SignallingTest.of(prediction).signalling() ? "yes" : "no";
        }

        /** max over settings of ½ Σ_o |P_model(o|s) − P_quantum(o|s)|. */
        String bornDeviation() {
            if (prediction == null || quantum == null) return "—";
            double worst = 0;
            for (int c = 0; c < prediction.experiment().combinations(); c++) {
                double[] p = prediction.probabilities(c);
                double[] q = quantum.probabilities(c);
                double tv = 0;
                for (int o = 0; o < p.length; o++) tv += Math.abs(p[o] - q[o]) / 2;
                worst = Math.max(worst, tv);
            }
            return Numbers.format(worst < 1e-12 ? 0 : worst);
        }
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("model", "hidden variables", "PI", "OI", "LC", "NS", "SI", "CHSH S", "signals", "TV from QM"))
                .title("Bell's conditions for " + experiment + ", model by model");
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.report().model());
            cells.add(String.join(", ", row.report().given()));
            for (Verdict v : row.report().verdicts()) cells.add(v.word());
            cells.add(row.chsh());
            cells.add(row.signalling());
            cells.add(row.bornDeviation());
            table.row(cells);
        }
        return table;
    }

    @Override
    public String toString() {
        return "locality comparison of " + rows.size() + " models for " + experiment;
    }
}
