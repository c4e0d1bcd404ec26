package org.beable.analysis;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.model.OutcomeStatistics;

/**
 * The CHSH quantity S = |E(a1,b1) + E(a1,b2) + E(a2,b1) − E(a2,b2)| for two slots A and B whose
 * detectors have different settings a and b. By default a1, a2 (b1, b2) are the first two
 * non-none values of a (b) in declaration order, and the first two slots that qualify are used;
 * every other setting is held at its first value. A sampled S has standard error
 * sqrt(Σ SE(E)²). S is compared with the local bound 2, Tsirelson's 2√2 and the no-signalling
 * bound 4; a bound counts as exceeded when S is above it by more than 4 standard errors
 * (by more than 1e-9 for an exact result).
 *
 * @param terms  E(a1,b1), E(a1,b2), E(a2,b1), E(a2,b2), in that order (the last enters with a minus sign)
 * @param bounds local, Tsirelson, no-signalling
 */
public record Chsh(String model, boolean sampled, int slotA, int slotB, String detectorA, String detectorB,
                   Estimate s, List<Correlation> terms, List<Bound> bounds) implements Tabular {

    public static final double LOCAL = 2;
    public static final double TSIRELSON = 2 * Math.sqrt(2);
    public static final double NO_SIGNALLING = 4;
    /** How far above a bound an exact S must be to count as exceeding it. */
    public static final double EXACT_TOLERANCE = 1e-9;
    /** How many standard errors above a bound a sampled S must be to count as exceeding it. */
    public static final double SIGMAS = 4;

    /** A bound on S and whether S exceeds it. */
    public record Bound(String name, double value, boolean exceeded) {}

    public Chsh {
        terms = List.copyOf(terms);
        bounds = List.copyOf(bounds);
    }

    /** The first two slots whose detectors have distinct settings with at least two non-none values. */
    public static Chsh of(OutcomeStatistics result) {
        Experiment experiment = result.experiment();
        List<Integer> candidates = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (int slot = 0; slot < experiment.slotCount() && candidates.size() < 2; slot++) {
            int setting = experiment.settingOf(experiment.slots()[slot]);
            if (setting < 0 || used.contains(setting) || nonNone(experiment.settings(), setting).size() < 2) continue;
            candidates.add(slot);
            used.add(setting);
        }
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("CHSH needs two measured detectors with different settings, each with at least"
                    + " two values other than none; this experiment has " + candidates.size());
        }
        return of(result, candidates.get(0), candidates.get(1));
    }

    /** Two given slots, with the first two non-none values of each one's setting. */
    public static Chsh of(OutcomeStatistics result, int slotA, int slotB) {
        Experiment experiment = result.experiment();
        int a = settingOfSlot(experiment, slotA);
        int b = settingOfSlot(experiment, slotB);
        List<Integer> va = nonNone(experiment.settings(), a);
        List<Integer> vb = nonNone(experiment.settings(), b);
        if (va.size() < 2 || vb.size() < 2) {
            int s = va.size() < 2 ? a : b;
            throw new IllegalArgumentException("CHSH needs two values other than none for setting "
                    + experiment.settings().name(s));
        }
        return of(result, slotA, slotB, va.get(0), va.get(1), vb.get(0), vb.get(1));
    }

    /** Two given slots and explicit value indices (into each detector's setting values) a1, a2, b1, b2. */
    public static Chsh of(OutcomeStatistics result, int slotA, int slotB, int a1, int a2, int b1, int b2) {
        Experiment experiment = result.experiment();
        SettingSpace space = experiment.settings();
        int a = settingOfSlot(experiment, slotA);
        int b = settingOfSlot(experiment, slotB);
        if (a == b) {
            throw new IllegalArgumentException("detectors " + Results.detectorName(experiment, slotA) + " and "
                    + Results.detectorName(experiment, slotB) + " share setting " + space.name(a)
                    + ", so CHSH cannot vary them independently");
        }
        checkValue(space, a, a1);
        checkValue(space, a, a2);
        checkValue(space, b, b1);
        checkValue(space, b, b2);
        int[][] pairs = {{a1, b1}, {a1, b2}, {a2, b1}, {a2, b2}};
        List<Correlation> terms = new ArrayList<>();
        double sum = 0;
        double variance = 0;
        for (int t = 0; t < 4; t++) {
            int[] digits = new int[space.size()];          // other settings at their first value
            digits[a] = pairs[t][0];
            digits[b] = pairs[t][1];
            Correlation e = Correlation.of(result, slotA, slotB, space.encode(digits));
            terms.add(e);
            sum += t == 3 ? -e.value() : e.value();
            variance += e.standardError() * e.standardError();
        }
        double value = Math.abs(sum);
        double se = result.isSampled() ? Math.sqrt(variance) : 0;
        double margin = result.isSampled() ? SIGMAS * se : EXACT_TOLERANCE;
        List<Bound> bounds = List.of(
                new Bound("local", LOCAL, value - LOCAL > margin),
                new Bound("Tsirelson", TSIRELSON, value - TSIRELSON > margin),
                new Bound("no-signalling", NO_SIGNALLING, value - NO_SIGNALLING > margin));
        return new Chsh(result.modelName(), result.isSampled(), slotA, slotB, Results.detectorName(experiment, slotA),
                Results.detectorName(experiment, slotB), new Estimate(value, se), terms, bounds);
    }

    private static int settingOfSlot(Experiment experiment, int slot) {
        Results.checkSlot(experiment, slot);
        int setting = experiment.settingOf(experiment.slots()[slot]);
        if (setting < 0) {
            throw new IllegalArgumentException("detector " + Results.detectorName(experiment, slot)
                    + " has no setting, so CHSH cannot vary it");
        }
        return setting;
    }

    private static List<Integer> nonNone(SettingSpace space, int setting) {
        List<Integer> indices = new ArrayList<>();
        List<SettingValue> values = space.values(setting);
        for (int v = 0; v < values.size(); v++) if (!values.get(v).none()) indices.add(v);
        return indices;
    }

    private static void checkValue(SettingSpace space, int setting, int value) {
        List<SettingValue> values = space.values(setting);
        if (value < 0 || value >= values.size()) {
            throw new IllegalArgumentException("setting " + space.name(setting) + " has no value number " + value
                    + " (it has " + values.size() + ")");
        }
        if (values.get(value).none()) {
            throw new IllegalArgumentException("CHSH cannot use the value none of setting " + space.name(setting));
        }
    }

    public double value() {
        return s.value();
    }

    public double standardError() {
        return s.standardError();
    }

    public boolean exceedsLocal() {
        return bounds.get(0).exceeded();
    }

    public boolean exceedsTsirelson() {
        return bounds.get(1).exceeded();
    }

    public boolean exceedsNoSignalling() {
        return bounds.get(2).exceeded();
    }

    @Override
    public Table toTable() {
        List<String> header = sampled ? List.of("quantity", "settings", "value", "SE", "S exceeds it")
                : List.of("quantity", "settings", "value", "S exceeds it");
        Table table = new Table(header);
        table.title("CHSH for " + detectorA + ", " + detectorB + "  [" + model + ", " + (sampled ? "sampled" : "exact") + "]");
        String[] names = {"+E(a1, b1)", "+E(a1, b2)", "+E(a2, b1)", "−E(a2, b2)"};
        for (int t = 0; t < 4; t++) {
            Correlation e = terms.get(t);
            row(table, names[t], e.settings(), e.value(), e.standardError(), "");
        }
        row(table, "S", "", s.value(), s.standardError(), "");
        for (Bound bound : bounds) {
            row(table, bound.name() + " bound", "", bound.value(), Double.NaN, bound.exceeded() ? "yes" : "no");
        }
        return table;
    }

    private void row(Table table, String quantity, String settings, double value, double se, String note) {
        String seCell = Double.isNaN(se) ? "" : Results.error(se);
        if (sampled) table.row(quantity, settings, Numbers.format(value), seCell, note);
        else table.row(quantity, settings, Numbers.exact(value, 1), note);     // exact: noise below 1e-12 prints 0
    }

    @Override
    public String toString() {
        List<String> exceeded = new ArrayList<>();
        for (Bound b : bounds) if (b.exceeded()) exceeded.add(b.name());
        return "S = " + s + (exceeded.isEmpty() ? " (within the local bound)" : " (exceeds the " + String.join(", ", exceeded)
                + " bound" + (exceeded.size() > 1 ? "s" : "") + ")");
    }
}
