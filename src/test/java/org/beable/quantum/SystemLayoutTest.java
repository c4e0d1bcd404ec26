package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SystemLayoutTest {

    private static final double TOL = 1e-14;
    private static final SystemLayout ALICE_BOB = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});

    private static CMatrix singlet() {
        CMatrix k01 = Kets.basis(new int[] {2, 2}, new int[] {0, 1});
        CMatrix k10 = Kets.basis(new int[] {2, 2}, new int[] {1, 0});
        return k01.minus(k10).scale(Math.sqrt(0.5));
    }

    @Test
    void describesItsSystems() {
        SystemLayout s = new SystemLayout(List.of("a", "b", "c"), new int[] {2, 3, 4});
        assertEquals(3, s.size());
        assertEquals(24, s.dimension());
        assertEquals(3, s.dim(1));
        assertEquals("c", s.name(2));
        assertEquals(1, s.indexOf("b"));
        assertEquals(-1, s.indexOf("d"));
        assertEquals(List.of("a", "b", "c"), s.names());
        assertArrayEquals(new int[] {2, 3, 4}, s.dims());
        assertEquals(new SystemLayout(List.of("a", "c"), new int[] {2, 4}), s.keep(new int[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> new SystemLayout(List.of("a", "a"), new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> new SystemLayout(List.of("a"), new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> new SystemLayout(List.of("a"), new int[] {0}));
    }

    @Test
    void embedAgreesWithExplicitKron() {
        var rng = new SplittableRandom(17);
        int[] dims = {2, 3, 2};
        SystemLayout s = new SystemLayout(List.of("a", "b", "c"), dims);
        CMatrix[] ids = {CMatrix.identity(2), CMatrix.identity(3), CMatrix.identity(2)};
        for (int system = 0; system < 3; system++) {
            CMatrix op = Matrices.random(rng, dims[system], dims[system]);
            CMatrix expected = null;
            for (int k = 0; k < 3; k++) {
                CMatrix factor = k == system ? op : ids[k];
                expected = expected == null ? factor : expected.kron(factor);
            }
            assertTrue(s.embed(op, system).approxEquals(expected, 0.0), "system " + system);
        }
        assertThrows(DimensionMismatch.class, () -> s.embed(CMatrix.identity(2), 1));
    }

    @Test
    void reducedStatesOfTheSinglet() {
        CMatrix rho = Born.densityOf(singlet());
        CMatrix half = CMatrix.identity(2).scale(0.5);
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {0}).approxEquals(half, TOL));
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {1}).approxEquals(half, TOL));
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {0, 1}).approxEquals(rho, 0.0));
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {}).approxEquals(CMatrix.identity(1), TOL));
    }

    @Test
    void reducedStatesOfTheWeightedSinglet() {
        // q|01> − √(1−q²)|10>: alice is |0> with probability q², bob is |1> with probability q².
        double q = 0.6;
        double w = Math.sqrt(1 - q * q);
        CMatrix psi = Kets.basis(new int[] {2, 2}, new int[] {0, 1}).scale(q)
                .minus(Kets.basis(new int[] {2, 2}, new int[] {1, 0}).scale(w));
        CMatrix rho = Born.densityOf(psi);
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {0})
                .approxEquals(CMatrix.diagonal(new double[] {q * q, 1 - q * q}), TOL));
        assertTrue(ALICE_BOB.partialTrace(rho, new int[] {1})
                .approxEquals(CMatrix.diagonal(new double[] {1 - q * q, q * q}), TOL));
    }

    @Test
    void productOfThreeSystems() {
        var rng = new SplittableRandom(23);
        CMatrix a = Matrices.randomDensity(rng, 2);
        CMatrix b = Matrices.randomDensity(rng, 3);
        CMatrix c = Matrices.randomDensity(rng, 2);
        CMatrix rho = a.kron(b).kron(c);
        SystemLayout s = new SystemLayout(List.of("a", "b", "c"), new int[] {2, 3, 2});
        assertTrue(s.partialTrace(rho, new int[] {0}).approxEquals(a, TOL));
        assertTrue(s.partialTrace(rho, new int[] {1}).approxEquals(b, TOL));
        assertTrue(s.partialTrace(rho, new int[] {2}).approxEquals(c, TOL));
        assertTrue(s.partialTrace(rho, new int[] {0, 2}).approxEquals(a.kron(c), TOL));
        // keep order does not matter: the result is always in system order
        assertTrue(s.partialTrace(rho, new int[] {2, 0}).approxEquals(a.kron(c), TOL));
        assertTrue(s.partialTrace(rho, new int[] {2, 1}).approxEquals(b.kron(c), TOL));
        assertThrows(IllegalArgumentException.class, () -> s.partialTrace(rho, new int[] {1, 1}));
        assertThrows(IndexOutOfBoundsException.class, () -> s.partialTrace(rho, new int[] {3}));
        assertThrows(DimensionMismatch.class, () -> s.partialTrace(a, new int[] {0}));
    }

    @Test
    void partialTraceOfAnEntangledThreeSystemStateIsConsistent() {
        // Tracing out in two steps equals tracing out at once, and the trace is preserved.
        var rng = new SplittableRandom(29);
        SystemLayout s = new SystemLayout(List.of("a", "b", "c"), new int[] {3, 2, 2});
        CMatrix rho = Matrices.randomDensity(rng, 12);
        CMatrix ab = s.partialTrace(rho, new int[] {0, 1});
        CMatrix a = s.keep(new int[] {0, 1}).partialTrace(ab, new int[] {0});
        assertTrue(s.partialTrace(rho, new int[] {0}).approxEquals(a, TOL));
        assertEquals(1.0, a.trace().getReal(), TOL);
        // Tr_b,c[(X ⊗ 1 ⊗ 1) ρ] = X Tr_b,c ρ
        CMatrix x = Matrices.random(rng, 3, 3);
        assertTrue(s.partialTrace(s.embed(x, 0).times(rho), new int[] {0}).approxEquals(x.times(a), TOL));
    }
}
