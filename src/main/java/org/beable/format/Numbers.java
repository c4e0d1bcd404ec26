package org.beable.format;

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

    /**
     * The relative precision of an exact result computed in doubles: each rounding costs about
     * 1e-16 of the numbers' scale, and a computation makes many; below 1e-12 of the scale a
     * printed digit is noise, not physics.
     */
    public static final double EXACT_PRECISION = 1e-12;

    /**
     * An exact result (no sampling error) on a known scale, printed to the precision the
     * computation has: a correlation that is 0 in theory and 2.5e-16 in doubles prints 0. Only
     * the display is rounded; the stored value is unchanged.
     */
    public static String exact(double x, double scale) {
        if (Math.abs(x) < EXACT_PRECISION * Math.abs(scale)) return "0";
        return format(x);
    }

    /**
     * "0.7071 ± 0.0011": the error to two significant digits and the value rounded to the same
     * place; a value without error (0) is written in full.
     */
    public static String withError(double value, double error) {
        if (error == 0 || Double.isNaN(value) || Double.isInfinite(value)) return format(value);
        if (Double.isNaN(error) || Double.isInfinite(error)) return format(value) + " ± " + format(error);
        int place = 1 - (int) Math.floor(Math.log10(error));   // decimals that keep two digits of the error
        double rounded = round(error, place);
        if (rounded >= 100 * Math.pow(10, -place)) {           // 0.0995 rounds up to 0.10: one place fewer
            place--;
            rounded = round(error, place);
        }
        return format(round(value, place)) + " ± " + format(rounded);
    }

    private static double round(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A complex number as "a + bi", "bi" or "a". */
    public static String format(double re, double im) {
        if (im == 0 || Math.abs(im) < 1e-15 * Math.max(1, Math.abs(re))) return format(re);
        if (re == 0 || Math.abs(re) < 1e-15 * Math.abs(im)) return format(im) + "i";
        return format(re) + (im < 0 ? " - " : " + ") + format(Math.abs(im)) + "i";
    }
}
