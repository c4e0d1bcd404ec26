package org.beable.analysis.locality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.StreamIds;

/**
 * The conditions decided by sampling, for continuous λ: draw λ under each setting combination,
 * re-evaluate the response of the same λ under the other settings (the counterfactual re-run of
 * an explicit hidden-variable model), and compare. PI, OI and LC are exact per λ, so their
 * verdicts report the fraction of sampled λ that violate them; NS and SI are statistical (a
 * z-test on λ-averaged marginals, two-sample tests or density re-evaluation on λ), with p-values
 * and a Bonferroni threshold.
 */
final class SampledLocality {
    static final double ALPHA = 0.001;

    private final Experiment experiment;
    private final OntologicalModel model;
    private final Set<String> given;
    private final Parties parties;
    private final int samples;
    private final int combinations;
    private final Beables[][] drawn;          // [combination][sample]
    private final double[][][] responses;     // [source combination][sample * combinations + target] → joint response

    SampledLocality(Experiment experiment, OntologicalModel model, Set<String> given, int samples, long seed, ChunkedRunner runner) {
        this.experiment = experiment;
        this.model = model;
        this.given = given;
        this.parties = new Parties(experiment);
        this.samples = samples;
        this.combinations = experiment.combinations();
        this.drawn = new Beables[combinations][samples];
        this.responses = new double[combinations][][];
        for (int c = 0; c < combinations; c++) {
            final int source = c;
            double[][] r = new double[samples * combinations][];
            responses[c] = r;
            runner.run(samples, seed, StreamIds.locality(c), (chunk, from, to, rng) -> {
                for (int k = (int) from; k < to; k++) {
                    Beables lambda = model.sampleHidden(experiment, source, rng);
                    drawn[source][k] = lambda;
                    for (int target = 0; target < combinations; target++) {
                        r[k * combinations + target] = model.responseGiven(experiment, target, lambda, given);
                    }
                }
            });
        }
    }

    private double[] response(int source, int sample, int target) {
        return responses[source][sample * combinations + target];
    }

    List<Verdict> verdicts() {
        return List.of(perLambda(Condition.PI), perLambda(Condition.OI), perLambda(Condition.LC), noSignalling(), statisticalIndependence());
    }

    /** PI, OI or LC: each sampled λ is checked exactly on the comparisons that involve a setting it was drawn under. */
    private Verdict perLambda(Condition condition) {
        Worst worst = new Worst();
        long violating = 0;
        for (int c = 0; c < combinations; c++) {
            for (int k = 0; k < samples; k++) {
                Worst here = new Worst();
                check(condition, c, k, here);
                if (here.size > ExactLocality.TOLERANCE) violating++;
                worst.merge(here);
            }
        }
        long n = (long) samples * combinations;
        double fraction = (double) violating / n;
        double se = Math.sqrt(fraction * (1 - fraction) / n);
        boolean holds = worst.size <= ExactLocality.TOLERANCE;
        String method = "sampled: " + n + " λ, each re-evaluated under every setting; "
                + (holds ? "no violation (violating share < " + Numbers.format(3.0 / n) + " at 95%)"
                         : "violated for " + Numbers.withError(fraction, se) + " of them");
        return new Verdict(condition, holds, holds ? 0 : worst.size, 0, holds ? "" : worst.witness, method);
    }

    private void check(Condition condition, int c, int k, Worst worst) {
        if (condition == Condition.OI) {
            double[] joint = response(c, k, c);
            double[][] marginals = new double[parties.count()][];
            for (int party = 0; party < parties.count(); party++) marginals[party] = parties.marginal(joint, party, c);
            worst.offer(parties.distanceFromProduct(joint, marginals, c),
                    () -> lambda(c, k) + "; at " + parties.describe(c) + " P(o) = " + ExactLocality.list(joint));
        } else if (condition == Condition.PI) {
            for (int party = 0; party < parties.count(); party++) {
                for (int[] pair : parties.remotePairs(party)) {
                    if (pair[0] != c && pair[1] != c) continue;
                    double[] a = parties.marginal(response(c, k, pair[0]), party, pair[0]);
                    double[] b = parties.marginal(response(c, k, pair[1]), party, pair[1]);
                    final int p = party;
                    worst.offer(Parties.maxDifference(a, b), () -> lambda(c, k) + "; " + parties.name(p) + " at "
                            + parties.describe(pair[0]) + " vs " + parties.describe(pair[1]) + ": P = "
                            + ExactLocality.list(a) + " vs " + ExactLocality.list(b));
                }
            }
        } else {
            for (int at = 0; at < combinations; at++) {
                boolean involved = at == c;
                double[][] local = new double[parties.count()][];
                for (int party = 0; party < parties.count(); party++) {
                    int ref = parties.reference(party, at);
                    involved |= ref == c;
                    local[party] = parties.marginal(response(c, k, ref), party, ref);
                }
                if (!involved) continue;
                double[] joint = response(c, k, at);
                final int where = at;
                worst.offer(parties.distanceFromProduct(joint, local, at), () -> lambda(c, k) + "; at " + parties.describe(where)
                        + " P(o) = " + ExactLocality.list(joint) + " is not a product of local responses");
            }
        }
    }

