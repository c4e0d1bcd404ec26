package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.junit.jupiter.api.Test;

/** Lanczos evolution against exp(−iHt) from the eigen-decomposition: within 1e-10 in the state. */
class KrylovEvolutionTest {

    private static final double ACCURACY = 1e-10;

    private static CMatrix randomKet(SplittableRandom rng, int n) {
        CMatrix psi = Matrices.random(rng, n, 1);
        return psi.scale(1.0 / psi.norm());
    }

    private static CMatrix[] krylov(CMatrix h, CMatrix psi, double... times) {
        return new KrylovEvolution(h.asLinearOperator(), KrylovEvolution.TOLERANCE, Cancellation.none()).evolve(psi, times);
    }

    @Test
    void agreesWithTheDenseExponentialOnRandomMatrices() {
        var rng = new SplittableRandom(12);
        for (int n : new int[] {1, 2, 7, 40, 100}) {
            CMatrix h = Matrices.randomHermitian(rng, n).scale(3.0); // ‖H‖ of order 3√n: many steps
            CMatrix psi = randomKet(rng, n);
            for (double t : new double[] {0.0, 0.01, 1.0, -2.5, 10.0}) {
                CMatrix exact = Hermitian.evolution(h, t).times(psi);
                CMatrix approx = krylov(h, psi, t)[0];
                double error = approx.minus(exact).norm();
                assertTrue(error <= ACCURACY, "n = " + n + ", t = " + t + ": error " + error);
            }
        }
    }

    @Test
    void veryLongEvolutionsFinishWithRoundingSizedErrors() {
        // ‖H‖t ≈ 10⁵: thousands of steps, whose shares of 1e-12 would be below rounding
        var rng = new SplittableRandom(14);
        CMatrix h = Matrices.randomHermitian(rng, 64).scale(10.0);
        CMatrix psi = randomKet(rng, 64);
        double t = 1000.0;
        CMatrix exact = Hermitian.evolution(h, t).times(psi);
        CMatrix approx = krylov(h, psi, t)[0];
        assertEquals(1.0, approx.norm(), 1e-9);
        assertTrue(approx.minus(exact).norm() <= 1e-8, () -> "error " + approx.minus(exact).norm());
    }

    @Test
    void aListOfTimesGivesEachState() {
        var rng = new SplittableRandom(13);
        CMatrix h = Matrices.randomHermitian(rng, 64);
        CMatrix psi = randomKet(rng, 64);
        double[] times = {0.0, 0.5, 0.75, 3.0, 2.0, -1.0};
        CMatrix[] states = krylov(h, psi, times);
        assertEquals(times.length, states.length);
        for (int k = 0; k < times.length; k++) {
            CMatrix exact = Hermitian.evolution(h, times[k]).times(psi);
            assertTrue(states[k].minus(exact).norm() <= ACCURACY, "t = " + times[k]);
        }
    }

    @Test
    void transverseFieldIsingChainOfEightQubits() {
        // H = Σ X_k + 0.7 Σ Z_k Z_k+1 from |0…0⟩, the chain of the issue (small enough to do densely)
        int qubits = 8;
        List<String> names = new ArrayList<>();
        int[] dims = new int[qubits];
        for (int k = 0; k < qubits; k++) {
            names.add("q" + k);
            dims[k] = 2;
        }
        SystemLayout layout = new SystemLayout(names, dims);
        CMatrix h = CMatrix.zeros(256, 256);
        for (int k = 0; k < qubits; k++) {
            h = h.plus(layout.embed(Spin.pauliX(), k));
            if (k > 0) {
                h = h.plus(layout.embed(Spin.pauliZ(), k - 1).times(layout.embed(Spin.pauliZ(), k)).scale(0.7));
            }
        }
        double[] up = new double[256];
        up[0] = 1.0;
        CMatrix psi = CMatrix.column(up, null);
        CMatrix exact = Hermitian.evolution(h, 1.0).times(psi);
        CMatrix approx = krylov(h, psi, 1.0)[0];
        assertTrue(approx.minus(exact).norm() <= ACCURACY, () -> "error " + approx.minus(exact).norm());
    }

    @Test
    void anEigenvectorBreaksDownAtOnceAndOnlyGainsAPhase() {
        double[] d = new double[50];
        for (int k = 0; k < d.length; k++) {
            d[k] = k;
        }
        CMatrix h = CMatrix.diagonal(d);
        double[] e3 = new double[50];
        e3[3] = 1.0;
        CMatrix out = krylov(h, CMatrix.column(e3, null), 2.0)[0];
        assertEquals(Math.cos(-6.0), out.re(3, 0), 1e-14);
        assertEquals(Math.sin(-6.0), out.im(3, 0), 1e-14);
    }

    @Test
    void theNormIsKept() {
        var rng = new SplittableRandom(14);
        CMatrix h = Matrices.randomHermitian(rng, 80);
        CMatrix psi = Matrices.random(rng, 80, 1).scale(2.0); // not normalised: the norm is kept
        CMatrix out = krylov(h, psi, 7.0)[0];
        assertEquals(psi.norm(), out.norm(), 1e-11);
    }

    @Test
    void cancellationStopsIt() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        var rng = new SplittableRandom(15);
        CMatrix h = Matrices.randomHermitian(rng, 40);
        var evolution = new KrylovEvolution(h.asLinearOperator(), KrylovEvolution.TOLERANCE, cancelled);
        assertThrows(CancelledException.class, () -> evolution.evolve(randomKet(rng, 40), new double[] {1.0}));
    }
}
