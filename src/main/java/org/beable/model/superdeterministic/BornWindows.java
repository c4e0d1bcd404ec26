package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.beable.experiment.Experiment;
import org.beable.format.DataTable;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;
import org.beable.model.SampledRun;
import org.beable.model.TrialLog;

/**
 * Born deviation per window of consecutive trials: a run can match the Born rule overall and
 * still stray from it window by window when the hidden variables drift (they sample one region
 * of λ at a time). Each window gets Pearson's chi-square against the reference prediction, summed
 * over the setting combinations it contains, and its total variation distance (largest over its
 * combinations). The windows' chi-squares add up to one test of "every window is a fair sample":
 * under independent trials their sum is chi-square with the summed degrees of freedom.
 */
public record BornWindows(String model, String reference, int window, List<Window> windows, double chiSquare,
                          long degreesOfFreedom, double pValue, long rejected) implements Tabular {
    public static final double WINDOW_ALPHA = 0.01;
    private static final double ZERO = 1e-12;

    /** One window of trials [first, first + trials). */
    public record Window(int index, long first, long trials, double chiSquare, int degreesOfFreedom, double pValue,
                         double totalVariation) {}

    public BornWindows {
        windows = List.copyOf(windows);
    }

    public static BornWindows of(SampledRun run, OutcomeStatistics reference, int window) {
        if (window < 1) throw new IllegalArgumentException("a window needs at least 1 trial, got " + window);
        Experiment e = run.experiment();
        if (reference.experiment() != e && reference.experiment().combinations() != e.combinations()) {
            throw new IllegalArgumentException("the run and the reference are of different experiments");
        }
        TrialLog log = run.trials();
        int n = log.size();
        List<Window> windows = new ArrayList<>();
        double chiTotal = 0;
        long dofTotal = 0;
        long rejected = 0;
        for (int start = 0, index = 0; start < n; start += window, index++) {
            int end = Math.min(n, start + window);
            long[][] counts = new long[e.combinations()][];
            for (int c = 0; c < counts.length; c++) counts[c] = new long[e.outcomes(c).size()];
            for (int t = start; t < end; t++) counts[log.combinations()[t]][log.outcomes()[t]]++;
            double chi = 0;
            int dof = 0;
            double tv = 0;
            boolean impossible = false;
            for (int c = 0; c < counts.length; c++) {
                long trials = 0;
                for (long x : counts[c]) trials += x;
                if (trials == 0) continue;
                double[] p = reference.probabilities(c);
                double tvC = 0;
                int possible = 0;
                for (int o = 0; o < p.length; o++) {
                    double observed = counts[c][o];
                    tvC += Math.abs(observed / trials - p[o]);
                    if (p[o] < ZERO) {
                        impossible |= observed > 0;
                        continue;
                    }
                    possible++;
                    double expected = trials * p[o];
                    chi += (observed - expected) * (observed - expected) / expected;
                }
                dof += Math.max(0, possible - 1);
                tv = Math.max(tv, tvC / 2);
            }
            double p = impossible ? 0 : dof == 0 ? 1 : Gamma.regularizedGammaQ(dof / 2.0, chi / 2.0);
            if (p < WINDOW_ALPHA) rejected++;
            windows.add(new Window(index, start, end - start, chi, dof, p, tv));
            chiTotal += chi;
            dofTotal += dof;
        }
        double pValue = dofTotal == 0 ? 1 : Gamma.regularizedGammaQ(dofTotal / 2.0, chiTotal / 2.0);
        return new BornWindows(run.modelName(), reference.modelName(), window, windows, chiTotal, dofTotal, pValue, rejected);
    }

    /** The share of windows whose own test rejects at 1% (about 0.01 for independent Born trials). */
    public double fractionRejected() {
        return windows.isEmpty() ? 0 : (double) rejected / windows.size();
    }

    /** The largest total variation distance of any window. */
    public double maxTotalVariation() {
        double max = 0;
        for (Window w : windows) max = Math.max(max, w.totalVariation());
        return max;
    }

    /** One row per window, for plotting (window, first trial, chi², p, total variation). */
    public DataTable table() {
        DataTable t = new DataTable("born_windows");
        for (Window w : windows) {
            t.add(List.of("window", "first_trial", "trials", "chi2", "dof", "p", "total_variation"),
                    List.of((double) w.index(), (double) w.first(), (double) w.trials(), w.chiSquare(), (double) w.degreesOfFreedom(),
                            w.pValue(), w.totalVariation()));
        }
        return t;
    }

    public String summary() {
        return "Born deviation of " + model + " in " + windows.size() + " windows of " + window + " trials against " + reference
                + ": " + rejected + " window(s) reject at 1% (about " + Numbers.format(WINDOW_ALPHA * windows.size()) + " expected), "
                + "summed chi² = " + Numbers.format(chiSquare) + " with " + degreesOfFreedom + " dof, p = " + Numbers.format(pValue)
                + "; max total variation " + Numbers.format(maxTotalVariation());
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("window", "first trial", "trials", "chi²", "dof", "p", "total variation")).title(summary());
        for (Window w : windows) {
            table.row(Numbers.format(w.index()), Numbers.format(w.first()), Numbers.format(w.trials()), Numbers.format(w.chiSquare()),
                    Numbers.format(w.degreesOfFreedom()), Numbers.format(w.pValue()), Numbers.format(w.totalVariation()));
        }
        return table;
    }

    @Override
    public String toString() {
        return summary();
    }
}
