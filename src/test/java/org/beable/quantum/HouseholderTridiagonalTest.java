package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.beable.concurrent.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked reduction (panels of steps, one rank-2·panel update each) against the unblocked
 * one: the same tridiagonal T up to rounding, and {@code Q T Q† = A} with Q unitary, for sizes
 * below, at and just above a panel, panels that do not divide the size, and input whose
 * columns are already reduced (identity reflectors inside a panel).
 */
class HouseholderTridiagonalTest {

    private static final double TOL = 1e-13;

    @ParameterizedTest
    @CsvSource({
        "1, 4, 0", "2, 4, 0", "3, 4, 0", "4, 4, 0", "5, 4, 0", "9, 4, 0", "10, 3, 0",
        "15, 16, 0", "16, 16, 0", "17, 16, 0", "33, 16, 0", "31, 16, 8", "49, 16, 16",
        "161, 32, 128", "200, 32, 128", "300, 32, 128",
    })
    void blockedAndUnblockedGiveTheSameTridiagonal(int n, int panel, int crossover) {
        CMatrix a = Matrices.randomHermitian(new SplittableRandom(n * 7 + panel), n);
        assertSameTridiagonal(a, panel, crossover);
        assertReproduces(a, panel, crossover);
    }

    @Test
    void alreadyReducedColumnsInsideAPanel() {
        // σy + σx + σz σz on five qubits: the Krylov space closes after three steps, so later
        // columns are reduced exactly or up to rounding, and which of the two depends on the
        // rounding: T itself then differs between the paths, its eigenvalues do not
        SystemLayout five = new SystemLayout(List.of("a", "b", "c", "d", "e"), new int[] {2, 2, 2, 2, 2});
        CMatrix h = five.embed(Spin.pauliY(), 0).plus(five.embed(Spin.pauliX(), 2))
                .plus(five.embed(Spin.pauliZ(), 3).times(five.embed(Spin.pauliZ(), 4)));
        double[] blocked = eigenvalues(reduce(h, 4, 0));
        double[] unblocked = eigenvalues(reduce(h, 0, 0));
        for (int k = 0; k < blocked.length; k++) {
            assertEquals(unblocked[k], blocked[k], 1e-12);
        }
        assertReproduces(h, 4, 0);
        assertReproduces(CMatrix.zeros(12, 12), 4, 0);
        assertReproduces(CMatrix.identity(12), 4, 0);
    }

    @Test
    void theDefaultPathIsBlockedAboveTheCrossover() {
        int n = HouseholderTridiagonal.CROSSOVER + HouseholderTridiagonal.PANEL + 5;
        CMatrix a = Matrices.randomHermitian(new SplittableRandom(11), n);
        assertSameTridiagonal(a, HouseholderTridiagonal.PANEL, HouseholderTridiagonal.CROSSOVER);
        assertReproduces(a, HouseholderTridiagonal.PANEL, HouseholderTridiagonal.CROSSOVER);
    }

    private static HouseholderTridiagonal reduce(CMatrix a, int panel, int crossover) {
        return new HouseholderTridiagonal(a.rows, a.reals(), a.imags(), panel, crossover, Cancellation.none());
    }

    private static double[] eigenvalues(HouseholderTridiagonal t) {
        double[] values = new TridiagonalQL(t.diagonal, t.offDiagonal, Cancellation.none()).values;
        java.util.Arrays.sort(values);
        return values;
    }

    private static void assertSameTridiagonal(CMatrix a, int panel, int crossover) {
        HouseholderTridiagonal blocked = reduce(a, panel, crossover);
        HouseholderTridiagonal unblocked = reduce(a, 0, 0);
        double scale = Math.max(a.norm(), Double.MIN_NORMAL);
        for (int k = 0; k < a.rows; k++) {
            assertEquals(unblocked.diagonal[k], blocked.diagonal[k], TOL * scale, "d[" + k + "]");
            assertEquals(unblocked.offDiagonal[k], blocked.offDiagonal[k], TOL * scale, "e[" + k + "]");
        }
    }

    /** Q from the back-transformation of the identity: Q unitary and Q T Q† = A. */
    private static void assertReproduces(CMatrix a, int panel, int crossover) {
        int n = a.rows;
        HouseholderTridiagonal reduction = reduce(a, panel, crossover);
        double[][] identity = new double[n][n];
        for (int k = 0; k < n; k++) {
            identity[k][k] = 1.0;
        }
        double[][] q = reduction.backTransform(identity, Cancellation.none());
        CMatrix qm = CMatrix.wrap(n, n, q[0], q[1]);
        double[][] t = new double[n][n];
        for (int k = 0; k < n; k++) {
            t[k][k] = reduction.diagonal[k];
            if (k + 1 < n) {
                t[k][k + 1] = reduction.offDiagonal[k];
                t[k + 1][k] = reduction.offDiagonal[k];
            }
        }
        double scale = Math.max(a.norm(), 1.0);
        double unitarity = qm.adjoint().times(qm).maxAbsDifference(CMatrix.identity(n));
        assertTrue(unitarity <= TOL * Math.max(n, 10), () -> "Q†Q − I up to " + unitarity);
        double residual = qm.times(CMatrix.of(t, null)).times(qm.adjoint()).maxAbsDifference(a) / scale;
        assertTrue(residual <= TOL * Math.max(n, 10), () -> "Q T Q† − A up to " + residual + " of ‖A‖");
    }
}
