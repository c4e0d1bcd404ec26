package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.SampledRun;

/**
 * Lag-k autocorrelation of one detector's outcomes in the order the trials ran: do consecutive
 * trials remember each other? Quantum mechanics says no (trials are independent given the
 * settings); a hidden variable that drifts slowly says yes (papers 000 §5, 001 §6).
 *
 * <p>Each outcome is centred on the mean of its own setting combination, so trials under
 * different settings can sit side by side: r_k = Σ x̃_t x̃_{t+k} / (n_k · v) over the n_k pairs of
 * trials k apart where the detector fired, v the pooled variance. Under independence r_k is
 * approximately normal with standard error 1/√n_k; z = r_k √n_k gives a two-sided p-value, and
 * the run counts as correlated when the smallest p-value is below {@value #ALPHA} / lags
 * (Bonferroni).
 */
public record Autocorrelation(String model, String detector, List<Lag> lags, double minPValue, double threshold,
                              boolean correlated) implements Tabular {
    public static final double ALPHA = 0.001;

    /** One lag: r_k with its standard error under independence, z and p. */
    public record Lag(int lag, long pairs, double r, double standardError, double z, double pValue) {}

    public Autocorrelation {
        lags = List.copyOf(lags);
    }

    public static Autocorrelation of(SampledRun run, int slot, int maxLag) {
        if (maxLag < 1) throw new IllegalArgumentException("lags must be at least 1, got " + maxLag);
        OutcomeSeries s = new OutcomeSeries(run, slot);
        int n = s.size();
        double[] sum = new double[s.combinations];
        long[] count = new long[s.combinations];
        for (int t = 0; t < n; t++) {
            if (!s.fired[t]) continue;
            sum[s.combination[t]] += s.value[t];
            count[s.combination[t]]++;
        }
        double[] centred = new double[n];
        double variance = 0;
        long fired = 0;
        for (int t = 0; t < n; t++) {
            if (!s.fired[t]) continue;
            centred[t] = s.value[t] - sum[s.combination[t]] / count[s.combination[t]];
            variance += centred[t] * centred[t];
            fired++;
        }
        if (fired < 2) throw new IllegalArgumentException("detector " + s.detector + " fired in " + fired + " trial(s); a correlation needs more");
        variance /= fired;
        List<Lag> lags = new ArrayList<>();
        double minP = 1;
        for (int k = 1; k <= maxLag; k++) {
            double acc = 0;
            long pairs = 0;
            for (int t = 0; t + k < n; t++) {
                if (!s.fired[t] || !s.fired[t + k]) continue;
                acc += centred[t] * centred[t + k];
                pairs++;
            }
            double r = pairs == 0 || variance == 0 ? Double.NaN : acc / (pairs * variance);
            double se = pairs == 0 ? Double.NaN : 1 / Math.sqrt(pairs);
            double z = r / se;
            double p = Double.isNaN(z) ? 1 : Erf.erfc(Math.abs(z) / Math.sqrt(2));
            minP = Math.min(minP, p);
            lags.add(new Lag(k, pairs, r, se, z, p));
        }
        double threshold = ALPHA / maxLag;
        return new Autocorrelation(run.modelName(), s.detector, lags, minP, threshold, minP < threshold);
    }

    /** r at lag 1: what the value stands for in arithmetic. */
    public double value() {
        return lags.get(0).r();
    }

    public String summary() {
        return "autocorrelation of " + detector + " outcomes under " + model + ": lag-1 r = " + Numbers.format(value())
                + ", min p = " + Numbers.format(minPValue) + (correlated ? " — consecutive outcomes are correlated"
                : " — no correlation between trials (threshold " + Numbers.format(threshold) + ")");
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("lag", "pairs", "r", "SE", "z", "p")).title(summary());
        for (Lag l : lags) {
            table.row(Numbers.format(l.lag()), Numbers.format(l.pairs()), Numbers.format(l.r()), Numbers.format(l.standardError()),
                    Numbers.format(l.z()), Numbers.format(l.pValue()));
        }
        return table;
    }

    @Override
    public String toString() {
        return summary();
    }
}
