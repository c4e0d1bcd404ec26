package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HermitianTest {

    private static final double TOL = 1e-12;

    /** H = V diag(λ) V†, V unitary, λ ascending, and each column really is an eigenvector. */
    private static void assertValidDecomposition(CMatrix h, Eigen e) {
        int n = h.rows;
        CMatrix v = e.vectors();
        double[] values = e.values();
        assertEquals(n, values.length);
        assertTrue(v.isUnitary(TOL), () -> "V not unitary: " + v.adjoint().times(v).maxAbsDifference(CMatrix.identity(n)));
        CMatrix rebuilt = v.times(CMatrix.diagonal(values)).times(v.adjoint());
        assertTrue(rebuilt.approxEquals(h, TOL), () -> "reconstruction error " + rebuilt.maxAbsDifference(h));
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertTrue(values[k - 1] <= values[k], "eigenvalues not ascending");
            }
            CMatrix x = e.vector(k);
            assertTrue(h.times(x).approxEquals(x.scale(values[k]), TOL), "column " + k + " is not an eigenvector");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomHermitianMatricesReconstruct(int n) {
        var rng = new SplittableRandom(1000 + n);
        for (int trial = 0; trial < 20; trial++) {
            CMatrix h = Matrices.randomHermitian(rng, n);
            assertValidDecomposition(h, Hermitian.decompose(h));
        }
    }

    @Test
    void realSymmetricAndPurelyImaginaryInputs() {
        assertValidDecomposition(Spin.pauliX(), Hermitian.decompose(Spin.pauliX()));
        Eigen y = Hermitian.decompose(Spin.pauliY());
        assertValidDecomposition(Spin.pauliY(), y);
        assertArrayEquals(new double[] {-1, 1}, y.values(), TOL);
    }

    @Test
    void identityIsFullyDegenerate() {
        for (int n = 1; n <= 6; n++) {
            CMatrix h = CMatrix.identity(n).scale(2.5);
            Eigen e = Hermitian.decompose(h);
            assertValidDecomposition(h, e);
            for (double value : e.values()) {
                assertEquals(2.5, value, TOL);
            }
        }
    }

    @Test
    void zeroMatrix() {
        CMatrix h = CMatrix.zeros(3, 3);
        Eigen e = Hermitian.decompose(h);
        assertValidDecomposition(h, e);
        assertArrayEquals(new double[3], e.values(), TOL);
    }

    @Test
    void pauliOnOneFactorOfAFourDimensionalSpace() {
        CMatrix id = CMatrix.identity(2);
        for (CMatrix p : new CMatrix[] {Spin.pauliX(), Spin.pauliY(), Spin.pauliZ()}) {
            for (CMatrix h : new CMatrix[] {p.kron(id), id.kron(p)}) {
                Eigen e = Hermitian.decompose(h);
                assertValidDecomposition(h, e);
                assertArrayEquals(new double[] {-1, -1, 1, 1}, e.values(), TOL);
            }
        }
    }

    @Test
    void degenerateSpectrumInARandomBasis() {
        // U diag(1, 1, 1, −2, −2, 5) U† has eigenspaces of dimension 3, 2 and 1 in a generic basis.
        var rng = new SplittableRandom(7);
        CMatrix u = Matrices.randomUnitary(rng, 6);
        CMatrix h = CMatrix.diagonal(new double[] {1, 1, 1, -2, -2, 5}).conjugateBy(u);
        h = h.plus(h.adjoint()).scale(0.5); // remove rounding-level non-Hermiticity from the test input
        Eigen e = Hermitian.decompose(h);
        assertValidDecomposition(h, e);
        assertArrayEquals(new double[] {-2, -2, 1, 1, 1, 5}, e.values(), TOL);
    }

    @Test
    void nearlyDegenerateEigenvaluesStayAccurate() {
        var rng = new SplittableRandom(11);
        CMatrix u = Matrices.randomUnitary(rng, 4);
        CMatrix h = CMatrix.diagonal(new double[] {0.3, 0.3 + 1e-11, 0.3 + 2e-7, -1}).conjugateBy(u);
        h = h.plus(h.adjoint()).scale(0.5);
        Eigen e = Hermitian.decompose(h);
        assertTrue(e.vectors().isUnitary(TOL));
        CMatrix rebuilt = e.vectors().times(CMatrix.diagonal(e.values())).times(e.vectors().adjoint());
        assertTrue(rebuilt.approxEquals(h, 1e-10));
    }

    @Test
    void highlyDegeneratePauliSumOnSixQubits() {
        // σy on qubit 0 plus σx on qubit 1 of six: eigenvalues −2, 0, 2 with multiplicities
        // 16, 32, 16. Commons Math's QL gives up on its real embedding, so this exercises
        // the Jacobi fallback.
        List<String> names = List.of("q0", "q1", "q2", "q3", "q4", "q5");
        SystemLayout six = new SystemLayout(names, new int[] {2, 2, 2, 2, 2, 2});
        CMatrix h = six.embed(Spin.pauliY(), 0).plus(six.embed(Spin.pauliX(), 1));
        assertThrows(MaxCountExceededException.class, () -> new EigenDecomposition(Realification.toReal(h)),
                "Commons Math fixed? then the fallback is no longer exercised here");
        Eigen e = Hermitian.decompose(h);
        assertValidDecomposition(h, e);
        assertEquals(-2.0, e.value(0), TOL);
        assertEquals(0.0, e.value(16), TOL);
        assertEquals(0.0, e.value(47), TOL);
        assertEquals(2.0, e.value(48), TOL);
    }

    @Test
    void jacobiFallbackAgreesOnRandomMatrices() {
        var rng = new SplittableRandom(31);
        for (int n = 1; n <= 10; n++) {
            double[][] s = Realification.toRealArray(Matrices.randomHermitian(rng, n));
            JacobiEigen j = JacobiEigen.of(s);
            for (int k = 0; k < s.length; k++) {
                // S v = λ v and |v| = 1 for each returned pair
                double[] v = j.vectors[k];
                double norm = 0.0;
                for (int r = 0; r < s.length; r++) {
                    double sv = 0.0;
                    for (int c = 0; c < s.length; c++) {
                        sv += s[r][c] * v[c];
                    }
                    assertEquals(j.values[k] * v[r], sv, TOL);
                    norm += v[r] * v[r];
                }
                assertEquals(1.0, norm, TOL);
            }
        }
    }

    @Test
    void rejectsNonHermitianInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Hermitian.decompose(CMatrix.of(new double[][] {{0, 1}, {0, 0}}, null)));
        assertThrows(IllegalArgumentException.class, () -> Hermitian.decompose(CMatrix.zeros(2, 3)));
    }

    @Test
    void evolutionUnderHalfSigmaXMatchesClosedForm() {
        // exp(−i t σx / 2) = cos(t/2) I − i sin(t/2) σx
        CMatrix h = Spin.pauliX().scale(0.5);
        for (double t : new double[] {0.0, 0.3, 1.0, Math.PI, 2.7, 10.0, -4.2}) {
            CMatrix u = Hermitian.evolution(h, t);
            CMatrix expected = CMatrix.identity(2).scale(Math.cos(t / 2))
                    .plus(Spin.pauliX().scale(0, -Math.sin(t / 2)));
            assertTrue(u.approxEquals(expected, TOL), "t = " + t + ": " + u);
            assertTrue(u.isUnitary(TOL));
        }
    }

    @Test
    void evolutionIsUnitaryAndAGroup() {
        var rng = new SplittableRandom(5);
        CMatrix h = Matrices.randomHermitian(rng, 6);
        CMatrix u1 = Hermitian.evolution(h, 0.4);
        CMatrix u2 = Hermitian.evolution(h, 1.1);
        assertTrue(u1.isUnitary(TOL));
        assertTrue(u1.times(u2).approxEquals(Hermitian.evolution(h, 1.5), TOL));
        assertTrue(Hermitian.evolution(h, -0.4).approxEquals(u1.adjoint(), TOL));
    }

    @Test
    void applyComputesSpectralFunctions() {
        var rng = new SplittableRandom(9);
        CMatrix h = Matrices.randomHermitian(rng, 5);
        assertTrue(Hermitian.apply(h, x -> x * x).approxEquals(h.times(h), TOL));
        assertTrue(Hermitian.apply(h, x -> 1.0).approxEquals(CMatrix.identity(5), TOL));
    }
}