    private String lambda(int c, int k) {
        return "λ drawn at " + parties.describe(c) + ": " + model.describeHidden(experiment, drawn[c][k], given);
    }

    /** λ-averaged marginals: exact where the model predicts, otherwise the sample mean of the responses, with a z-test. */
    private Verdict noSignalling() {
        double[][] mean = new double[combinations][];
        double[][] variance = new double[combinations][];
        boolean exact = true;
        for (int c = 0; c < combinations; c++) {
            Optional<double[]> predicted = model.predict(experiment, c);
            exact &= predicted.isPresent();
        }
        for (int c = 0; c < combinations; c++) {
            int size = experiment.outcomes(c).size();
            mean[c] = new double[size];
            variance[c] = new double[size];
            if (exact) {
                mean[c] = model.predict(experiment, c).get();
                continue;
            }
            for (int k = 0; k < samples; k++) {
                double[] r = response(c, k, c);
                for (int o = 0; o < size; o++) mean[c][o] += r[o] / samples;
            }
            for (int k = 0; k < samples; k++) {
                double[] r = response(c, k, c);
                for (int o = 0; o < size; o++) variance[c][o] += (r[o] - mean[c][o]) * (r[o] - mean[c][o]) / (samples - 1.0);
            }
        }
        Worst worst = new Worst();
        double smallestP = 1;
        double seAtWorst = 0;
        int tests = 0;
        for (int party = 0; party < parties.count(); party++) {
            for (int[] pair : parties.remotePairs(party)) {
                double[] a = parties.marginal(mean[pair[0]], party, pair[0]);
                double[] b = parties.marginal(mean[pair[1]], party, pair[1]);
                double[] va = parties.marginal(variance[pair[0]], party, pair[0]);
                double[] vb = parties.marginal(variance[pair[1]], party, pair[1]);
                for (int o = 0; o < a.length; o++) {
                    tests++;
                    double difference = Math.abs(a[o] - b[o]);
                    double se = Math.sqrt((va[o] + vb[o]) / samples);
                    double p = se == 0 ? (difference > ExactLocality.TOLERANCE ? 0 : 1)
                            : 2 * (1 - new NormalDistribution().cumulativeProbability(difference / se));
                    smallestP = Math.min(smallestP, p);
                    final int q = party;
                    final int outcome = o;
                    if (difference > worst.size) seAtWorst = se;
                    worst.offer(difference, () -> "P(" + parties.name(q) + " outcome " + outcome + ") at " + parties.describe(pair[0])
                            + " vs " + parties.describe(pair[1]) + ": " + Numbers.format(a[outcome]) + " vs " + Numbers.format(b[outcome]));
                }
            }
        }
        boolean holds = exact ? worst.size <= ExactLocality.TOLERANCE : smallestP >= ALPHA / Math.max(1, tests);
        String method = exact ? "exact (the model's predictions)"
                : "sampled: mean response over " + samples + " λ per setting, z-test, min p = " + Numbers.format(smallestP)
                  + " (threshold " + Numbers.format(ALPHA / Math.max(1, tests)) + ")";
        return new Verdict(Condition.NS, holds, holds ? 0 : worst.size, exact ? 0 : seAtWorst, holds ? "" : worst.witness, method);
    }

    private Verdict statisticalIndependence() {
        OptionalDouble probe = model.hiddenDensity(experiment, 0, drawn[0][0], given);
        return probe.isPresent() ? densityReEvaluation() : twoSampleTests();
    }

    /** Each sampled λ's density re-evaluated under every other setting. */
    private Verdict densityReEvaluation() {
        Worst worst = new Worst();
        long violating = 0;
        for (int c = 0; c < combinations; c++) {
            for (int k = 0; k < samples; k++) {
                double here = model.hiddenDensity(experiment, c, drawn[c][k], given).orElse(0);
                double largest = 0;
                for (int d = 0; d < combinations; d++) {
                    if (d == c) continue;
                    double there = model.hiddenDensity(experiment, d, drawn[c][k], given).orElse(0);
                    double relative = Math.abs(here - there) / Math.max(1e-300, Math.max(here, there));
                    largest = Math.max(largest, relative);
                    final int cc = c, kk = k, dd = d;
                    worst.offer(relative, () -> lambda(cc, kk) + ": p(λ) = " + Numbers.format(here) + " there vs "
                            + Numbers.format(there) + " at " + parties.describe(dd));
                }
                if (largest > ExactLocality.TOLERANCE) violating++;
            }
        }
        long n = (long) samples * combinations;
        boolean holds = worst.size <= ExactLocality.TOLERANCE;
        double fraction = (double) violating / n;
        String method = "sampled: " + n + " λ, density re-evaluated under every other setting"
                + (holds ? "" : "; differs for " + Numbers.withError(fraction, Math.sqrt(fraction * (1 - fraction) / n)) + " of them");
        return new Verdict(Condition.SI, holds, holds ? 0 : worst.size, 0, holds ? "" : worst.witness, method);
    }

