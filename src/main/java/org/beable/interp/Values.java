package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.format.Numbers;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * Type names, truthiness, equality and the printed form of script values. The core's own values
 * are numbers (Double, Complex), booleans, strings, lists, ranges, functions and none; every
 * other value is described by the {@link ValueType} its binding declared.
 */
public final class Values {
    private Values() {}

    public static String typeName(Object v) {
        if (v instanceof Double) return "number";
        if (v instanceof Complex) return "complex number";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof String) return "string";
        if (v instanceof List<?>) return "list";
        if (v instanceof RangeValue) return "range";
        if (v instanceof Callable) return "function";
        if (v == NoneValue.NONE) return "none";
        ValueType<?> type = ValueTypes.of(v);
        if (type != null) return type.name(v);
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
    public static Object number(Complex c) {
        return c.getImaginary() == 0.0 ? (Object) c.getReal() : c;
    }

    public static Complex complex(Object v, Span span, String what) {
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

    public static boolean truthy(Object v, Span span) {
        if (v instanceof Boolean b) return b;
        throw new BeableError(span, "a condition must be true or false, got " + typeName(v));
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        if ((a instanceof Double || a instanceof Complex) && (b instanceof Double || b instanceof Complex)) {
            return complex(a, null, "").equals(complex(b, null, ""));
        }
        if (a instanceof Operand p) return p.equalTo(b);
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
        ValueType<?> type = ValueTypes.of(v);
        if (type != null) return type.show(v);
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

    /** The number a value stands for in arithmetic (S for a CHSH result), or the value itself. */
    /** Whether a value holds only finite numbers: a number, a list of them, or a declared type that says so. */
    public static boolean isFinite(Object v) {
        if (v instanceof Double d) return Double.isFinite(d);
        if (v instanceof Complex c) return Double.isFinite(c.getReal()) && Double.isFinite(c.getImaginary());
        if (v instanceof List<?> items) {
            for (Object item : items) if (!isFinite(item)) return false;
            return true;
        }
        if (v == null || v instanceof String || v instanceof Boolean) return true;
        ValueType<?> type = ValueTypes.of(v);
        return type == null || type.finite(v);
    }

    public static Object scalarOf(Object v) {
        // Core values stand for themselves: arithmetic on numbers, text and lists never looks up a type.
        if (v instanceof Double || v instanceof Complex || v instanceof String || v instanceof List<?>) return v;
        ValueType<?> type = ValueTypes.of(v);
        return type == null ? v : type.scalar(v);
    }

    /** `x.name`: a field its value type declares. */
    public static Object field(Object target, String name, Span span) {
        ValueType<?> type = ValueTypes.of(target);
        if (type == null) throw new BeableError(span, aTypeName(target) + " has no field '" + name + "'");
        return type.read(target, name, span);
    }

    /** A Java value read from a field, as a script value: whole numbers and arrays become numbers and lists. */
    public static Object fromJava(Object v) {
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
            for (Object x : list) out.add(fromJava(x));
            return List.copyOf(out);
        }
        return v;
    }
}
