package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Stmt;

/**
 * The cells of a sweep: the product of its axes, the first axis outermost (as nested `for`
 * loops would visit them), so cell k is a mixed-radix number with the last axis fastest.
 */
public final class SweepGrid {
    private final List<List<Object>> axes;
    private final long cells;

    private SweepGrid(List<List<Object>> axes) {
        this.axes = axes;
        long n = 1;
        for (List<Object> axis : axes) n = Math.multiplyExact(n, axis.size());
        this.cells = n;
    }

    /** Checks each axis's items: a non-empty list or range, whose items have as many parts as the axis names. */
    static SweepGrid of(Stmt.Sweep sweep, Object[] values) {
        List<List<Object>> axes = new ArrayList<>();
        for (int a = 0; a < values.length; a++) {
            Stmt.Axis axis = sweep.axes().get(a);
            List<Object> items = items(axis, values[a]);
            if (items.isEmpty()) {
                throw new BeableError(axis.items().span(), "a sweep over an empty " + (values[a] instanceof RangeValue ? "range" : "list")
                        + " has no cells", "give '" + String.join(", ", axis.names()) + "' at least one value");
            }
            if (axis.names().size() > 1) {
                for (int k = 0; k < items.size(); k++) {
                    if (!(items.get(k) instanceof List<?> parts) || parts.size() != axis.names().size()) {
                        throw new BeableError(axis.items().span(), "sweep item " + k + " is " + Values.aTypeName(items.get(k)) + ", but '"
                                + String.join(", ", axis.names()) + "' needs a list of " + axis.names().size() + " values",
                                "pair the values up with zip: `sweep " + String.join(", ", axis.names()) + " in zip(xs, ys) { … }`");
                    }
                }
            }
            axes.add(items);
        }
        try {
            return new SweepGrid(axes);
        } catch (ArithmeticException e) {
            throw new BeableError(sweep.span(), "this sweep has more cells than can be counted", "sweep over fewer values");
        }
    }

    private static List<Object> items(Stmt.Axis axis, Object value) {
        if (value instanceof List<?> list) return List.copyOf(list);
        if (value instanceof RangeValue r) {
            long n = r.count();
            if (n > Integer.MAX_VALUE) throw new BeableError(axis.items().span(), "a sweep axis of " + n + " values is too long");
            List<Object> out = new ArrayList<>((int) n);
            for (long k = 0; k < n; k++) out.add(r.get(k));
            return out;
        }
        throw new BeableError(axis.items().span(), "a sweep needs a list or a range for '" + String.join(", ", axis.names())
                + "', got " + Values.aTypeName(value), "write `sweep x in [1, 2, 3] { … }` or `sweep x in 0 .. 1 step 0.1 { … }`");
    }

    public long cells() {
        return cells;
    }

    /** The values of cell {@code cell}, one per axis (an axis of several names gives its item, a list). */
    Object[] values(long cell) {
        Object[] out = new Object[axes.size()];
        long rest = cell;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<Object> axis = axes.get(a);
            out[a] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        return out;
    }
}
