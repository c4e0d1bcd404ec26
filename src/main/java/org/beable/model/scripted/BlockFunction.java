package org.beable.model.scripted;

/**
 * An expression of a script model evaluated for a whole {@link Block} of trials at once: the
 * form `run` uses, because a short loop of arithmetic over arrays is what the JIT vectorises,
 * and because one virtual call per block replaces one per trial and closure. It must give,
 * trial by trial, exactly the bits of the {@link SlotFunction} it was compiled beside, so that
 * a seed means the same outcomes whichever path samples it.
 */
@FunctionalInterface
public interface BlockFunction {
    /** out[i] = the expression at trial i, for i < block.size(); may borrow scratch from the block. */
    void apply(Block block, double[] out);

    /** The fallback for an expression with no block form: the one-trial function, trial after trial. */
    static BlockFunction perTrial(SlotFunction f) {
        return (block, out) -> {
            for (int i = 0; i < block.size(); i++) out[i] = f.apply(block.context(i));
        };
    }
}
