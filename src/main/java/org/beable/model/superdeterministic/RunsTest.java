package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.SampledRun;

/**
 * The Wald–Wolfowitz runs test on one detector's outcomes, per setting combination, in the order
 * the trials ran: each outcome is "first outcome" (+1 for spin) or not, and a run is a maximal
 * stretch of equal ones. Independent trials give E[R] = 2 n₁n₂/n + 1 runs with variance
 * 2n₁n₂(2n₁n₂ − n) / (n²(n − 1)); a slowly drifting hidden variable gives too few (long
 * stretches of one outcome), z ≪ 0. The combinations' z are combined as Σz/√m (Stouffer) into
 * one two-sided p-value; the outcomes count as correlated when p < {@value #ALPHA}.
 */
public record RunsTest(String model, String detector, List<Row> rows, double z, double pValue, boolean correlated) implements Tabular {
    public static final double ALPHA = 0.001;

    /** One combination: trials, first outcomes, runs seen and expected, z. */
    public record Row(String settings, long trials, long first, long runs, double expected, double z) {}

    public RunsTest {
        rows = List.copyOf(rows);
    }

    public static RunsTest of(SampledRun run, int slot) {
        OutcomeSeries s = new OutcomeSeries(run, slot);
        Experiment e = run.experiment();
        List<Row> rows = new ArrayList<>();
        double zSum = 0;
        int tested = 0;
        for (int c = 0; c < s.combinations; c++) {
            long n = 0;
            long first = 0;
            long runs = 0;
            int previous = -1;
            for (int t = 0; t < s.size(); t++) {
                if (s.combination[t] != c || !s.fired[t]) continue;
                int x = s.outcome[t] == 0 ? 1 : 0;
                n++;
                first += x;
                if (x != previous) runs++;
                previous = x;
            }
            if (n == 0) continue;
            double n1 = first;
            double n2 = n - first;
            double expected = 2 * n1 * n2 / n + 1;
            double variance = 2 * n1 * n2 * (2 * n1 * n2 - n) / ((double) n * n * (n - 1));
            double z = variance > 0 ? (runs - expected) / Math.sqrt(variance) : Double.NaN;
            rows.add(new Row(e.settings().size() == 0 ? "(no settings)" : e.settings().describe(c), n, first, runs, expected, z));
            if (!Double.isNaN(z)) {
                zSum += z;
                tested++;
            }
        }
        double z = tested == 0 ? Double.NaN : zSum / Math.sqrt(tested);
        double p = Double.isNaN(z) ? 1 : Erf.erfc(Math.abs(z) / Math.sqrt(2));
        return new RunsTest(run.modelName(), s.detector, rows, z, p, p < ALPHA);
    }

    public String summary() {
        return "runs test on " + detector + " outcomes under " + model + ": z = " + Numbers.format(z) + ", p = " + Numbers.format(pValue)
                + (correlated ? (z < 0 ? " — too few runs: consecutive outcomes cling together" : " — too many runs: outcomes alternate")
                : " — consistent with independent trials");
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("settings", "trials", "first outcome", "runs", "expected", "z")).title(summary());
        for (Row r : rows) {
            table.row(r.settings(), Numbers.format(r.trials()), Numbers.format(r.first()), Numbers.format(r.runs()),
                    Numbers.format(r.expected()), Numbers.format(r.z()));
        }
        return table;
    }

    @Override
    public String toString() {
        return summary();
    }
}
