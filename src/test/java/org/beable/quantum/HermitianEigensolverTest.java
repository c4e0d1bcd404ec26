package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Householder + QL solver used above the real-embedding size: residual ‖HV − VΛ‖ within
 * 1e-12·‖H‖, V unitary to 1e-12, on random, degenerate, ill-scaled and already reduced input.
 */
class HermitianEigensolverTest {

    private static final double TOL = 1e-12;

    /** Largest entry of |HV − VΛ| relative to ‖H‖ (Frobenius), and of |V†V − I|. */
    private static void assertAccurate(CMatrix h, Eigen e) {
        int n = h.rows;
        CMatrix v = e.vectors();
        double[] values = e.values();
        for (int k = 1; k < n; k++) {
            assertTrue(values[k - 1] <= values[k], "eigenvalues not ascending at " + k);
        }
        double scale = Math.max(h.norm(), Double.MIN_NORMAL);
        double residual = h.times(v).maxAbsDifference(v.times(CMatrix.diagonal(values))) / scale;
        assertTrue(residual <= TOL, () -> "n = " + n + ": residual " + residual + " of ‖H‖");
        double unitarity = v.adjoint().times(v).maxAbsDifference(CMatrix.identity(n));
        assertTrue(unitarity <= TOL, () -> "n = " + n + ": V†V − I up to " + unitarity);
    }

    private static Eigen solve(CMatrix h) {
        return HermitianEigensolver.decompose(h.rows, h.reals(), h.imags(), Cancellation.none());
    }

    /** Sizes on both sides of the back-transformation's block (16) and strip (128). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 15, 16, 17, 33, 64, 127, 128, 129, 150})
    void randomHermitianMatrices(int n) {
        var rng = new SplittableRandom(77 + n);
        for (int trial = 0; trial < 3; trial++) {
            CMatrix h = Matrices.randomHermitian(rng, n);
            assertAccurate(h, solve(h));
        }
    }

    @Test
    void publicDecomposeUsesItAboveTheEmbeddingSize() {
        var rng = new SplittableRandom(3);
        CMatrix h = Matrices.randomHermitian(rng, RealEmbeddingEigen.LARGEST + 1);
        Eigen viaFacade = Hermitian.decompose(h);
        Eigen direct = solve(h);
        assertEquals(0.0, viaFacade.vectors().maxAbsDifference(direct.vectors()));
        assertAccurate(h, viaFacade);
    }

    /** 60 unblocked; 200 through panels of the blocked reduction. */
    @ParameterizedTest
    @ValueSource(ints = {60, 200})
    void degenerateSpectrumInARandomBasis(int n) {
        var rng = new SplittableRandom(8);
        int half = n / 2;
        int sixth = n / 6;
        double[] spectrum = new double[n];
        for (int k = 0; k < n; k++) {
            spectrum[k] = k < half ? 1.0 : k < n - sixth ? -2.0 : 5.0; // multiplicities n/2, n/3, n/6
        }
        CMatrix u = Matrices.randomUnitary(rng, n);
        CMatrix h = CMatrix.diagonal(spectrum).conjugateBy(u);
        h = h.plus(h.adjoint()).scale(0.5);
        Eigen e = solve(h);
        assertAccurate(h, e);
        int negatives = n - half - sixth;
        assertEquals(-2.0, e.value(0), 1e-12);
        assertEquals(-2.0, e.value(negatives - 1), 1e-12);
        assertEquals(1.0, e.value(negatives), 1e-12);
        assertEquals(1.0, e.value(n - sixth - 1), 1e-12);
        assertEquals(5.0, e.value(n - 1), 1e-12);
    }

    /** Seven qubits unblocked; eight through panels of the blocked reduction. */
    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void highlyDegeneratePauliSums(int qubits) {
        // σy on qubit 0 + σx on qubit 1 + σz σz on qubits 2, 3: eigenvalues −3 … 3 with large
        // multiplicities, zero among them: the case that made Commons Math's QL give up.
        List<String> names = new java.util.ArrayList<>();
        int[] dims = new int[qubits];
        for (int q = 0; q < qubits; q++) {
            names.add("q" + q);
            dims[q] = 2;
        }
        SystemLayout layout = new SystemLayout(names, dims);
        CMatrix h = layout.embed(Spin.pauliY(), 0).plus(layout.embed(Spin.pauliX(), 1))
                .plus(layout.embed(Spin.pauliZ(), 2).times(layout.embed(Spin.pauliZ(), 3)));
        Eigen e = solve(h);
        assertAccurate(h, e);
        assertEquals(-3.0, e.value(0), 1e-12);
        assertEquals(3.0, e.value(h.rows - 1), 1e-12);
    }

