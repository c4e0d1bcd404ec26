package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingValue;
import org.beable.format.Numbers;

/**
 * Where each name of a script model lives in the context array of one experiment:
 * <pre>
 *   [0, S)          the experiment's settings, in its order: the current combination's numeric values (NaN for none)
 *   [S, S + H)      the hidden variables' components, in declaration order (scalar 1, disk 2, sphere 3)
 *   [S + H, size)   one outcome per rule the experiment uses, in rule order: its numeric value (NaN when the
 *                   detector does not measure in this combination)
 * </pre>
 * Fixed when the model is bound to the experiment, the same for every combination and trial.
 * Expressions get their slots through a {@link Scope}, which also decides what they may read.
 */
public final class Layout {
    private final String model;
    private final Experiment experiment;
    private final List<String> hidden;
    private final int[] hiddenBase;
    private final int[] hiddenWidth;
    private final List<String> rules;        // every rule's detector, in model order
    private final int[] ruleSlot;            // its outcome slot, or -1 when the experiment does not measure it
    private final int size;

    Layout(String model, Experiment experiment, List<String> hidden, int[] hiddenWidth, List<String> rules) {
        this.model = model;
        this.experiment = experiment;
        this.hidden = List.copyOf(hidden);
        this.hiddenWidth = hiddenWidth.clone();
        this.hiddenBase = new int[hidden.size()];
        int next = experiment.settings().size();
        for (int h = 0; h < hiddenBase.length; h++) {
            hiddenBase[h] = next;
            next += hiddenWidth[h];
        }
        this.rules = List.copyOf(rules);
        this.ruleSlot = new int[rules.size()];
        for (int r = 0; r < ruleSlot.length; r++) ruleSlot[r] = experiment.slotOf(rules.get(r)) >= 0 ? next++ : -1;
        this.size = next;
    }

    /** Length of the context array. */
    public int size() { return size; }

    /** Number of setting slots; setting s of the experiment is slot s. */
    public int settings() { return experiment.settings().size(); }

    /** First slot of hidden variable h (declaration order); its components follow. */
    public int hiddenSlot(int h) { return hiddenBase[h]; }

    public int hiddenWidth(int h) { return hiddenWidth[h]; }

    public int hiddenCount() { return hidden.size(); }

    /** One past the last hidden slot. */
    public int hiddenEnd() { return hidden.isEmpty() ? settings() : hiddenBase[hidden.size() - 1] + hiddenWidth[hidden.size() - 1]; }

    public String hiddenName(int h) { return hidden.get(h); }

    /** The outcome slot of rule r (model order), or -1 when the experiment does not measure its detector. */
    public int outcomeSlot(int r) { return ruleSlot[r]; }

    public String ruleDetector(int r) { return rules.get(r); }

    public String modelName() { return model; }

    public Experiment experiment() { return experiment; }

    int hiddenIndex(String name) { return hidden.indexOf(name); }

    int ruleIndex(String detector) { return rules.indexOf(detector); }

    /** What the outcome rule number r may read: every setting and hidden variable, and the outcomes of earlier rules. */
    Scope ruleScope(int r) {
        return new Scope(this, "the outcome rule for " + rules.get(r), hidden.size(), -1, r, r, null);
    }

    /** What a parameter of hidden variable h's distribution may read: settings and earlier hidden variables. */
    Scope distributionScope(int h, String part) {
        return new Scope(this, part + " of hidden variable " + hidden.get(h), h, -1, -1, -1, null);
    }

    /**
     * What a tabulated density of hidden variable h (and its interval) may read: settings, and h itself as the
     * point of evaluation — no other hidden variable, because the table is made once per setting combination.
     */
    Scope densityScope(int h, String part, boolean ownPoint) {
        return new Scope(this, part + " of hidden variable " + hidden.get(h), 0, ownPoint ? h : -1, -1, -1,
                "a pdf may read settings and its own variable only, because it is tabulated once per setting combination");
    }

    /** The first value of a setting that is neither none nor a number, or null when it reads as a number everywhere. */
    SettingValue nonNumeric(int setting) {
        for (SettingValue v : experiment.settings().values(setting)) if (!v.none() && Double.isNaN(v.number())) return v;
        return null;
    }

    /** "a = 0, b = 0.7853981634, lam = 2.1": the settings and the first {@code hiddenUpTo} hidden variables, for messages. */
    String describe(double[] context, int hiddenUpTo) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < settings(); s++) {
            parts.add(experiment.settings().name(s) + " = " + (Double.isNaN(context[s]) ? "none" : Numbers.format(context[s])));
        }
        for (int h = 0; h < Math.min(hiddenUpTo, hidden.size()); h++) {
            parts.add(hidden.get(h) + " = " + show(context, hiddenBase[h], hiddenWidth[h]));
        }
        return parts.isEmpty() ? "(no settings)" : String.join(", ", parts);
    }

    static String show(double[] values, int from, int width) {
        if (width == 1) return Numbers.format(values[from]);
        List<String> xs = new ArrayList<>();
        for (int k = 0; k < width; k++) xs.add(Numbers.format(values[from + k]));
        return "(" + String.join(", ", xs) + ")";
    }

    String settingNames() {
        return experiment.settings().size() == 0 ? "it has no settings" : "its settings: " + String.join(", ", experiment.settings().names());
    }

    List<String> hiddenNamesList() {
        return hidden;
    }

    String hiddenNames() {
        return hidden.isEmpty() ? "it declares none" : "its hidden variables: " + String.join(", ", hidden);
    }
}
