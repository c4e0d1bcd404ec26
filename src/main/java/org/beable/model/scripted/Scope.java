package org.beable.model.scripted;

import java.util.BitSet;
import java.util.OptionalInt;
import org.beable.experiment.SettingValue;

/**
 * The names one expression of a script model may read, and their slots in the context array
 * of the experiment it is being bound to ({@link Layout}). A rule reads every setting and
 * hidden variable and the outcomes of detectors whose rules come earlier; a hidden variable's
 * distribution reads settings and the hidden variables declared before it (a density also
 * reads the variable itself, as the point where it is evaluated). Anything else is refused
 * with {@link IllegalArgumentException} and a sentence a physicist can act on.
 *
 * <p>The scope remembers which slots were handed out, so the model knows, without evaluating
 * anything, what it may compute once per setting combination instead of once per trial.
 * Expressions must therefore take every slot they read from here.
 */
public final class Scope {
    private final Layout layout;
    private final String reader;
    private final int hiddenVisible;   // hidden variables [0, hiddenVisible) are readable
    private final int ownHidden;       // a hidden variable readable as the density's own point, or -1
    private final int rulesVisible;    // outcomes of rules [0, rulesVisible) are readable (0 for a distribution)
    private final int ownRule;         // the rule being bound, or -1
    private final String hiddenRefusal; // why no other hidden variable may be read here, or null for the usual order rule
    private final BitSet reads = new BitSet();

    Scope(Layout layout, String reader, int hiddenVisible, int ownHidden, int rulesVisible, int ownRule, String hiddenRefusal) {
        this.layout = layout;
        this.hiddenRefusal = hiddenRefusal;
        this.reader = reader;
        this.hiddenVisible = hiddenVisible;
        this.ownHidden = ownHidden;
        this.rulesVisible = Math.max(0, rulesVisible);
        this.ownRule = ownRule;
    }

    /** Who is reading, e.g. "the outcome rule for B", for an interpreter's own messages. */
    public String reader() { return reader; }

    /** The slot of a setting's numeric value in the current combination (NaN there when the setting is none). */
    public int setting(String name) {
        int s = layout.experiment().settings().indexOf(name);
        if (s < 0) {
            throw new IllegalArgumentException(capital(reader) + " reads setting '" + name + "', but experiment '"
                    + layout.experiment().name() + "' has no such setting (" + layout.settingNames() + ")");
        }
        SettingValue bad = layout.nonNumeric(s);
        if (bad != null) {
            throw new IllegalArgumentException(capital(reader) + " reads setting '" + name + "', whose value '" + bad.label()
                    + "' is not a number; a script model reads settings as numbers");
        }
        reads.set(s);
        return s;
    }

    /** Whether a slot handed out here is a setting's: the same for every trial of a setting combination. */
    public boolean isSetting(int slot) {
        return slot >= 0 && slot < layout.settings();
    }

    /** The first slot of a hidden variable; a vector's components are the {@link #components} slots from there. */
    public int hidden(String name) {
        int h = layout.hiddenIndex(name);
        if (h < 0) {
            throw new IllegalArgumentException(capital(reader) + " reads hidden variable '" + name + "', but model '"
                    + layout.modelName() + "' has none of that name (" + layout.hiddenNames() + ")");
        }
        if (h >= hiddenVisible && h != ownHidden && hiddenRefusal != null) {
            throw new IllegalArgumentException(capital(reader) + " reads hidden variable '" + name + "'; " + hiddenRefusal);
        }
        if (h >= hiddenVisible && h != ownHidden) {
            throw new IllegalArgumentException(h == hiddenVisible
                    ? capital(reader) + " reads " + name + " itself; a distribution may read settings and the hidden variables declared before it"
                    : capital(reader) + " reads hidden variable '" + name + "', which is declared after it; a distribution may read"
                      + " settings and the hidden variables declared before it");
        }
        int base = layout.hiddenSlot(h);
        reads.set(base, base + layout.hiddenWidth(h));
        return base;
    }

