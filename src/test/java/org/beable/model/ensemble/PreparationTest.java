package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.beable.quantum.CMatrix;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

class PreparationTest {

    @Test
    void occupationsAddUpAndAreWithinOneMemberOfNTimesBorn() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            CMatrix psi = Fixtures.randomKet(rng, 5);
            long n = 1000 + trial * 997;
            long[] counts = Preparation.occupations(Preparation.weights(psi, 0), n, 0);
            long total = 0;
            for (int a = 0; a < 5; a++) {
                total += counts[a];
                double born = psi.re(a, 0) * psi.re(a, 0) + psi.im(a, 0) * psi.im(a, 0);
                assertTrue(Math.abs(counts[a] - n * born) < 1, "value " + a);
            }
            assertEquals(n, total);
        }
    }

    @Test
    void spectatorsAndAdmixtureComeOutOfTheMembers() {
        long[] counts = Preparation.occupations(Preparation.weights(Fixtures.ket(1, 0), 0), 1000, 10);
        assertEquals(990, counts[0]);
        assertEquals(10, counts[1]);
        long[] mixed = Preparation.occupations(Preparation.weights(Fixtures.ket(1, 0), 0.01), 1000, 0);
        assertEquals(995, mixed[0]);
        assertEquals(5, mixed[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preparation.occupations(new double[] {0.5, 0.5}, 10, 6));
        assertTrue(e.getMessage().contains("need at least 12 members"), e.getMessage());
    }

    @Test
    void phasesAreMinusArgPsiAndAnEmptyValueTakesThePhaseItIsFedWith() {
        CMatrix psi = Fixtures.twoLevelPsi();
        double[] phi = Preparation.phases(psi, null);
        assertEquals(0, phi[0], 1e-15);
        assertEquals(1, phi[1], 1e-15);                           // ψ_1 ∝ e^{−i}
        // |0> under σ_x/2: ψ_1(t) ≈ −i t/2, so −arg ψ_1 → π/2.
        assertEquals(Math.PI / 2, Preparation.phases(Fixtures.ket(1, 0), Fixtures.rabi())[1], 1e-15);
        assertEquals(0, Preparation.phases(Fixtures.ket(1, 0), null)[1], 0);
    }

    @Test
    void aPureStateGivesItsKetAndAMixedOneIsRefused() {
        CMatrix psi = Fixtures.twoLevelPsi();
        CMatrix back = Preparation.pureKet(psi.projector());
        assertTrue(Math.abs(Math.abs(back.inner(psi).abs()) - 1) < 1e-12);
        CMatrix mixed = CMatrix.diagonal(new double[] {0.5, 0.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preparation.pureKet(mixed));
        assertTrue(e.getMessage().contains("pure prepared state") && e.getMessage().contains("Tr ρ² = 0.5"), e.getMessage());
    }

    @Test
    void membersAreShuffledWithTheirSpectatorsFlagged() {
        EnsembleOptions options = Fixtures.options("level", "member", "spectators", 3, "spread", 0.1);
        EnsembleState s = Preparation.members(Fixtures.twoLevelPsi(), null, options, 1000, RandomStreams.stream(4));
        assertEquals(1000, s.members());
        assertEquals(3 + Math.round(0.7 * 994), s.count(0));
        int spectators = 0;
        boolean shuffled = false;
        for (int i = 0; i < 1000; i++) {
            if (s.isSpectator(i)) spectators++;
            if (i > 0 && s.value(i) != s.value(i - 1)) shuffled = true;
        }
        assertEquals(6, spectators);
        assertTrue(shuffled);
        assertTrue(s.hasMomenta() == false);
    }

    @Test
    void nodesWithoutSpectatorsAreReportedOnlyWhenAHamiltonianFeedsThem() {
        List<Segment> rabi = List.of(Segment.of(Fixtures.rabi(), 1, "H"));
        List<String> warnings = Preparation.nodeWarnings(new long[] {100, 0}, rabi, 0);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("value 1 has no members") && warnings.get(0).contains("spectators = 1"), warnings.get(0));
        assertTrue(Preparation.nodeWarnings(new long[] {100, 0}, rabi, 1).isEmpty());
        List<Segment> diagonal = List.of(Segment.of(CMatrix.diagonal(new double[] {1, 2}), 1, "H"));
        assertTrue(Preparation.nodeWarnings(new long[] {100, 0}, diagonal, 0).isEmpty());
        assertFalse(Preparation.nodeWarnings(new long[] {0, 100}, rabi, 0).isEmpty());
    }
}
