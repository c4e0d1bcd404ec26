package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityAnalysis;
import org.beable.analysis.locality.LocalityReport;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.OntologicalModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Experiments built directly on the experiment and quantum packages, and small helpers, for the script-model tests. */
final class Fixtures {
    private Fixtures() {}

    static final double PI = Math.PI;
    static final double[] CHSH_A = {0, PI / 2};
    static final double[] CHSH_B = {PI / 4, -PI / 4};

    /** Spin along (sin θ, 0, cos θ) with θ the detector's setting; outcomes +1, −1. */
    static Detector spin(String name, int system, String setting) {
        return new Detector(name, system, setting,
                v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())}),
                List.of("+1", "-1"), new double[] {1, -1});
    }

    /** The same with a third outcome, no click (0), which quantum mechanics never gives. */
    static Detector spinOrNoClick(String name, int system, String setting) {
        return new Detector(name, system, setting,
                v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())}).withZeroOutcomes(1),
                List.of("+1", "-1", "0"), new double[] {1, -1, 0});
    }

    static CMatrix singlet() {
        double h = Math.sqrt(0.5);
        return CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
    }

    static List<SettingValue> angles(double... xs) {
        List<SettingValue> list = new ArrayList<>();
        for (double x : xs) list.add(SettingValue.of(x, Double.toString(x)));
        return list;
    }

    /** The singlet, detectors A on the first qubit reading a and B on the second reading b. */
    static Experiment bell(Detector a, Detector b, List<SettingValue> as, List<SettingValue> bs, long trials) {
        SystemLayout layout = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});
        return new Experiment("bell", layout, singlet(), List.of(new Step.Measure(new int[] {0, 1})), List.of(a, b),
                new SettingSpace(List.of("a", "b"), List.of(as, bs)), new SettingChoice.All(), trials);
    }

    static Experiment chsh(long trials) {
        return bell(spin("A", 0, "a"), spin("B", 1, "b"), angles(CHSH_A), angles(CHSH_B), trials);
    }

    /** One qubit, one detector D without a setting (a fixed z measurement), for distribution tests. */
    static Experiment single(long trials) {
        SystemLayout layout = new SystemLayout(List.of("q"), new int[] {2});
        Detector d = new Detector("D", 0, null, v -> Measurement.ofBasis(new CMatrix[] {Spin.up(0), Spin.down(0)}),
                List.of("+1", "-1"), new double[] {1, -1});
        return new Experiment("single", layout, Spin.up(0).projector(), List.of(new Step.Measure(new int[] {0})), List.of(d),
                SettingSpace.empty(), new SettingChoice.All(), trials);
    }

    // ------------------------------------------------------------------ expressions written as Java lambdas

    /** sign(cos(setting − hidden)), times {@code sign}. */
    static SlotExpression signCos(String setting, String hidden, double sign) {
        return scope -> {
            int s = scope.setting(setting);
            int h = scope.hidden(hidden);
            return c -> sign * Math.signum(Math.cos(c[s] - c[h]));
        };
    }

    /** The setting as a direction (sin θ, 0, cos θ) dotted with a unit vector hidden variable. */
    static double dot(double[] c, int theta, int vector) {
        return Math.sin(c[theta]) * c[vector] + Math.cos(c[theta]) * c[vector + 2];
    }

    // ------------------------------------------------------------------ statistics

    static org.apache.commons.rng.UniformRandomProvider stream(long seed) {
        return org.beable.random.RandomStreams.stream(seed, 0);
    }

    static SampledRun run(Experiment e, OntologicalModel m, long seed) {
        return new Runner(2, Cancellation.none(), null).run(e, m, seed);
    }

    /** Sampled frequencies agree with exact probabilities within {@code sigmas} binomial standard errors. */
    static void agree(double[] exact, SampledRun run, int combination, double sigmas) {
        double[] f = run.probabilities(combination);
        long n = run.trials(combination);
        for (int o = 0; o < exact.length; o++) {
            double se = Math.sqrt(Math.max(exact[o] * (1 - exact[o]), 1e-12) / n);
            assertEquals(exact[o], f[o], sigmas * se + 1e-12, "combination " + combination + ", outcome " + o);
        }
    }

    /** E(A, B) of two ±1 (or ±1/0) slots from a joint distribution, over the coincidences (both not 0) when asked. */
    static double correlation(Experiment e, int combination, double[] p, boolean coincidences) {
        var space = e.outcomes(combination);
        double[] va = e.slotDetector(0).outcomeValues();
        double[] vb = e.slotDetector(1).outcomeValues();
        double sum = 0;
        double both = 0;
        for (int o = 0; o < p.length; o++) {
            double x = va[space.outcome(o, 0)] * vb[space.outcome(o, 1)];
            sum += x * p[o];
            if (x != 0) both += p[o];
        }
        return coincidences ? sum / both : sum;
    }

    static LocalityReport locality(Experiment e, OntologicalModel m, int samples, String... given) {
        return LocalityAnalysis.of(e, m, new LinkedHashSet<>(List.of(given)),
                new LocalityAnalysis.Sampling(samples, 5, new ChunkedRunner(2, Cancellation.none())));
    }

    static void expect(LocalityReport r, boolean pi, boolean oi, boolean lc, boolean ns, boolean si) {
        assertEquals(pi, r.verdict(Condition.PI).holds(), "PI: " + r.verdict(Condition.PI));
        assertEquals(oi, r.verdict(Condition.OI).holds(), "OI: " + r.verdict(Condition.OI));
        assertEquals(lc, r.verdict(Condition.LC).holds(), "LC: " + r.verdict(Condition.LC));
        assertEquals(ns, r.verdict(Condition.NS).holds(), "NS: " + r.verdict(Condition.NS));
        assertEquals(si, r.verdict(Condition.SI).holds(), "SI: " + r.verdict(Condition.SI));
    }
}
