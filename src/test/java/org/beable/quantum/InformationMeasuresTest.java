package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Closed forms (Bell and Werner states, pure states) and identities on random states. */
class InformationMeasuresTest {

    private static final double TOL = 1e-10;
    private static final double LN2 = Math.log(2);
    private static final int[] TWO_QUBITS = {2, 2};
    private static final SystemLayout AB = new SystemLayout(List.of("a", "b"), TWO_QUBITS);

    private static CMatrix ket(double... amplitudes) {
        return CMatrix.column(amplitudes, new double[amplitudes.length]);
    }

    /** |Ψ−⟩ = (|01⟩ − |10⟩)/√2. */
    private static CMatrix singlet() {
        double h = Math.sqrt(0.5);
        return ket(0, h, -h, 0);
    }

    /** p|Ψ−⟩⟨Ψ−| + (1 − p) I/4. */
    private static CMatrix werner(double p) {
        return singlet().projector().scale(p).plus(CMatrix.identity(4).scale((1 - p) / 4));
    }

    // ------------------------------------------------------------------ Bell state

    @Test
    void bellStateClosedForms() {
        CMatrix rho = singlet().projector();
        CMatrix reduced = AB.partialTrace(rho, new int[] {0});
        assertEquals(LN2, InformationMeasures.entropy(reduced, Math.E), TOL);
        assertEquals(1, InformationMeasures.entropy(reduced, 2), TOL);
        assertEquals(0, InformationMeasures.entropy(rho, Math.E), TOL);
        assertEquals(0, InformationMeasures.entropy(singlet(), Math.E), 0);
        assertEquals(0.5, InformationMeasures.negativity(singlet(), TWO_QUBITS, 0), TOL);
        assertEquals(0.5, InformationMeasures.negativity(rho, TWO_QUBITS, 1), TOL);
        assertEquals(1, InformationMeasures.logNegativity(rho, TWO_QUBITS, 1), TOL);
        assertEquals(1, InformationMeasures.concurrence(singlet()), TOL);
        assertEquals(2 * LN2, InformationMeasures.mutualInformation(rho, AB, 0, 1, Math.E), TOL);
        assertEquals(2, InformationMeasures.mutualInformation(singlet(), AB, 1, 0, 2), TOL);
        assertEquals(0.5, InformationMeasures.purity(reduced), TOL);
        assertEquals(1, InformationMeasures.purity(singlet()), TOL);
    }

    @Test
    void partialTransposeOfTheSingletIsTheSwapOverTwoUpToSign() {
        CMatrix pt = InformationMeasures.partialTranspose(singlet(), TWO_QUBITS, 1);
        CMatrix expected = CMatrix.of(new double[][] {{0, 0, 0, -0.5}, {0, 0.5, 0, 0}, {0, 0, 0.5, 0}, {-0.5, 0, 0, 0}},
                new double[4][4]);
        assertTrue(pt.approxEquals(expected, 1e-15), pt::toString);
        // transposing both systems is the full transpose
        CMatrix rho = Matrices.randomDensity(new SplittableRandom(3), 4);
        CMatrix both = InformationMeasures.partialTranspose(InformationMeasures.partialTranspose(rho, TWO_QUBITS, 0), TWO_QUBITS, 1);
        assertTrue(both.approxEquals(rho.transpose(), 1e-15));
    }

    @Test
    void partialTransposeOfAQubitQutritState() {
        // ρ^{T_B} on a qubit ⊗ qutrit product is ρ_A ⊗ ρ_B^T
        SplittableRandom rng = new SplittableRandom(11);
        CMatrix a = Matrices.randomDensity(rng, 2);
        CMatrix b = Matrices.randomDensity(rng, 3);
        CMatrix pt = InformationMeasures.partialTranspose(a.kron(b), new int[] {2, 3}, 1);
        assertTrue(pt.approxEquals(a.kron(b.transpose()), 1e-15));
        CMatrix ptA = InformationMeasures.partialTranspose(a.kron(b), new int[] {2, 3}, 0);
        assertTrue(ptA.approxEquals(a.transpose().kron(b), 1e-15));
        assertEquals(0, InformationMeasures.negativity(a.kron(b), new int[] {2, 3}, 0), 1e-12);
    }

