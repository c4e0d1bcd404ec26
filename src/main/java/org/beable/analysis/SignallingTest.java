package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.Step;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * The no-signalling test. For each measured slot i, each setting j that slot i's own detector
 * does not use, and each assignment of the remaining settings, slot i's marginal is compared
 * across the values of j (`none` included: whether a distant detector measures at all must not
 * change the marginal either).
 *
 * <p>Exact results signal when some marginal moves by more than {@value #EXACT_TOLERANCE}.
 * Sampled results get a chi-square test of homogeneity per comparison (rows = values of j,
 * columns = outcomes of i, all-zero columns and trial-less rows dropped; fewer than two
 * outcome columns left is trivially consistent, p = 1); the run signals when the smallest
 * p-value is below {@value #ALPHA} / (number of tests) (Bonferroni).
 *
 * <p>A setting that legitimately influences slot i is not tested: one used by a detector
 * measured in an earlier step, on the same system as slot i or with an evolution step in
 * between (a sequential Stern–Gerlach run, or an interaction after the first measurement).
 * Such pairs are listed in {@link #notTested()}.
 *
 * @param tests         every comparison made
 * @param notTested     each slot/setting pair left out, with the reason
 * @param maxDeltaP     the largest marginal difference over all tests
 * @param minPValue     the smallest p-value (NaN for an exact result, 1 when there are no tests)
 * @param threshold     the Bonferroni per-test level ALPHA / tests (NaN for an exact result)
 * @param signalling    the verdict
 */
public record SignallingTest(String model, boolean sampled, List<Test> tests, List<Skipped> notTested, double maxDeltaP,
                             double minPValue, double threshold, boolean signalling) implements Tabular {

    /** Family-wise significance level for a sampled result. */
    public static final double ALPHA = 0.001;
    /** Largest marginal change an exact result may show and still count as not signalling. */
    public static final double EXACT_TOLERANCE = 1e-9;

    /**
     * One comparison: slot i's marginal across the values of setting j, other settings fixed.
     *
     * @param heldFixed  the other settings' values ("b=0"), or "" when there are none
     * @param chiSquare  the statistic (NaN when exact)
     * @param degreesOfFreedom (rows − 1)(columns − 1) after dropping empty ones; 0 when trivial or exact
     * @param pValue     NaN when exact
     */
    public record Test(int slot, String detector, int setting, String settingName, String heldFixed,
                       double maxDeltaP, double chiSquare, int degreesOfFreedom, double pValue) {}

    /** A slot and a setting that may legitimately influence it, so are not compared. */
    public record Skipped(int slot, String detector, int setting, String settingName, String reason) {}

    public SignallingTest {
        tests = List.copyOf(tests);
        notTested = List.copyOf(notTested);
    }

    public static SignallingTest of(OutcomeStatistics result) {
        Experiment experiment = result.experiment();
        SettingSpace space = experiment.settings();
        int[] stepOfSlot = stepOfSlot(experiment);
        List<Test> tests = new ArrayList<>();
        List<Skipped> notTested = new ArrayList<>();
        for (int slot = 0; slot < experiment.slotCount(); slot++) {
            int own = experiment.settingOf(experiment.slots()[slot]);
            for (int j = 0; j < space.size(); j++) {
                if (j == own || space.values(j).size() < 2) continue;
                String upstream = upstream(experiment, stepOfSlot, slot, j);
                if (upstream != null) {
                    notTested.add(new Skipped(slot, experiment.slotDetector(slot).name(), j, space.name(j), upstream));
                    continue;
                }
                for (int c = 0; c < experiment.combinations(); c++) {
                    int[] digits = space.decode(c);
                    if (digits[j] != 0 || !experiment.outcomes(c).fires(slot)) continue;
                    if (valuesWithData(result, j, digits) < 2) {
                        // A comparison needs at least two of the setting's values to hold trials; fewer tests nothing.
                        notTested.add(new Skipped(slot, experiment.slotDetector(slot).name(), j, space.name(j),
                                "fewer than two of its values have trials" + (space.size() > 1 ? " with " + heldFixed(experiment, j, digits) : "")));
                        continue;
                    }
                    tests.add(compare(result, slot, j, digits));
                }
            }
        }
        double maxDelta = 0;
        double minP = result.isSampled() ? 1 : Double.NaN;
        for (Test t : tests) {
            maxDelta = Math.max(maxDelta, t.maxDeltaP());
            if (result.isSampled()) minP = Math.min(minP, t.pValue());
        }
        double threshold = result.isSampled() ? ALPHA / Math.max(1, tests.size()) : Double.NaN;
        boolean signalling = result.isSampled() ? minP < threshold : maxDelta > EXACT_TOLERANCE;
        return new SignallingTest(result.modelName(), result.isSampled(), tests, notTested, maxDelta, minP, threshold,
                signalling);
    }

    /** How many values of setting j have trials, the other settings held at these digits (all of them for an exact result). */
    private static int valuesWithData(OutcomeStatistics result, int j, int[] digits) {
        SettingSpace space = result.experiment().settings();
        int with = 0;
        for (int v = 0; v < space.values(j).size(); v++) {
            int[] d = digits.clone();
            d[j] = v;
            if (!result.isSampled() || result.trials(space.encode(d)) > 0) with++;
        }
        return with;
    }

    private static Test compare(OutcomeStatistics result, int slot, int j, int[] digits) {
        Experiment experiment = result.experiment();
        SettingSpace space = experiment.settings();
        int values = space.values(j).size();
        List<double[]> marginals = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            int[] d = digits.clone();
            d[j] = v;
            int c = space.encode(d);
            if (result.isSampled() && result.trials(c) == 0) continue;   // no data for this value
            marginals.add(Results.marginal(result, slot, c));
            if (result.isSampled()) counts.add(Results.marginalCounts(result, slot, c));
        }
        double delta = 0;
        if (!marginals.isEmpty()) {
            for (int k = 0; k < marginals.get(0).length; k++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] m : marginals) {
                    lo = Math.min(lo, m[k]);
                    hi = Math.max(hi, m[k]);
                }
                delta = Math.max(delta, hi - lo);
            }
        }
        double chi = Double.NaN;
        int dof = 0;
        double p = Double.NaN;
        if (result.isSampled()) {
            long[][] table = nonZeroColumns(counts);
            if (table.length < 2 || table[0].length < 2) {
                chi = 0;
                p = 1;
            } else {
                chi = new ChiSquareTest().chiSquare(table);
                dof = (table.length - 1) * (table[0].length - 1);
                p = Gamma.regularizedGammaQ(dof / 2.0, chi / 2.0);   // the chi-square upper tail, accurate for tiny p
            }
        }
        return new Test(slot, experiment.slotDetector(slot).name(), j, space.name(j), heldFixed(experiment, j, digits), delta, chi,
                dof, p);
    }

    /** The other settings' values ("b=0"), or "" when there are none. */
    private static String heldFixed(Experiment experiment, int j, int[] digits) {
        SettingSpace space = experiment.settings();
        List<String> held = new ArrayList<>();
        for (int s = 0; s < space.size(); s++) {
            if (s != j) held.add(space.name(s) + "=" + space.values(s).get(digits[s]).label());
        }
        return String.join(", ", held);
    }

    private static long[][] nonZeroColumns(List<long[]> rows) {
        if (rows.isEmpty()) return new long[0][0];
        int width = rows.get(0).length;
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            long sum = 0;
            for (long[] row : rows) sum += row[k];
            if (sum > 0) keep.add(k);
        }
        long[][] table = new long[rows.size()][keep.size()];
        for (int r = 0; r < rows.size(); r++) for (int k = 0; k < keep.size(); k++) table[r][k] = rows.get(r)[keep.get(k)];
        return table;
    }

    /** The step in which each slot is measured. */
    private static int[] stepOfSlot(Experiment experiment) {
        int[] step = new int[experiment.slotCount()];
        int slot = 0;
        List<Step> steps = experiment.steps();
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s) instanceof Step.Measure m) for (int ignored : m.detectors()) step[slot++] = s;
        }
        return step;
    }

    /** Why setting j may legitimately influence the slot, or null if it may not. */
    private static String upstream(Experiment experiment, int[] stepOfSlot, int slot, int j) {
        int[] slots = experiment.slots();
        Detector target = experiment.slotDetector(slot);
        for (int earlier = 0; earlier < slots.length; earlier++) {
            if (experiment.settingOf(slots[earlier]) != j || stepOfSlot[earlier] >= stepOfSlot[slot]) continue;
            Detector source = experiment.slotDetector(earlier);
            if (source.system() == target.system()) {
                return source.name() + " measures the same system earlier";
            }
            for (int s = stepOfSlot[earlier] + 1; s < stepOfSlot[slot]; s++) {
                if (experiment.steps().get(s) instanceof Step.Evolve) {
                    return source.name() + " measures earlier and the systems evolve in between";
                }
            }
        }
        return null;
    }

    /** "signalling" or "consistent with no signalling", with the numbers behind it. */
    public String verdict() {
        if (tests.isEmpty()) return "consistent with no signalling (nothing to test)";
        String head = signalling ? "signalling" : "consistent with no signalling";
        if (!sampled) return head + ": max |ΔP| = " + Numbers.format(maxDeltaP) + " over " + tests.size() + " comparisons";
        return head + ": min p = " + Numbers.format(minPValue) + " over " + tests.size() + " tests (Bonferroni threshold "
                + Numbers.format(threshold) + "), max |ΔP| = " + Numbers.format(maxDeltaP);
    }

    @Override
    public Table toTable() {
        Table table = new Table(sampled
                ? List.of("detector", "setting varied", "held fixed", "max |ΔP|", "chi²", "dof", "p-value")
                : List.of("detector", "setting varied", "held fixed", "max |ΔP|"));
        table.title("No-signalling  [" + model + ", " + (sampled ? "sampled" : "exact") + "]: " + verdict());
        for (Test t : tests) {
            String held = t.heldFixed().isEmpty() ? "—" : t.heldFixed();
            if (sampled) {
                table.row(t.detector(), t.settingName(), held, Numbers.format(t.maxDeltaP()), Numbers.format(t.chiSquare()),
                        Numbers.format(t.degreesOfFreedom()), Numbers.format(t.pValue()));
            } else {
                table.row(t.detector(), t.settingName(), held, Numbers.format(t.maxDeltaP()));
            }
        }
        for (Skipped s : notTested) table.row(s.detector(), s.settingName(), "not tested: " + s.reason());
        return table;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
