package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.OutcomeStatistics;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SystemLayout;

/**
 * Small experiments without the quantum kernel: detectors whose measurements are placeholders
 * (only the number of outcomes matters to the analyses), and outcome distributions written
 * down directly.
 */
final class Fixtures {
    private Fixtures() {}

    /** P(outcome of A, outcome of B) given the value indices x, y and the values a, b of the two settings. */
    @FunctionalInterface
    interface Joint {
        double[][] p(int x, int y, double a, double b);
    }

    static Measurement placeholder(int outcomes) {
        return new Measurement(new CMatrix[outcomes], null);
    }

    static Detector spin(String name, int system, String setting) {
        return new Detector(name, system, setting, v -> placeholder(2), List.of("+1", "-1"), new double[] {1, -1});
    }

    static SettingValue angle(double x, String label) {
        return SettingValue.of(x, label);
    }

    static List<SettingValue> angles(double... xs) {
        List<SettingValue> list = new ArrayList<>();
        for (double x : xs) list.add(SettingValue.of(x, org.beable.format.Numbers.format(x)));
        return list;
    }

    /** Detectors A on alice (setting a) and B on bob (setting b), measured together. */
    static Experiment pair(List<SettingValue> as, List<SettingValue> bs) {
        return experiment(List.of(spin("A", 0, "a"), spin("B", 1, "b")), List.of("a", "b"), List.of(as, bs),
                List.of(new Step.Measure(new int[] {0, 1})));
    }

    static Experiment experiment(List<Detector> detectors, List<String> settingNames, List<List<SettingValue>> values,
                                 List<Step> steps) {
        List<String> systems = new ArrayList<>();
        int count = detectors.stream().mapToInt(Detector::system).max().orElse(0) + 1;
        int[] dims = new int[count];
        for (int s = 0; s < count; s++) {
            systems.add("s" + s);
            dims[s] = 2;
        }
        return new Experiment("fixture", new SystemLayout(systems, dims), null, steps, detectors,
                new SettingSpace(settingNames, values), new SettingChoice.All(), 0);
    }

    static final Joint SINGLET = (x, y, a, b) -> {
        double s = 0.5 * Math.pow(Math.sin((a - b) / 2), 2);
        double c = 0.5 * Math.pow(Math.cos((a - b) / 2), 2);
        return new double[][] {{s, c}, {c, s}};
    };

    /** Popescu–Rohrlich box: outcomes (as indices) differ exactly when x = y = 1. */
    static final Joint PR_BOX = (x, y, a, b) -> (x & y) == 0
            ? new double[][] {{0.5, 0}, {0, 0.5}}
            : new double[][] {{0, 0.5}, {0.5, 0}};

    /**
     * The exact prediction of a two-detector experiment (settings a then b) from a joint
     * distribution; where a detector does not measure, the other's marginal of the joint is used.
     */
    static Prediction predict(Experiment e, Joint joint) {
        double[][] distributions = new double[e.combinations()][];
        for (int c = 0; c < distributions.length; c++) {
            int[] digits = e.settings().decode(c);
            SettingValue va = e.settings().values(0).get(digits[0]);
            SettingValue vb = e.settings().values(1).get(digits[1]);
            // a detector set to none keeps only the other's marginal; the joint is evaluated at angle 0 for it
            double[][] p = joint.p(digits[0], digits[1], va.none() ? 0 : va.number(), vb.none() ? 0 : vb.number());
            OutcomeSpace space = e.outcomes(c);
            double[] d = new double[space.size()];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    d[space.encode(new int[] {space.fires(0) ? i : OutcomeSpace.NO_OUTCOME,
                            space.fires(1) ? j : OutcomeSpace.NO_OUTCOME})] += p[i][j];
                }
            }
            distributions[c] = d;
        }
        return new Prediction(e, "fake", distributions);
    }

    /** n trials per combination drawn from the exact distribution with a seeded generator. */
    static SampledRun sample(OutcomeStatistics exact, int n, long seed) {
        Experiment e = exact.experiment();
        int[] combos = new int[n * e.combinations()];
        int[] outcomes = new int[combos.length];
        int t = 0;
        for (int c = 0; c < e.combinations(); c++) {
            SplittableRandom rng = new SplittableRandom(seed * 1000 + c);
            double[] p = exact.probabilities(c);
            for (int i = 0; i < n; i++, t++) {
                double u = rng.nextDouble();
                int k = 0;
                while (k < p.length - 1 && (u -= p[k]) >= 0) k++;
                combos[t] = c;
                outcomes[t] = k;
            }
        }
        return new SampledRun(e, "fake-run", seed, combos, outcomes);
    }

    /** A run whose counts are as close to n·p as whole numbers allow (largest remainders). */
    static SampledRun proportional(OutcomeStatistics exact, int n) {
        Experiment e = exact.experiment();
        List<Integer> combos = new ArrayList<>();
        List<Integer> outcomes = new ArrayList<>();
        for (int c = 0; c < e.combinations(); c++) {
            double[] p = exact.probabilities(c);
            long[] counts = new long[p.length];
            long total = 0;
            for (int k = 0; k < p.length; k++) {
                counts[k] = (long) Math.floor(n * p[k]);
                total += counts[k];
            }
            while (total < n) {
                int best = 0;
                for (int k = 1; k < p.length; k++) {
                    if (n * p[k] - counts[k] > n * p[best] - counts[best]) best = k;
                }
                counts[best]++;
                total++;
            }
            for (int k = 0; k < p.length; k++) {
                for (long i = 0; i < counts[k]; i++) {
                    combos.add(c);
                    outcomes.add(k);
                }
            }
        }
        return new SampledRun(e, "fake-run", 0, combos.stream().mapToInt(Integer::intValue).toArray(),
                outcomes.stream().mapToInt(Integer::intValue).toArray());
    }

    static final double PI = Math.PI;

    /** The CHSH experiment of the README: a in {0, π/2}, b in {π/4, −π/4}. */
    static Experiment chshExperiment() {
        return pair(List.of(angle(0, "0"), angle(PI / 2, "pi/2")), List.of(angle(PI / 4, "pi/4"), angle(-PI / 4, "-pi/4")));
    }
}