    // ------------------------------------------------------------------ Werner states

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, 1.0 / 3, 0.4, 0.5, 0.75, 0.9, 1})
    void wernerStates(double p) {
        CMatrix rho = werner(p);
        assertEquals(Math.max(0, (3 * p - 1) / 2), InformationMeasures.concurrence(rho), TOL);
        assertEquals(Math.max(0, (3 * p - 1) / 4), InformationMeasures.negativity(rho, TWO_QUBITS, 0), TOL);
        assertEquals(Math.log(Math.max(1, (3 * p + 1) / 2)) / LN2, InformationMeasures.logNegativity(rho, TWO_QUBITS, 1), TOL);
    }

    // ------------------------------------------------------------------ fidelity and trace distance

    @Test
    void pureAndMixedFidelity() {
        double h = Math.sqrt(0.5);
        CMatrix zero = ket(1, 0);
        CMatrix plus = ket(h, h);
        assertEquals(h, InformationMeasures.fidelity(zero, plus), TOL); // |⟨0|+⟩|, not squared
        assertEquals(1, InformationMeasures.fidelity(plus, plus.projector()), TOL);
        assertEquals(0, InformationMeasures.fidelity(zero, ket(0, 1)), TOL);
        // F(ψ, ρ) = √⟨ψ|ρ|ψ⟩ for a pure ψ
        CMatrix rho = Matrices.randomDensity(new SplittableRandom(5), 2);
        double expected = Math.sqrt(rho.traceOfProduct(plus.projector()).getReal());
        assertEquals(expected, InformationMeasures.fidelity(plus, rho), TOL);
        assertEquals(h, InformationMeasures.fidelity(zero, CMatrix.identity(2).scale(0.5)), TOL);
        // commuting states: F = Σ √(p q)
        CMatrix p = CMatrix.diagonal(new double[] {0.2, 0.8});
        CMatrix q = CMatrix.diagonal(new double[] {0.5, 0.5});
        assertEquals(Math.sqrt(0.1) + Math.sqrt(0.4), InformationMeasures.fidelity(p, q), TOL);
    }

    @Test
    void traceDistanceClosedForms() {
        assertEquals(1, InformationMeasures.traceDistance(ket(1, 0), ket(0, 1)), TOL);
        assertEquals(1, InformationMeasures.traceDistance(singlet(), ket(1, 0, 0, 0)), TOL);
        double h = Math.sqrt(0.5);
        // pure states: D = √(1 − |⟨ψ|φ⟩|²)
        assertEquals(h, InformationMeasures.traceDistance(ket(1, 0), ket(h, h)), TOL);
        assertEquals(0.3, InformationMeasures.traceDistance(CMatrix.diagonal(new double[] {0.2, 0.8}),
                CMatrix.diagonal(new double[] {0.5, 0.5})), TOL);
    }

    // ------------------------------------------------------------------ identities on random states

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6})
    void identitiesOnRandomStates(int d) {
        SplittableRandom rng = new SplittableRandom(100 + d);
        for (int trial = 0; trial < 20; trial++) {
            CMatrix rho = Matrices.randomDensity(rng, d);
            CMatrix sigma = trial % 3 == 0 ? Matrices.random(rng, d, 1) : Matrices.randomDensity(rng, d);
            if (sigma.isColumn()) sigma = sigma.scale(1 / sigma.norm());
            double f = InformationMeasures.fidelity(rho, sigma);
            assertEquals(f, InformationMeasures.fidelity(sigma, rho), 1e-9, "fidelity is symmetric");
            assertTrue(f >= 0 && f <= 1 + 1e-12, "0 ≤ F ≤ 1, got " + f);
            double dist = InformationMeasures.traceDistance(rho, sigma);
            assertEquals(dist, InformationMeasures.traceDistance(sigma, rho), 1e-12);
            assertTrue(1 - f <= dist + 1e-9, "Fuchs–van de Graaf lower bound: 1 − F ≤ D");
            assertTrue(dist <= Math.sqrt(Math.max(0, 1 - f * f)) + 1e-9, "Fuchs–van de Graaf upper bound: D ≤ √(1 − F²)");
            assertEquals(1, InformationMeasures.fidelity(rho, rho), 1e-9);
            assertEquals(0, InformationMeasures.traceDistance(rho, rho), 1e-12);
            double s = InformationMeasures.entropy(rho, Math.E);
            assertTrue(s >= 0 && s <= Math.log(d) + 1e-12, "0 ≤ S ≤ ln d, got " + s);
            double purity = InformationMeasures.purity(rho);
            assertTrue(purity >= 1.0 / d - 1e-12 && purity <= 1 + 1e-12);
        }
        assertEquals(Math.log(d), InformationMeasures.entropy(CMatrix.identity(d).scale(1.0 / d), Math.E), 1e-12);
    }

    @Test
    void twoQubitIdentitiesOnRandomStates() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 30; trial++) {
            CMatrix rho = Matrices.randomDensity(rng, 4);
            double c = InformationMeasures.concurrence(rho);
            double n = InformationMeasures.negativity(rho, TWO_QUBITS, 0);
            assertTrue(c >= 0 && c <= 1 + 1e-12);
            assertEquals(n, InformationMeasures.negativity(rho, TWO_QUBITS, 1), 1e-12, "T_A and T_B have the same spectrum");
            // for two qubits: 2N ≤ C, and N = 0 exactly when C = 0 (both detect all entanglement)
            assertTrue(2 * n <= c + 1e-9, "2N ≤ C");
            assertEquals(c == 0, n < 1e-12);
            double i = InformationMeasures.mutualInformation(rho, AB, 0, 1, Math.E);
            assertTrue(i >= -1e-12 && i <= 2 * LN2 + 1e-12, "0 ≤ I ≤ 2 ln 2, got " + i);
            // a pure two-qubit state: C = √(2(1 − Tr ρ_A²)), and I = 2 S(ρ_A)
            CMatrix psi = Matrices.random(rng, 4, 1);
            psi = psi.scale(1 / psi.norm());
            CMatrix reduced = AB.partialTrace(psi.projector(), new int[] {0});
            assertEquals(Math.sqrt(2 * (1 - InformationMeasures.purity(reduced))), InformationMeasures.concurrence(psi), 1e-9);
            assertEquals(2 * InformationMeasures.entropy(reduced, Math.E), InformationMeasures.mutualInformation(psi, AB, 0, 1, Math.E), 1e-9);
        }
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void refusesWhatIsNotMeaningful() {
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.concurrence(ket(1, 0)));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.fidelity(ket(1, 0), singlet()));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.traceDistance(ket(1, 0), singlet()));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.partialTranspose(ket(1, 0), TWO_QUBITS, 0));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.partialTranspose(singlet(), TWO_QUBITS, 2));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.mutualInformation(singlet(), AB, 0, 0, Math.E));
        assertThrows(IllegalArgumentException.class, () -> InformationMeasures.entropy(singlet(), 1));
        CMatrix notHermitian = CMatrix.of(new double[][] {{0.5, 1}, {0, 0.5}}, new double[2][2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InformationMeasures.entropy(notHermitian, Math.E));
        assertTrue(e.getMessage().contains("not Hermitian"), e.getMessage());
    }
}
