package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;
import org.beable.quantum.LinearOperator;
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
    private final LinearOperator propagator;     // exp(𝓛t), d² × d²

    SuperoperatorPropagator(LindbladGenerator generator, double time) {
        d = generator.dimension();
        propagator = MatrixFunctions.exp(Liouvillian.of(generator).scale(time)).asLinearOperator();
    }

    @Override
    public CMatrix apply(CMatrix rho) {
        double[] yr = new double[d * d];
        double[] yi = new double[d * d];
        propagator.apply(rho.reals(), rho.imags(), yr, yi);     // vec ρ is ρ's row-major entries
        return CMatrix.wrap(d, d, yr, yi);
    }
}
