package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Installs every builtin, and the few value operations the compiler shares with them (indexing, adjoint, iteration). */
final class Builtins {
    private Builtins() {}

    static void install(Interpreter interpreter) {
        MathBuiltins.install(interpreter);
        CollectionBuiltins.install(interpreter);
        QuantumBuiltins.install(interpreter);
        AnalysisBuiltins.install(interpreter);
        SuperdeterministicBuiltins.install(interpreter);
        EnsembleBuiltins.install(interpreter);
        RetrocausalBuiltins.install(interpreter);
        LocalityBuiltins.install(interpreter);
    }

    /** The items of a list or a range, for loops, `sum`, settings and outcome labels. */
    static List<Object> items(Object value, Span span) {
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

    static Object index(Object target, Object index, Span span) {
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
        if (target instanceof QValue q && (q.isKet() || q.isBra())) {
            long k = Values.integer(index, span, "a ket index");
            if (k < 0 || k >= q.dimension()) throw new BeableError(span, "index " + k + " is outside a " + q.kind() + " of dimension " + q.dimension());
            int row = q.isKet() ? (int) k : 0;
            int col = q.isKet() ? 0 : (int) k;
            return Values.number(q.matrix().get(row, col));
        }
        if (target instanceof QValue q && index instanceof List<?> pair && pair.size() == 2) {
            long r = Values.integer(pair.get(0), span, "a row index");
            long c = Values.integer(pair.get(1), span, "a column index");
            if (r < 0 || c < 0 || r >= q.matrix().rows || c >= q.matrix().cols) throw new BeableError(span, "index outside the matrix");
            return Values.number(q.matrix().get((int) r, (int) c));
        }
        throw new BeableError(span, Values.aTypeName(target) + " cannot be indexed with a " + Values.typeName(index),
                target instanceof QValue ? "index an operator with [row, column]" : null);
    }

    static Object adjoint(Object value, Span span) {
        if (value instanceof QValue q) return q.with(q.matrix().adjoint());
        if (value instanceof Double) return value;
        if (value instanceof Complex c) return c.conjugate();
        throw new BeableError(span, Values.aTypeName(value) + " has no adjoint");
    }

    static Builtin fixed(String name, String signature, String help, int args, Builtin.Body body) {
        return new Builtin(name, signature, help, args, args, body);
    }
}
