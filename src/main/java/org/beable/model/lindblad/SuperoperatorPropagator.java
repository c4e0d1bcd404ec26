package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;
import org.beable.quantum.MatrixFunctions;

/**
 * exp(𝓛t) applied to vec ρ, with 𝓛 the d² × d² {@link Liouvillian}: the exact solution, to
 * rounding. The exponential is scaling and squaring with the [13/13] Padé approximant
 * ({@link MatrixFunctions#exp}), whose truncation error is below unit roundoff; building it costs
 * O(d⁶) once, applying it O(d⁴) per state, so it pays for small d and for states evolved many
 * times (every branch of every setting combination reuses it).
 */
final class SuperoperatorPropagator implements Propagator {
    private final int d;
    // exp(𝓛t), d² × d², row-major.
    private final double[] re;
    private final double[] im;

    SuperoperatorPropagator(LindbladGenerator generator, double time) {
        d = generator.dimension();
        CMatrix propagator = MatrixFunctions.exp(Liouvillian.of(generator).scale(time));
        re = propagator.reals();
        im = propagator.imags();
    }

    @Override
    public CMatrix apply(CMatrix rho) {
        int n = d * d;
        double[] xr = rho.reals();
        double[] xi = rho.imags();
        double[] yr = new double[n];
        double[] yi = new double[n];
        for (int row = 0; row < n; row++) {
            int at = row * n;
            double sr = 0;
            double si = 0;
            for (int k = 0; k < n; k++) {
                double pr = re[at + k];
                double pi = im[at + k];
                sr += pr * xr[k] - pi * xi[k];
                si += pr * xi[k] + pi * xr[k];
            }
            yr[row] = sr;
            yi[row] = si;
        }
        return CMatrix.wrap(d, d, yr, yi);
    }
}
