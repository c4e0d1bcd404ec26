package org.beable.quantum;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Scaling and squaring with the degree-13 Padé approximant (Higham 2005, Algorithm 2.3). */
final class PadeExponential {

    /** Largest 1-norm for which [13/13] Padé meets unit roundoff without scaling. */
    static final double THETA_13 = 5.371920351148152;

    private static final double[] B = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0,
        1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    };

    private PadeExponential() {}

    static CMatrix exp(CMatrix a) {
        int n = a.rows;
        double norm = oneNorm(a);
        int s = norm > THETA_13 ? (int) Math.ceil(Math.log(norm / THETA_13) / Math.log(2.0)) : 0;
        CMatrix x = s == 0 ? a : a.scale(Math.scalb(1.0, -s));

        CMatrix id = CMatrix.identity(n);
        CMatrix x2 = x.times(x);
        CMatrix x4 = x2.times(x2);
        CMatrix x6 = x4.times(x2);
        // Odd part U and even part V of the numerator; the denominator is V − U.
        CMatrix u = x.times(x6.times(x6.scale(B[13]).plus(x4.scale(B[11])).plus(x2.scale(B[9])))
                .plus(x6.scale(B[7])).plus(x4.scale(B[5])).plus(x2.scale(B[3])).plus(id.scale(B[1])));
        CMatrix v = x6.times(x6.scale(B[12]).plus(x4.scale(B[10])).plus(x2.scale(B[8])))
                .plus(x6.scale(B[6])).plus(x4.scale(B[4])).plus(x2.scale(B[2])).plus(id.scale(B[0]));
        CMatrix r = solve(v.minus(u), v.plus(u));
        for (int k = 0; k < s; k++) {
            r = r.times(r);
        }
        return r;
    }

    /** X with Q X = P, through the real embedding and Commons Math's pivoted LU. */
    private static CMatrix solve(CMatrix q, CMatrix p) {
        RealMatrix x = new LUDecomposition(Realification.toReal(q)).getSolver().solve(Realification.toReal(p));
        return Realification.fromReal(x);
    }

    static double oneNorm(CMatrix a) {
        double[] re = a.reals();
        double[] im = a.imags();
        double max = 0.0;
        for (int c = 0; c < a.cols; c++) {
            double sum = 0.0;
            for (int r = 0; r < a.rows; r++) {
                sum += Math.hypot(re[r * a.cols + c], im[r * a.cols + c]);
            }
            max = Math.max(max, sum);
        }
        return max;
    }
}
