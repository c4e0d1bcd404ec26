package org.beable.quantum;

import java.util.SplittableRandom;

/** Seeded random matrices for tests. */
final class Matrices {

    private Matrices() {}

    static CMatrix random(SplittableRandom rng, int rows, int cols) {
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int k = 0; k < re.length; k++) {
            re[k] = rng.nextDouble(-1, 1);
            im[k] = rng.nextDouble(-1, 1);
        }
        return CMatrix.wrap(rows, cols, re, im);
    }

    static CMatrix randomHermitian(SplittableRandom rng, int n) {
        CMatrix a = random(rng, n, n);
        return a.plus(a.adjoint()).scale(0.5);
    }

    /** A Haar-ish random unitary: the eigenvectors of a random Hermitian matrix. */
    static CMatrix randomUnitary(SplittableRandom rng, int n) {
        return Hermitian.decompose(randomHermitian(rng, n)).vectors();
    }

    static CMatrix randomDensity(SplittableRandom rng, int n) {
        CMatrix a = random(rng, n, n);
        CMatrix rho = a.times(a.adjoint());
        return rho.scale(1.0 / rho.trace().getReal());
    }
}
