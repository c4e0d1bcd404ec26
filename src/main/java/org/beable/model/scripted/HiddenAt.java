package org.beable.model.scripted;

/**
 * A hidden variable under one setting combination, with whatever depends only on the settings
 * worked out once (bounds, normalisations, alias and density tables). It draws the variable
 * for `run`, gives its density for statistical independence, and averages over it for
 * `predict` (integrating or enumerating, then handing on to the next variable).
 */
abstract class HiddenAt {
    final int slot;
    /** Index of the next hidden variable, for {@link Averager#from}. */
    final int next;

    HiddenAt(BoundHidden variable) {
        this.slot = variable.slot;
        this.next = variable.index + 1;
    }

    /**
     * Writes a draw into the trial's context (passed on its own, which the JIT keeps in a
     * register); earlier hidden variables are already there.
     */
    abstract void draw(double[] context, Trial trial);

    /**
     * Draws n values of a one-slot variable straight into a block's column, making exactly the
     * generator calls of n {@link #draw}s; only where {@link #drawsInBlocks} says so.
     */
    void drawBlock(double[] column, int n, Trial trial) {
        throw new UnsupportedOperationException("drawn one trial at a time");
    }

    boolean drawsInBlocks() {
        return false;
    }

    /** The density at the value in the context (a probability for a discrete variable), given the earlier ones there. */
    abstract double density(double[] context);

    /**
     * The average over this variable of {@code averager.from(next, …)}, into {@code out};
     * returns the signature of the result (see {@link Quadrature}).
     */
    abstract long average(Averager averager, double[] context, double[] out);

    /** Puts into the context some value the variable can take (for a hidden state named only in part). */
    abstract void anyValue(double[] context);

    boolean needsGaussian() {
        return false;
    }

    /** Doubles of {@link Trial#scratch} a draw uses. */
    int scratchSize() {
        return 0;
    }

    /** The discrete variables' values and their probabilities, for enumeration; null for a continuous one. */
    Enumerable enumerable() {
        return null;
    }

    /** A discrete variable's support under the earlier values in a context. */
    interface Enumerable {
        /** Probabilities of the values, in order (normalised, checked). */
        double[] probabilities(double[] context);

        /** Puts value k into the context. */
        void set(int k, double[] context);
    }
}
