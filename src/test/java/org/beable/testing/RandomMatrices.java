package org.beable.testing;

import java.util.Random;
import org.beable.quantum.CMatrix;

/** Random kets, Hermitian and general complex matrices for tests in any package, from a seeded {@link Random}. */
public final class RandomMatrices {

    private RandomMatrices() {}

    /** A normalised ket with independent complex Gaussian amplitudes (uniform on the unit sphere). */
    public static CMatrix ket(int n, Random rng) {
        double[] re = new double[n];
        double[] im = new double[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            re[k] = rng.nextGaussian();
            im[k] = rng.nextGaussian();
            norm += re[k] * re[k] + im[k] * im[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < n; k++) {
            re[k] /= norm;
            im[k] /= norm;
        }
        return CMatrix.column(re, im);
    }

    /** A Hermitian matrix from the Gaussian unitary ensemble, entries of standard deviation {@code scale}. */
    public static CMatrix hermitian(int n, Random rng, double scale) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            re[i * n + i] = scale * rng.nextGaussian();
            for (int j = i + 1; j < n; j++) {
                double a = scale * rng.nextGaussian() / Math.sqrt(2);
                double b = scale * rng.nextGaussian() / Math.sqrt(2);
                re[i * n + j] = a;
                re[j * n + i] = a;
                im[i * n + j] = b;
                im[j * n + i] = -b;
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    /** An n × n matrix of independent complex Gaussian entries, each part of standard deviation {@code scale}. */
    public static CMatrix general(int n, Random rng, double scale) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int k = 0; k < re.length; k++) {
            re[k] = scale * rng.nextGaussian();
            im[k] = scale * rng.nextGaussian();
        }
        return CMatrix.wrap(n, n, re, im);
    }
}
