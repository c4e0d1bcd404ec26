package org.beable.model.scripted;

/**
 * An expression of a script model before it meets an experiment: given the {@link Scope} of
 * names it may read, it compiles itself to a {@link SlotFunction} with the slot numbers
 * fixed. The model calls {@code bind} once per experiment it is used with, and reuses the
 * result for every trial, setting combination and thread.
 *
 * <p>An interpreter implements this by walking the expression's syntax tree once, asking the
 * scope for the slot of each free name ({@link Scope#find}, falling back on its own
 * environment for constants such as {@code pi}); a Java caller writes a lambda:
 * <pre>{@code
 * SlotExpression rule = scope -> {
 *     int a = scope.setting("a");
 *     int lam = scope.hidden("lam");
 *     return c -> Math.signum(Math.cos(c[a] - c[lam]));
 * };
 * }</pre>
 * The scope throws {@link IllegalArgumentException} with a plain sentence for a name the
 * expression may not read; {@code bind} lets it propagate (an interpreter may add the
 * expression's source position).
 */
@FunctionalInterface
public interface SlotExpression {
    SlotFunction bind(Scope scope);

    /** A number that reads nothing. */
    static SlotExpression constant(double value) {
        return scope -> context -> value;
    }
}
