package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Installs the core builtins (mathematics, collections), and the few value operations the compiler shares with them (indexing, adjoint, iteration). */
public final class Builtins {
    private Builtins() {}

    static void install(Interpreter interpreter) {
        MathBuiltins.install(interpreter);
        CollectionBuiltins.install(interpreter);
    }

    /** The items of a list or a range, for loops, `sum`, settings and outcome labels. */
    public static List<Object> items(Object value, Span span) {
        if (value instanceof List<?> list) return new ArrayList<>(list);
        if (value instanceof RangeValue r) {
            long n = r.count();
            if (n > 10_000_000) throw new BeableError(span, "a range of " + n + " values is too long to make into a list");
            List<Object> out = new ArrayList<>((int) n);
            for (long k = 0; k < n; k++) out.add(r.get(k));
            return out;
        }
        throw new BeableError(span, "expected a list or a range, got " + Values.aTypeName(value));
    }

    public static Object index(Object target, Object index, Span span) {
        if (target instanceof List<?> list) {
            long k = Values.integer(index, span, "a list index");
            if (k < 0) k += list.size();
            if (k < 0 || k >= list.size()) {
                throw new BeableError(span, "index " + Values.show(index) + " is outside a list of " + list.size() + " items",
                        "indices start at 0; -1 is the last item");
            }
            return list.get((int) k);
        }
        if (target instanceof RangeValue r) {
            long k = Values.integer(index, span, "a range index");
            if (k < 0 || k >= r.count()) throw new BeableError(span, "index " + k + " is outside a range of " + r.count() + " values");
            return r.get(k);
        }
        Object item = target instanceof Operand o ? o.index(index, span) : null;
        if (item != null) return item;
        throw new BeableError(span, Values.aTypeName(target) + " cannot be indexed with a " + Values.typeName(index),
                target instanceof Operand ? "index an operator with [row, column]" : null);
    }

    public static Object adjoint(Object value, Span span) {
        if (value instanceof Double) return value;
        if (value instanceof Complex c) return c.conjugate();
        Object adjoint = value instanceof Operand o ? o.adjoint(span) : null;
        if (adjoint != null) return adjoint;
        throw new BeableError(span, Values.aTypeName(value) + " has no adjoint");
    }

    public static Builtin fixed(String name, String signature, String help, int args, Builtin.Body body) {
        return new Builtin(name, signature, help, args, args, body);
    }
}
