package org.beable.interp;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Type names, truthiness, equality and the printed form of script values. */
public final class Values {
    private Values() {}

    public static String typeName(Object v) {
        if (v instanceof Double) return "number";
        if (v instanceof Complex) return "complex number";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof String) return "string";
        if (v instanceof List<?>) return "list";
        if (v instanceof RangeValue) return "range";
        if (v instanceof QValue q) return q.kind();
        if (v instanceof Callable) return "function";
        if (v == NoneValue.NONE) return "none";
        if (v instanceof Domain.Named n) return n.kindName();
        if (v instanceof org.beable.model.Prediction) return "prediction";
        if (v instanceof org.beable.model.SampledRun) return "run";
        if (v instanceof org.beable.format.DataTable) return "table";
        if (v instanceof org.beable.format.Tabular) return "result of an analysis";
        return v == null ? "nothing" : v.getClass().getSimpleName();
    }

    /** "a ket", "an operator": the type name with its article, for messages. */
    public static String aTypeName(Object v) {
        return article(typeName(v));
    }

    public static String article(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** Normalises arithmetic results: a complex number with no imaginary part is a real. */
    static Object number(Complex c) {
        return c.getImaginary() == 0.0 ? (Object) c.getReal() : c;
    }

    static Complex complex(Object v, Span span, String what) {
        if (v instanceof Double d) return new Complex(d);
        if (v instanceof Complex c) return c;
        throw new BeableError(span, what + " must be a number, got " + typeName(v));
    }

    public static double real(Object v, Span span, String what) {
        if (v instanceof Double d) return d;
        if (v instanceof Complex c && Math.abs(c.getImaginary()) <= 1e-12 * Math.max(1, Math.abs(c.getReal()))) return c.getReal();
        throw new BeableError(span, what + " must be a real number, got " + typeName(v)
                + (v instanceof Complex ? " " + show(v) : ""));
    }

    public static long integer(Object v, Span span, String what) {
        double d = real(v, span, what);
        if (d != Math.rint(d) || Math.abs(d) > 9e15) throw new BeableError(span, what + " must be a whole number, got " + show(v));
        return (long) d;
    }

    static boolean truthy(Object v, Span span) {
        if (v instanceof Boolean b) return b;
        throw new BeableError(span, "a condition must be true or false, got " + typeName(v));
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        if ((a instanceof Double || a instanceof Complex) && (b instanceof Double || b instanceof Complex)) {
            return complex(a, null, "").equals(complex(b, null, ""));
        }
        if (a instanceof QValue p && b instanceof QValue q) return p.matrix().approxEquals(q.matrix(), 0);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int k = 0; k < x.size(); k++) if (!equal(x.get(k), y.get(k))) return false;
            return true;
        }
        return a.equals(b);
    }

    /** The printed form: what `print` writes and the REPL echoes. */
    public static String show(Object v) {
        if (v instanceof Double d) return Numbers.format(d);
        if (v instanceof Complex c) return Numbers.format(c.getReal(), c.getImaginary());
        if (v instanceof String s) return s;
        if (v instanceof List<?> list) return showList(list);
        if (v instanceof RangeValue r) return Numbers.format(r.from()) + " .. " + Numbers.format(r.to())
                + (r.step() == 1 ? "" : " step " + Numbers.format(r.step()));
        if (v instanceof QValue q) return Dirac.show(q);
        if (v instanceof org.beable.model.OutcomeStatistics r) return org.beable.output.ResultTables.of(r).render();
        return String.valueOf(v);
    }

    private static String showList(List<?> list) {
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < list.size(); k++) {
            if (k > 0) out.append(", ");
            Object item = list.get(k);
            out.append(item instanceof String s ? '"' + s + '"' : show(item));
        }
        return out.append(']').toString();
    }

    /** The number an analysis result stands for (S for a CHSH result), or the value itself. */
    public static Object scalarOf(Object v) {
        return Conversions.scalar(v);
    }

    static QValue scalarMatrix(Complex c) {
        return QValue.single(CMatrix.wrap(1, 1, new double[] {c.getReal()}, new double[] {c.getImaginary()}));
    }
}
