package org.beable.model.scripted;

import java.util.Arrays;

/**
 * A block of trials of one setting combination, laid out by column: one array per slot of the
 * context ({@link Layout}), trial i at index i. Settings hold the combination's values
 * throughout; hidden variables and outcomes are filled as the block is drawn and decided.
 * One per thread and chunk, reused block after block, so nothing is allocated per trial.
 *
 * <p>Expressions borrow scratch arrays from it, last borrowed first returned.
 */
public final class Block {
    /** Trials per block: enough to amortise a call per expression, small enough for the level-1 cache. */
    public static final int SIZE = 256;

    private final double[][] columns;
    private final double[][] uniforms;
    private final double[] context;
    private double[][] scratch = new double[8][];
    private int borrowed;
    private int size;

    /** Columns for the context's slots, filled with their initial values, and one column of uniforms per rule that draws. */
    Block(double[] initial, int drawingRules) {
        this.columns = new double[initial.length][SIZE];
        this.uniforms = new double[drawingRules][SIZE];
        for (int s = 0; s < initial.length; s++) Arrays.fill(columns[s], initial[s]);
        this.context = initial.clone();
    }

    /** Trials in the current block. */
    public int size() {
        return size;
    }

    void resize(int trials) {
        size = trials;
    }

    /** The values of one slot, by trial; expressions read it, only the sampler writes it. */
    public double[] column(int slot) {
        return columns[slot];
    }

    /** The numbers the d-th rule that draws takes from the generator, by trial. */
    double[] uniforms(int d) {
        return uniforms[d];
    }

    /** Trial i as one context array (shared, overwritten by the next call): for expressions with no block form, and messages. */
    public double[] context(int trial) {
        for (int s = 0; s < context.length; s++) context[s] = columns[s][trial];
        return context;
    }

    /** A scratch array of {@link #SIZE}; give it back with {@link #release} in reverse order of borrowing. */
    public double[] borrow() {
        if (borrowed == scratch.length) scratch = Arrays.copyOf(scratch, 2 * borrowed);
        if (scratch[borrowed] == null) scratch[borrowed] = new double[SIZE];
        return scratch[borrowed++];
    }

    public void release(double[] array) {
        if (borrowed == 0 || scratch[borrowed - 1] != array) throw new IllegalStateException("scratch returned out of order");
        borrowed--;
    }
}
