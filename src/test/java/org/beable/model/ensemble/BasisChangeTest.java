package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.junit.jupiter.api.Test;

/** The basis change, run as an evolution, turns the measured kets into beable kets. */
class BasisChangeTest {

    private static void assertMapsOntoBeableKets(CMatrix m, BasisChange.Result change) {
        int n = m.rows;
        CMatrix w = CMatrix.identity(n);
        for (Segment s : change.stages()) w = Hermitian.evolution(s.hamiltonian(), s.duration()).times(w);
        CMatrix d = w.times(m);
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < n; k++) {
                double modulus = Math.hypot(d.re(a, k), d.im(a, k));
                assertEquals(change.kets()[a] == k ? 1 : 0, modulus, 1e-9, "entry " + a + "," + k + " for n = " + n);
            }
        }
    }

    @Test
    void theEvolutionMapsEveryMeasuredKetOntoABeableKet() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 2; n <= 5; n++) {
            for (int trial = 0; trial < 4; trial++) {
                CMatrix m = Fixtures.randomUnitary(rng, n);
                assertMapsOntoBeableKets(m, BasisChange.of(m, null, "test"));
                assertMapsOntoBeableKets(m, BasisChange.of(m, Fixtures.randomKet(rng, n), "test"));
            }
        }
    }

    @Test
    void givensAloneDiagonalises() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int n = 2; n <= 6; n++) {
            CMatrix m = Fixtures.randomUnitary(rng, n);
            CMatrix d = BasisChange.givens(m).times(m);
            for (int a = 0; a < n; a++) {
                for (int k = 0; k < n; k++) if (a != k) assertEquals(0, Math.hypot(d.re(a, k), d.im(a, k)), 1e-12);
            }
        }
    }

    @Test
    void thePathKeepsTheMeasuredStateAwayFromNodes() {
        // |+> measured in the basis spin(π/2 + 0.1): the plain rotation passes close to |0> or |1>
        // for some states; the chosen path keeps each share between its start and end values.
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            CMatrix m = Fixtures.randomUnitary(rng, 2);
            CMatrix psi = Fixtures.randomKet(rng, 2);
            BasisChange.Result change = BasisChange.of(m, psi, "test");
            BasisChange.Logarithm log = BasisChange.Logarithm.of(Hermitian.evolution(change.stages().get(0).hamiltonian(), 1));
            assertTrue(log.dip(psi) < 0.02, "dip " + log.dip(psi));
        }
    }

    @Test
    void aPermutationOfTheBeableBasisNeedsNoEvolution() {
        CMatrix swap = CMatrix.of(new double[][] {{0, 1, 0}, {0, 0, -1}, {1, 0, 0}}, null);
        BasisChange.Result change = BasisChange.of(swap, null, "test");
        assertEquals(0, change.stages().size());
        assertArrayEquals(new int[] {1, 2, 0}, change.kets());   // value 0 is measured ket 1, …
    }
}
