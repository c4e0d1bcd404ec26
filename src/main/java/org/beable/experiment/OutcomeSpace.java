package org.beable.experiment;

/**
 * The joint outcomes of one setting combination. Each measured detector is a slot (in the
 * order the experiment measures them); a detector whose setting is `none` has one slot value,
 * "no outcome". A joint outcome is a mixed-radix number with the first slot most significant.
 */
public final class OutcomeSpace {
    public static final int NO_OUTCOME = -1;

    private final int[] radix;     // outcomes per slot, 1 for a detector that does not measure
    private final boolean[] fires; // false where the setting is none
    private final int size;

    public OutcomeSpace(int[] radix, boolean[] fires) {
        this.radix = radix.clone();
        this.fires = fires.clone();
        int product = 1;
        for (int r : radix) product *= r;
        this.size = product;
    }

    public int size() { return size; }
    public int slots() { return radix.length; }
    public boolean fires(int slot) { return fires[slot]; }
    public int radix(int slot) { return radix[slot]; }

    /** The outcome index of one slot in a joint outcome, or NO_OUTCOME when that detector did not measure. */
    public int outcome(int joint, int slot) {
        for (int s = radix.length - 1; s > slot; s--) joint /= radix[s];
        return fires[slot] ? joint % radix[slot] : NO_OUTCOME;
    }

    public int[] decode(int joint) {
        int[] out = new int[radix.length];
        for (int s = radix.length - 1; s >= 0; s--) {
            out[s] = fires[s] ? joint % radix[s] : NO_OUTCOME;
            joint /= radix[s];
        }
        return out;
    }

    public int encode(int[] outcomes) {
        int joint = 0;
        for (int s = 0; s < radix.length; s++) joint = joint * radix[s] + (fires[s] ? outcomes[s] : 0);
        return joint;
    }
}