    /** How many slots a hidden variable takes: 1 for a number, 2 for a point of the disk, 3 for a unit vector. */
    public int components(String name) {
        int h = layout.hiddenIndex(name);
        if (h < 0) hidden(name);   // throws the sentence for an unknown name
        return layout.hiddenWidth(h);
    }

    /** The slot of a detector's outcome (its numeric value); readable only from rules listed after that detector's. */
    public int outcome(String detector) {
        if (ownRule < 0) {
            throw new IllegalArgumentException(capital(reader) + " reads the outcome of detector " + detector
                    + ", but hidden variables are drawn before any detector fires");
        }
        int r = layout.ruleIndex(detector);
        if (r == ownRule) throw new IllegalArgumentException(capital(reader) + " reads " + detector + "'s own outcome");
        if (r < 0) {
            boolean inExperiment = layout.experiment().detectors().stream().anyMatch(d -> d.name().equals(detector));
            throw new IllegalArgumentException(capital(reader) + " reads the outcome of " + detector + ", but "
                    + (inExperiment ? "model '" + layout.modelName() + "' has no rule for detector " + detector
                                    : "experiment '" + layout.experiment().name() + "' has no detector " + detector));
        }
        if (r >= rulesVisible) {
            throw new IllegalArgumentException(capital(reader) + " reads the outcome of " + detector + ", whose rule comes after it;"
                    + " a rule may read only the outcomes of detectors whose rules come earlier (list the rule for " + detector
                    + " first, if " + detector + " does not read this one)");
        }
        int slot = layout.outcomeSlot(r);
        if (slot < 0) {
            throw new IllegalArgumentException(capital(reader) + " reads the outcome of " + detector + ", which experiment '"
                    + layout.experiment().name() + "' does not measure");
        }
        reads.set(slot);
        return slot;
    }

    /**
     * The slot of a bare name: a hidden variable, a setting or a detector's outcome, in that
     * order. Empty when the name is none of these, so an interpreter can look it up among its
     * own constants; throws when it is one of them but may not be read here (a later hidden
     * variable, a later detector).
     */
    public OptionalInt find(String name) {
        if (layout.hiddenIndex(name) >= 0) return OptionalInt.of(hidden(name));
        boolean isSetting = layout.experiment().settings().indexOf(name) >= 0;
        boolean isDetector = layout.ruleIndex(name) >= 0
                || layout.experiment().detectors().stream().anyMatch(d -> d.name().equals(name));
        if (isSetting && isDetector) {
            throw new IllegalArgumentException(capital(reader) + " reads '" + name + "', which names both a setting and a detector of"
                    + " experiment '" + layout.experiment().name() + "'; rename one of them");
        }
        if (isSetting) return OptionalInt.of(setting(name));
        if (isDetector) return OptionalInt.of(outcome(name));
        return OptionalInt.empty();
    }

    /** {@link #find}, or a sentence saying what the name could have been. */
    public int slot(String name) {
        OptionalInt found = find(name);
        if (found.isPresent()) return found.getAsInt();
        throw new IllegalArgumentException(capital(reader) + " reads '" + name + "', which is not a setting of experiment '"
                + layout.experiment().name() + "' (" + layout.settingNames() + "), a hidden variable of model '"
                + layout.modelName() + "' (" + layout.hiddenNames() + ") or a detector");
    }

    /** The slots handed out so far. */
    BitSet reads() {
        return (BitSet) reads.clone();
    }

    /** Whether a hidden variable declared before the reader was read: then a distribution varies trial by trial. */
    boolean readsEarlierHidden() {
        int to = hiddenVisible < layout.hiddenCount() ? layout.hiddenSlot(hiddenVisible) : layout.hiddenEnd();
        int first = reads.nextSetBit(layout.settings());
        return first >= 0 && first < to;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
