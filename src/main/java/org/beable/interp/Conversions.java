package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.beable.analysis.Chsh;
import org.beable.analysis.Correlation;
import org.beable.analysis.Estimate;
import org.beable.analysis.Probability;

/**
 * Where analysis results meet arithmetic: a CHSH value, a correlation, a probability or an
 * estimate stands for its number in comparisons and sums, so `chsh(r) > 2` reads as written.
 */
final class Conversions {
    private Conversions() {}

    static Object scalar(Object v) {
        if (v instanceof Estimate e) return e.value();
        if (v instanceof Chsh c) return c.value();
        if (v instanceof Correlation c) return c.value();
        if (v instanceof Probability p) return p.value();
        return v;
    }

    /** A Java value read from a record field, as a script value. */
    static Object toScript(Object v) {
        if (v instanceof Integer i) return (double) i;
        if (v instanceof Long l) return (double) l;
        if (v instanceof Float f) return (double) f;
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double x : a) out.add(x);
            return List.copyOf(out);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) out.add(toScript(x));
            return List.copyOf(out);
        }
        return v;
    }
}
