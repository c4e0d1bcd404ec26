package org.beable.quantum;

import java.util.Locale;

/** Human-readable rendering of matrices and complex numbers (for messages and the REPL). */
final class MatrixText {

    private MatrixText() {}

    static String format(CMatrix m) {
        StringBuilder sb = new StringBuilder(m.rows * m.cols * 8);
        sb.append('[');
        for (int r = 0; r < m.rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append('[');
            for (int c = 0; c < m.cols; c++) {
                if (c > 0) {
                    sb.append(", ");
                }
                sb.append(complex(m.re(r, c), m.im(r, c)));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** {@code a}, {@code bi} or {@code a+bi} / {@code a-bi}. */
    static String complex(double re, double im) {
        if (im == 0.0) {
            return real(re);
        }
        if (re == 0.0) {
            return real(im) + "i";
        }
        String imText = real(Math.abs(im));
        return real(re) + (im < 0 ? "-" : "+") + imText + "i";
    }

    /** Six significant digits with trailing zeros trimmed: 0.5, 1, 0.707107, 1.5e-07. */
    static String real(double x) {
        if (x == 0.0) {
            return "0"; // also turns -0.0 into 0
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exponent;
    }
}
