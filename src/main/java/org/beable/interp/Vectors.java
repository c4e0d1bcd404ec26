package org.beable.interp;

import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Lists of real numbers as vectors: what direction, dot, cross and norm compute on (model rules compile the same to doubles). */
public final class Vectors {
    private Vectors() {}

    static double[] of(Object value, Span span, String what) {
        if (!(value instanceof List<?> list)) throw new BeableError(span, what + " must be a vector [x, y, z], got " + Values.aTypeName(value));
        double[] out = new double[list.size()];
        for (int k = 0; k < out.length; k++) out[k] = Values.real(list.get(k), span, "component " + k + " of " + what);
        return out;
    }

    static double dot(Object u, Object v, Span span) {
        double[] x = of(u, span, "the first vector");
        double[] y = of(v, span, "the second vector");
        if (x.length != y.length) throw new BeableError(span, "dot of vectors of " + x.length + " and " + y.length + " components");
        double sum = 0;
        for (int k = 0; k < x.length; k++) sum += x[k] * y[k];
        return sum;
    }

    static List<Object> cross(Object u, Object v, Span span) {
        double[] x = of(u, span, "the first vector");
        double[] y = of(v, span, "the second vector");
        if (x.length != 3 || y.length != 3) throw new BeableError(span, "cross needs vectors of 3 components");
        return List.of(x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]);
    }

    public static double norm(List<?> v, Span span) {
        double[] x = of(v, span, "the vector");
        double sum = 0;
        for (double c : x) sum += c * c;
        return Math.sqrt(sum);
    }
}
