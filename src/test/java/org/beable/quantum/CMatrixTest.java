package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class CMatrixTest {

    private static final double TOL = 1e-15;

    @Test
    void factoriesAndAccess() {
        CMatrix m = CMatrix.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0, -1}, {1, 0}});
        assertEquals(2, m.rows);
        assertEquals(2, m.cols);
        assertEquals(3.0, m.re(1, 0));
        assertEquals(-1.0, m.im(0, 1));
        assertEquals(new Complex(2, -1), m.get(0, 1));
        assertTrue(CMatrix.identity(3).approxEquals(CMatrix.diagonal(new double[] {1, 1, 1}), 0.0));
        assertEquals(0.0, CMatrix.zeros(2, 3).norm());
        CMatrix ket = CMatrix.column(new double[] {1, 0}, null);
        assertTrue(ket.isColumn());
        assertFalse(ket.isRow());
        assertTrue(ket.adjoint().isRow());
    }

    @Test
    void defensiveCopies() {
        double[] re = {1, 2};
        CMatrix ket = CMatrix.column(re, null);
        re[0] = 99;
        assertEquals(1.0, ket.re(0, 0));
        ket.reals()[1] = 99;
        ket.imags()[1] = 99;
        assertEquals(2.0, ket.re(1, 0));
        assertEquals(0.0, ket.im(1, 0));
    }

    @Test
    void ofRejectsRaggedInput() {
        assertThrows(IllegalArgumentException.class, () -> CMatrix.of(new double[][] {{1, 2}, {3}}, null));
        assertThrows(IllegalArgumentException.class,
                () -> CMatrix.of(new double[][] {{1, 2}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> CMatrix.wrap(2, 2, new double[3], null));
    }

    @Test
    void productOfComplexMatrices() {
        // (1+i)(1−i) = 2 and the Pauli relation XY = iZ
        CMatrix a = CMatrix.of(new double[][] {{1}}, new double[][] {{1}});
        CMatrix b = CMatrix.of(new double[][] {{1}}, new double[][] {{-1}});
        assertEquals(new Complex(2, 0), a.times(b).get(0, 0));
        assertTrue(Spin.pauliX().times(Spin.pauliY()).approxEquals(Spin.pauliZ().scale(0, 1), TOL));
        assertTrue(Spin.pauliX().times(Spin.pauliY()).approxEquals(Spin.pauliZ().scale(Complex.I), TOL));
    }

    @Test
    void dimensionMismatchCarriesBothShapes() {
        DimensionMismatch e = assertThrows(DimensionMismatch.class,
                () -> CMatrix.zeros(2, 3).times(CMatrix.zeros(2, 3)));
        assertEquals(2, e.leftRows());
        assertEquals(3, e.leftCols());
        assertEquals(2, e.rightRows());
        assertEquals(3, e.rightCols());
        assertThrows(DimensionMismatch.class, () -> CMatrix.zeros(2, 2).plus(CMatrix.zeros(2, 1)));
        assertThrows(DimensionMismatch.class, () -> CMatrix.zeros(2, 2).minus(CMatrix.zeros(1, 2)));
    }

    @Test
    void kronOrdersFirstFactorMostSignificant() {
        CMatrix zero = Kets.basis(new int[] {2}, new int[] {0});
        CMatrix one = Kets.basis(new int[] {2}, new int[] {1});
        assertTrue(zero.kron(one).approxEquals(Kets.basis(new int[] {2, 2}, new int[] {0, 1}), 0.0));
        assertEquals(1.0, zero.kron(one).re(1, 0));
        CMatrix xz = Spin.pauliX().kron(Spin.pauliZ());
        assertEquals(4, xz.rows);
        assertEquals(1.0, xz.re(0, 2));   // X[0][1] * Z[0][0]
        assertEquals(-1.0, xz.re(1, 3));  // X[0][1] * Z[1][1]
        assertEquals(0.0, xz.re(0, 0));
    }

    @Test
    void adjointTraceNormInnerProjector() {
        CMatrix m = CMatrix.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 0}, {0, -2}});
        CMatrix adj = m.adjoint();
        assertEquals(3.0, adj.re(0, 1));
        assertEquals(0.0, adj.im(0, 1), 0.0); // adjoint may give −0.0
        assertEquals(new Complex(1, -1), adj.get(0, 0));
        assertEquals(new Complex(5, -1), m.trace());
        assertEquals(Math.sqrt(1 + 4 + 9 + 16 + 1 + 4), m.norm(), TOL);

        CMatrix u = CMatrix.column(new double[] {1, 0}, new double[] {0, 1}); // (1, i)
        CMatrix v = CMatrix.column(new double[] {0, 1}, new double[] {1, 0}); // (i, 1)
        // <u|v> = conj(1)·i + conj(i)·1 = i − i = 0
        assertEquals(0.0, u.inner(v).abs(), TOL);
        assertEquals(new Complex(2, 0), u.inner(u));
        assertTrue(u.projector().approxEquals(u.times(u.adjoint()), TOL));
        assertEquals(new Complex(0, 1), u.projector().get(1, 0)); // u_1 conj(u_0) = i
        assertThrows(DimensionMismatch.class, () -> u.inner(CMatrix.zeros(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> m.projector());
    }

    @Test
    void traceOfProductMatchesProduct() {
        var rng = new java.util.SplittableRandom(3);
        CMatrix a = Matrices.random(rng, 3, 4);
        CMatrix b = Matrices.random(rng, 4, 3);
        Complex expected = a.times(b).trace();
        Complex actual = a.traceOfProduct(b);
        assertEquals(expected.getReal(), actual.getReal(), 1e-13);
        assertEquals(expected.getImaginary(), actual.getImaginary(), 1e-13);
    }

    @Test
    void hermitianAndUnitaryPredicates() {
        assertTrue(Spin.pauliY().isHermitian(0.0));
        assertFalse(Spin.pauliY().scale(0, 1).isHermitian(1e-3));
        assertFalse(CMatrix.zeros(2, 3).isHermitian(1.0));
        assertTrue(Spin.pauliY().isUnitary(TOL));
        assertFalse(Spin.pauliY().scale(2).isUnitary(1e-3));
        CMatrix nan = CMatrix.diagonal(new double[] {Double.NaN, 0});
        assertFalse(nan.isHermitian(1.0));
        assertFalse(nan.approxEquals(nan, 1.0));
    }

    @Test
    void approxEqualsUsesEntrywiseModulus() {
        CMatrix a = CMatrix.identity(2);
        CMatrix b = a.plus(CMatrix.of(new double[][] {{0, 3e-9}, {0, 0}}, new double[][] {{0, 4e-9}, {0, 0}}));
        assertTrue(a.approxEquals(b, 5e-9));
        assertFalse(a.approxEquals(b, 4.9e-9));
        assertFalse(a.approxEquals(CMatrix.identity(3), 1.0));
    }

    @Test
    void readableToString() {
        assertEquals("[[0.5, 0], [0, 0.5]]", CMatrix.identity(2).scale(0.5).toString());
        assertEquals("[[0, -1i], [1i, 0]]", Spin.pauliY().toString());
        assertEquals("[[0.707107], [-0.707107]]", Kets.minus().toString());
        CMatrix c = CMatrix.of(new double[][] {{1.5, 1e-7}}, new double[][] {{-2, 0}});
        assertEquals("[[1.5-2i, 1e-07]]", c.toString());
        assertEquals("[[1+0.25i]]", CMatrix.of(new double[][] {{1}}, new double[][] {{0.25}}).toString());
        assertEquals("[[0]]", CMatrix.of(new double[][] {{-0.0}}, null).toString());
    }

    @Test
    void valueEquality() {
        assertEquals(Spin.pauliX(), Spin.pauliX());
        assertEquals(Spin.pauliX().hashCode(), Spin.pauliX().hashCode());
        assertFalse(Spin.pauliX().equals(Spin.pauliZ()));
    }
}
