package org.beable.bindings;

import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;

/** Writes quantum values the way a physicist reads them: kets as sums of |labels>, operators as matrices. */
final class Dirac {
    private static final double ZERO = 1e-12;

    private Dirac() {}

    static String show(QValue q) {
        CMatrix m = q.matrix();
        if (q.isKet() || q.isBra()) return vector(q, q.isBra());
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < m.rows; r++) {
            if (r > 0) out.append(", ");
            out.append('[');
            for (int c = 0; c < m.cols; c++) {
                if (c > 0) out.append(", ");
                out.append(Numbers.format(clean(m.re(r, c)), clean(m.im(r, c))));
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static String vector(QValue q, boolean bra) {
        CMatrix m = q.matrix();
        int n = q.dimension();
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < n; k++) {
            double re = clean(bra ? m.re(0, k) : m.re(k, 0));
            double im = clean(bra ? m.im(0, k) : m.im(k, 0));
            if (re == 0 && im == 0) continue;
            String label = bra ? "<" + label(q.dims(), k) + "|" : "|" + label(q.dims(), k) + ">";
            boolean first = out.length() == 0;
            if (im == 0) {
                if (re < 0) out.append(first ? "-" : " - ");
                else if (!first) out.append(" + ");
                double a = Math.abs(re);
                if (Math.abs(a - 1) > ZERO) out.append(Numbers.format(a));
            } else {
                if (!first) out.append(" + ");
                out.append('(').append(Numbers.format(re, im)).append(')');
            }
            out.append(label);
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    /** The computational-basis label of index k: digits, or comma-separated levels when a factor exceeds 10. */
    static String label(int[] dims, int k) {
        boolean digits = true;
        for (int d : dims) digits &= d <= 10;
        String[] levels = new String[dims.length];
        for (int f = dims.length - 1; f >= 0; f--) {
            levels[f] = Integer.toString(k % dims[f]);
            k /= dims[f];
        }
        return String.join(digits ? "" : ",", levels);
    }

    private static double clean(double x) {
        return Math.abs(x) < ZERO ? 0 : x;
    }
}
