package org.beable.interp;

import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** The distance `assert a ≈ b within tol` compares: |a − b| for numbers, the largest entry difference for lists (and whatever an operand defines). */
final class Approximately {
    private Approximately() {}

    static double distance(Object a, Object b, Span span) {
        a = Values.scalarOf(a);
        b = Values.scalarOf(b);
        if ((a instanceof Double || a instanceof org.apache.commons.math3.complex.Complex)
                && (b instanceof Double || b instanceof org.apache.commons.math3.complex.Complex)) {
            return Values.complex(a, span, "").subtract(Values.complex(b, span, "")).abs();
        }
        if (a instanceof Operand p) {
            double distance = p.distance(b, span);
            if (!Double.isNaN(distance)) return distance;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) throw new BeableError(span, "cannot compare lists of " + x.size() + " and " + y.size() + " items");
            double worst = 0;
            for (int k = 0; k < x.size(); k++) worst = Math.max(worst, distance(x.get(k), y.get(k), span));
            return worst;
        }
        throw new BeableError(span, "cannot compare a " + Values.typeName(a) + " with a " + Values.typeName(b) + " approximately");
    }
}
