package org.beable.model.scripted;

/**
 * An expression of a script model, compiled for one experiment: a number computed from the
 * context array of one trial (see the package documentation for the slot layout).
 *
 * <p>Called once per trial from several threads at once, each with its own context: it must
 * read only the slots its {@link Scope} gave it, never write to the context, keep no state,
 * and not allocate if it is to keep sampling fast.
 */
@FunctionalInterface
public interface SlotFunction {
    double apply(double[] context);

    /**
     * The same expression over a block of trials, bit for bit; a compiler that knows better
     * returns a vectorisable form, anything else is evaluated trial by trial.
     */
    default BlockFunction block() {
        return BlockFunction.perTrial(this);
    }
}