    /** Two-sample tests between the λ drawn under each pair of settings: Kolmogorov–Smirnov per number, chi-square per category. */
    private Verdict twoSampleTests() {
        int components = -1;
        Object[][][] flat = new Object[combinations][samples][];
        for (int c = 0; c < combinations; c++) {
            for (int k = 0; k < samples; k++) {
                List<Object> out = new ArrayList<>();
                flatten(model.hiddenKey(experiment, drawn[c][k], given), out);
                flat[c][k] = out.toArray();
                components = Math.max(components, out.size());
            }
        }
        double smallestP = 1;
        double statisticAtSmallest = 0;
        String witness = "";
        int tests = 0;
        for (int j = 0; j < components; j++) {
            for (int c = 0; c < combinations; c++) {
                for (int d = c + 1; d < combinations; d++) {
                    tests++;
                    double[] result = compare(flat, c, d, j);
                    if (result[0] < smallestP) {
                        smallestP = result[0];
                        statisticAtSmallest = result[1];
                        witness = "component " + (j + 1) + " of λ differs between " + parties.describe(c) + " and " + parties.describe(d);
                    }
                }
            }
        }
        double threshold = ALPHA / Math.max(1, tests);
        boolean holds = smallestP >= threshold;
        String method = "sampled: " + samples + " λ per setting, two-sample tests (Kolmogorov–Smirnov / chi-square), min p = "
                + Numbers.format(smallestP) + " (threshold " + Numbers.format(threshold) + ")";
        return new Verdict(Condition.SI, holds, holds ? 0 : statisticAtSmallest, holds ? 0 : Math.sqrt(2.0 / samples),
                holds ? "" : witness, method);
    }

    /** {p-value, statistic} for component j between the samples of two combinations. */
    private double[] compare(Object[][][] flat, int c, int d, int j) {
        boolean numeric = true;
        for (int k = 0; k < samples && numeric; k++) {
            numeric = j < flat[c][k].length && j < flat[d][k].length && flat[c][k][j] instanceof Double && flat[d][k][j] instanceof Double;
        }
        if (numeric) {
            double[] x = new double[samples];
            double[] y = new double[samples];
            for (int k = 0; k < samples; k++) {
                x[k] = (Double) flat[c][k][j];
                y[k] = (Double) flat[d][k][j];
            }
            KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
            return new double[] {ks.kolmogorovSmirnovTest(x, y, false), ks.kolmogorovSmirnovStatistic(x, y)};
        }
        if (allSame(flat, c, d, j)) return new double[] {1, 0};   // e.g. the prepared state, identical in every sample
        Map<Object, long[]> counts = new HashMap<>();
        for (int k = 0; k < samples; k++) {
            counts.computeIfAbsent(j < flat[c][k].length ? flat[c][k][j] : "∅", key -> new long[2])[0]++;
            counts.computeIfAbsent(j < flat[d][k].length ? flat[d][k][j] : "∅", key -> new long[2])[1]++;
        }
        if (counts.size() < 2) return new double[] {1, 0};
        long[][] table = new long[2][counts.size()];
        int column = 0;
        double largest = 0;
        for (long[] pair : counts.values()) {
            table[0][column] = pair[0];
            table[1][column] = pair[1];
            largest = Math.max(largest, Math.abs(pair[0] - pair[1]) / (double) samples);
            column++;
        }
        return new double[] {new ChiSquareTest().chiSquareTest(table), largest};
    }

    private boolean allSame(Object[][][] flat, int c, int d, int j) {
        Object first = j < flat[c][0].length ? flat[c][0][j] : null;
        for (int k = 0; k < samples; k++) {
            Object a = j < flat[c][k].length ? flat[c][k][j] : null;
            Object b = j < flat[d][k].length ? flat[d][k][j] : null;
            if (a != first || b != first) return false;
        }
        return true;
    }

    private static void flatten(Object key, List<Object> out) {
        if (key instanceof List<?> list) {
            for (Object item : list) flatten(item, out);
        } else if (key instanceof double[] a) {
            for (double x : a) out.add(x);
        } else if (key instanceof Number n) {
            out.add(n.doubleValue());
        } else {
            out.add(key == null ? "∅" : key);
        }
    }
}
