package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MatrixFunctionsTest {

    private static final double TOL = 1e-12;

    @Test
    void nilpotentJordanBlock() {
        CMatrix n = CMatrix.of(new double[][] {{0, 1}, {0, 0}}, null);
        CMatrix expected = CMatrix.of(new double[][] {{1, 1}, {0, 1}}, null);
        assertTrue(MatrixFunctions.exp(n).approxEquals(expected, 1e-15));
    }

    @Test
    void largeNilpotentMatrixMatchesItsFiniteTaylorSeries() {
        // N strictly upper triangular (N⁴ = 0, 1-norm ~ 30): e^N = I + N + N²/2 + N³/6 exactly.
        var rng = new SplittableRandom(2);
        CMatrix r = Matrices.random(rng, 4, 4).scale(10.0);
        double[] re = r.reals();
        double[] im = r.imags();
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col <= row; col++) {
                re[row * 4 + col] = 0.0;
                im[row * 4 + col] = 0.0;
            }
        }
        CMatrix n = CMatrix.wrap(4, 4, re, im);
        CMatrix n2 = n.times(n);
        CMatrix expected = CMatrix.identity(4).plus(n).plus(n2.scale(0.5)).plus(n2.times(n).scale(1.0 / 6));
        CMatrix actual = MatrixFunctions.exp(n);
        assertTrue(actual.approxEquals(expected, 1e-14 * expected.norm()),
                () -> "error " + actual.maxAbsDifference(expected) + " of " + expected.norm());
    }

    @Test
    void jordanBlockWithLargeNormNeedsSquaring() {
        // exp([[a, b], [0, a]]) = e^a [[1, b], [0, 1]]; norm ~ 20 forces scaling and squaring
        double a = 1.5;
        double b = 20.0;
        CMatrix m = CMatrix.of(new double[][] {{a, b}, {0, a}}, null);
        CMatrix expected = CMatrix.of(new double[][] {{1, b}, {0, 1}}, null).scale(Math.exp(a));
        CMatrix actual = MatrixFunctions.exp(m);
        assertTrue(actual.approxEquals(expected, 1e-13 * expected.norm()), actual::toString);
    }

    @Test
    void upperTriangularWithDistinctComplexDiagonal() {
        // exp([[x, c], [0, y]]) = [[e^x, c (e^x − e^y)/(x − y)], [0, e^y]]
        double xr = 0.7, xi = 2.0, yr = -1.2, yi = 0.5, c = 3.0;
        CMatrix m = CMatrix.of(new double[][] {{xr, c}, {0, yr}}, new double[][] {{xi, 0}, {0, yi}});
        var x = new org.apache.commons.math3.complex.Complex(xr, xi);
        var y = new org.apache.commons.math3.complex.Complex(yr, yi);
        var offDiagonal = x.exp().subtract(y.exp()).divide(x.subtract(y)).multiply(c);
        CMatrix expected = CMatrix.of(
                new double[][] {{x.exp().getReal(), offDiagonal.getReal()}, {0, y.exp().getReal()}},
                new double[][] {{x.exp().getImaginary(), offDiagonal.getImaginary()}, {0, y.exp().getImaginary()}});
        assertTrue(MatrixFunctions.exp(m).approxEquals(expected, TOL), () -> MatrixFunctions.exp(m).toString());
    }

    @Test
    void padeAgreesWithEigenRouteOnHermitianInput() {
        var rng = new SplittableRandom(21);
        for (int n = 1; n <= 6; n++) {
            CMatrix h = Matrices.randomHermitian(rng, n).scale(3.0);
            CMatrix viaEigen = Hermitian.apply(h, Math::exp);
            CMatrix viaPade = PadeExponential.exp(h);
            assertTrue(viaPade.approxEquals(viaEigen, 1e-12 * viaEigen.norm()),
                    "n = " + n + ": " + viaPade.maxAbsDifference(viaEigen));
            assertTrue(MatrixFunctions.exp(h).approxEquals(viaEigen, 0.0)); // Hermitian input takes the eigen route
        }
    }

    @Test
    void antiHermitianInputGivesUnitary() {
        // A = −i t σx is anti-Hermitian; exp(A) = cos t I − i sin t σx
        double t = 1.3;
        CMatrix a = Spin.pauliX().scale(0, -t);
        CMatrix expected = CMatrix.identity(2).scale(Math.cos(t)).plus(Spin.pauliX().scale(0, -Math.sin(t)));
        CMatrix u = MatrixFunctions.exp(a);
        assertTrue(u.approxEquals(expected, TOL));
        assertTrue(u.isUnitary(TOL));

        var rng = new SplittableRandom(4);
        CMatrix h = Matrices.randomHermitian(rng, 5);
        CMatrix viaExp = MatrixFunctions.exp(h.scale(0, -2.0));
        assertTrue(viaExp.approxEquals(Hermitian.evolution(h, 2.0), TOL));
        assertTrue(viaExp.isUnitary(TOL));
        assertTrue(PadeExponential.exp(h.scale(0, -2.0)).approxEquals(viaExp, 1e-12));
    }

    @Test
    void generalMatrixSatisfiesExpIdentities() {
        var rng = new SplittableRandom(8);
        CMatrix a = Matrices.random(rng, 4, 4).scale(2.0);
        CMatrix e = MatrixFunctions.exp(a);
        // e^A e^{−A} = I, and e^A commutes with A
        assertTrue(e.times(MatrixFunctions.exp(a.scale(-1))).approxEquals(CMatrix.identity(4), 1e-11));
        assertTrue(e.times(a).approxEquals(a.times(e), 1e-11 * e.norm()));
        // det e^A = e^{tr A}: check via the trace on the 1x1 case instead of a determinant
        CMatrix z = CMatrix.of(new double[][] {{0.3}}, new double[][] {{-0.8}});
        var expected = new org.apache.commons.math3.complex.Complex(0.3, -0.8).exp();
        assertTrue(MatrixFunctions.exp(z).approxEquals(CMatrix.of(new double[][] {{expected.getReal()}},
                new double[][] {{expected.getImaginary()}}), 1e-15));
    }

    @Test
    void sqrtAndLogOfPositiveMatrices() {
        var rng = new SplittableRandom(13);
        CMatrix rho = Matrices.randomDensity(rng, 4);
        CMatrix root = MatrixFunctions.sqrt(rho);
        assertTrue(root.isHermitian(TOL));
        assertTrue(root.times(root).approxEquals(rho, TOL));
        CMatrix log = MatrixFunctions.log(rho);
        assertTrue(MatrixFunctions.exp(log).approxEquals(rho, 1e-11));

        // a rank-one projector is positive semi-definite: sqrt(P) = P
        CMatrix p = Kets.plus().projector();
        assertTrue(MatrixFunctions.sqrt(p).approxEquals(p, TOL));
        assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.log(p));
        assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.sqrt(Spin.pauliZ()));
    }
}
