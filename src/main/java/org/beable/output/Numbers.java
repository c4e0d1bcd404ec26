package org.beable.output;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How Beable writes numbers: integers without a decimal point, everything else with at most
 * 10 significant digits and no trailing zeros. Ten digits keep sampled noise readable while
 * exact results still show agreement to 1e-10; the format is locale-independent so output is
 * identical on every machine.
 */
public final class Numbers {
    private static final MathContext DIGITS = new MathContext(10);

    private Numbers() {}

    public static String format(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return "0";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        BigDecimal rounded = new BigDecimal(x).round(DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -5 || exponent >= 15) {
            String plain = rounded.unscaledValue().abs().toString();
            String mantissa = plain.length() == 1 ? plain : plain.charAt(0) + "." + plain.substring(1);
            return (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
        }
        return rounded.toPlainString();
    }

    /** A complex number as "a + bi", "bi" or "a". */
    public static String format(double re, double im) {
        if (im == 0 || Math.abs(im) < 1e-15 * Math.max(1, Math.abs(re))) return format(re);
        if (re == 0 || Math.abs(re) < 1e-15 * Math.abs(im)) return format(im) + "i";
        return format(re) + (im < 0 ? " - " : " + ") + format(Math.abs(im)) + "i";
    }
}
