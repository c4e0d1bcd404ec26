package org.beable.quantum;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic identities on random small matrices (seed and shapes drawn by jqwik). */
class CMatrixPropertiesTest {

    private static final double TOL = 1e-12;

    @Property(tries = 200)
    boolean kronIsAssociative(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int r1,
                              @ForAll @IntRange(min = 1, max = 3) int c1,
                              @ForAll @IntRange(min = 1, max = 3) int r2,
                              @ForAll @IntRange(min = 1, max = 3) int c2) {
        var rng = new SplittableRandom(seed);
        CMatrix a = Matrices.random(rng, r1, c1);
        CMatrix b = Matrices.random(rng, r2, c2);
        CMatrix c = Matrices.random(rng, c1, r2);
        return a.kron(b).kron(c).approxEquals(a.kron(b.kron(c)), TOL);
    }

    @Property(tries = 200)
    boolean kronMixedProduct(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int n,
                             @ForAll @IntRange(min = 1, max = 3) int m,
                             @ForAll @IntRange(min = 1, max = 3) int k) {
        // (A ⊗ B)(C ⊗ D) = AC ⊗ BD
        var rng = new SplittableRandom(seed);
        CMatrix a = Matrices.random(rng, n, m);
        CMatrix c = Matrices.random(rng, m, k);
        CMatrix b = Matrices.random(rng, k, n);
        CMatrix d = Matrices.random(rng, n, m);
        return a.kron(b).times(c.kron(d)).approxEquals(a.times(c).kron(b.times(d)), TOL);
    }

    @Property(tries = 200)
    boolean adjointIsAnInvolutionAndReversesProducts(@ForAll long seed,
                                                     @ForAll @IntRange(min = 1, max = 4) int n,
                                                     @ForAll @IntRange(min = 1, max = 4) int m) {
        var rng = new SplittableRandom(seed);
        CMatrix a = Matrices.random(rng, n, m);
        CMatrix b = Matrices.random(rng, m, n);
        return a.adjoint().adjoint().equals(a)
                && a.times(b).adjoint().approxEquals(b.adjoint().times(a.adjoint()), TOL)
                && a.kron(b).adjoint().approxEquals(a.adjoint().kron(b.adjoint()), TOL);
    }

    @Property(tries = 100)
    boolean traceIsCyclicAndNormIsUnitarilyInvariant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n) {
        var rng = new SplittableRandom(seed);
        CMatrix a = Matrices.random(rng, n, n);
        CMatrix b = Matrices.random(rng, n, n);
        CMatrix u = Matrices.randomUnitary(rng, n);
        return a.times(b).trace().subtract(b.times(a).trace()).abs() <= TOL
                && Math.abs(a.conjugateBy(u).norm() - a.norm()) <= TOL;
    }
}
