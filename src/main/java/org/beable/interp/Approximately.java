package org.beable.interp;

import java.util.List;
import org.beable.quantum.CMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** The distance `assert a ≈ b within tol` compares: |a − b| for numbers, the largest entry difference for kets, operators and lists. */
final class Approximately {
    private Approximately() {}

    static double distance(Object a, Object b, Span span) {
        a = Conversions.scalar(a);
        b = Conversions.scalar(b);
        if ((a instanceof Double || a instanceof org.apache.commons.math3.complex.Complex)
                && (b instanceof Double || b instanceof org.apache.commons.math3.complex.Complex)) {
            return Values.complex(a, span, "").subtract(Values.complex(b, span, "")).abs();
        }
        if (a instanceof QValue p && b instanceof QValue q) {
            CMatrix x = p.matrix();
            CMatrix y = q.matrix();
            if (x.rows != y.rows || x.cols != y.cols) {
                throw new BeableError(span, "cannot compare " + Values.article(p.kind()) + " of dimension " + p.dimension() + " with "
                        + Values.article(q.kind()) + " of dimension " + q.dimension());
            }
            double worst = 0;
            for (int r = 0; r < x.rows; r++) {
                for (int c = 0; c < x.cols; c++) {
                    worst = Math.max(worst, Math.hypot(x.re(r, c) - y.re(r, c), x.im(r, c) - y.im(r, c)));
                }
            }
            return worst;
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