    /** 48 unblocked; 180 through panels of the blocked reduction. */
    @ParameterizedTest
    @ValueSource(ints = {48, 180})
    void illScaledSpectrum(int n) {
        // eigenvalues from 1e-9 to 1e9 in a random basis: the residual is relative to ‖H‖, and
        // the large eigenvalues keep their relative accuracy.
        var rng = new SplittableRandom(21);
        double[] spectrum = new double[n];
        for (int k = 0; k < n; k++) {
            spectrum[k] = (k % 2 == 0 ? 1 : -1) * Math.pow(10, -9 + 18.0 * k / (n - 1));
        }
        CMatrix h = CMatrix.diagonal(spectrum).conjugateBy(Matrices.randomUnitary(rng, n));
        h = h.plus(h.adjoint()).scale(0.5);
        Eigen e = solve(h);
        assertAccurate(h, e);
        assertEquals(spectrum[n - 1], e.value(0), -1e-12 * spectrum[n - 1]); // −1e9
        assertEquals(spectrum[n - 2], e.value(n - 1), 1e-12 * spectrum[n - 2]);
    }

    @Test
    void tinyAndHugeEntriesAreRescaled() {
        var rng = new SplittableRandom(4);
        CMatrix h = Matrices.randomHermitian(rng, 40);
        for (double s : new double[] {1e-200, 1e200}) {
            CMatrix scaled = h.scale(s);
            Eigen e = Hermitian.decompose(scaled);
            assertEquals(solve(h).value(39) * s, e.value(39), 1e-12 * Math.abs(e.value(39)));
            assertTrue(e.vectors().isUnitary(TOL));
        }
    }

    @Test
    void alreadyDiagonalAndTridiagonalInput() {
        int n = 40;
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = n - 2.0 * k;
        }
        CMatrix diagonal = CMatrix.diagonal(d);
        Eigen e = solve(diagonal);
        assertAccurate(diagonal, e);
        assertEquals(-(n - 2.0), e.value(0), 0.0);
        // the free-particle hopping chain −Σ (|k⟩⟨k+1| + h.c.): eigenvalues −2 cos(πj/(n+1))
        double[][] re = new double[n][n];
        for (int k = 0; k + 1 < n; k++) {
            re[k][k + 1] = -1;
            re[k + 1][k] = -1;
        }
        CMatrix hopping = CMatrix.of(re, null);
        Eigen chain = solve(hopping);
        assertAccurate(hopping, chain);
        for (int j = 1; j <= n; j++) {
            assertEquals(-2 * Math.cos(Math.PI * j / (n + 1)), chain.value(j - 1), 1e-13);
        }
    }

    @Test
    void zeroMatrix() {
        CMatrix zero = CMatrix.zeros(50, 50);
        Eigen e = solve(zero);
        assertTrue(e.vectors().isUnitary(TOL));
        for (double value : e.values()) {
            assertEquals(0.0, value, 0.0);
        }
    }

    @Test
    void aCancelledDecompositionStopsAtOnce() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        CMatrix h = Matrices.randomHermitian(new SplittableRandom(1), 100);
        assertThrows(CancelledException.class, () -> Hermitian.decompose(h, cancelled));
    }

    @Test
    void aLongDecompositionIsCancelledWhileRunning() throws Exception {
        // n = 2000 takes tens of seconds; cancelled after it has started it must end with
        // CancelledException rather than run to completion (no timing is asserted).
        CMatrix h = Matrices.randomHermitian(new SplittableRandom(2), 2000);
        Cancellation cancellation = new Cancellation();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Eigen> running = pool.submit(() -> Hermitian.decompose(h, cancellation));
            Thread.sleep(200);
            cancellation.cancel();
            var thrown = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(60, TimeUnit.SECONDS));
            assertTrue(thrown.getCause() instanceof CancelledException, () -> "got " + thrown.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
