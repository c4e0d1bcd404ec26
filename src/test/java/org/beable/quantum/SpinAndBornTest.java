package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpinAndBornTest {

    private static final double TOL = 1e-14;
    private static final SystemLayout AB = new SystemLayout(List.of("alice", "bob"), new int[] {2, 2});

    private static CMatrix singletDensity() {
        CMatrix psi = Kets.basis(new int[] {2, 2}, new int[] {0, 1})
                .minus(Kets.basis(new int[] {2, 2}, new int[] {1, 0})).scale(Math.sqrt(0.5));
        return Born.densityOf(psi);
    }

    private static CMatrix projector(double theta, int outcome) {
        return (outcome > 0 ? Spin.up(theta) : Spin.down(theta)).projector();
    }

    @Test
    void eigenvectorsFollowTheReadmePhases() {
        for (double theta : new double[] {0, 0.4, Math.PI / 2, 2.0, Math.PI, -1.1, 5.5}) {
            CMatrix s = Spin.spin(theta);
            CMatrix up = Spin.up(theta);
            CMatrix down = Spin.down(theta);
            assertTrue(s.times(up).approxEquals(up, TOL));
            assertTrue(s.times(down).approxEquals(down.scale(-1), TOL));
            assertEquals(0.0, up.inner(down).abs(), TOL);
            assertEquals(Math.cos(theta / 2), up.re(0, 0), TOL);
            assertEquals(Math.sin(theta / 2), up.re(1, 0), TOL);
            assertEquals(-Math.sin(theta / 2), down.re(0, 0), TOL);
            assertEquals(Math.cos(theta / 2), down.re(1, 0), TOL);
            assertTrue(s.approxEquals(Spin.pauliX().scale(Math.sin(theta)).plus(Spin.pauliZ().scale(Math.cos(theta))), TOL));
        }
        // spin(0) is σz with |0> up; spin(π/2) is σx with |+> up
        assertTrue(Spin.up(0).approxEquals(Kets.basis(new int[] {2}, new int[] {0}), TOL));
        assertTrue(Spin.up(Math.PI / 2).approxEquals(Kets.plus(), TOL));
        assertTrue(Spin.down(Math.PI / 2).approxEquals(Kets.minus().scale(-1), TOL));
    }

    @Test
    void pauliAlgebra() {
        CMatrix x = Spin.pauliX();
        CMatrix y = Spin.pauliY();
        CMatrix z = Spin.pauliZ();
        for (CMatrix p : new CMatrix[] {x, y, z}) {
            assertTrue(p.times(p).approxEquals(CMatrix.identity(2), 0.0));
            assertTrue(p.isHermitian(0.0));
        }
        assertTrue(y.times(z).approxEquals(x.scale(0, 1), 0.0));
        assertTrue(z.times(x).approxEquals(y.scale(0, 1), 0.0));
    }

    @Test
    void singletCorrelationsFromEmbeddedProjectors() {
        CMatrix rho = singletDensity();
        double[] angles = {0, 0.3, Math.PI / 4, 1.0, Math.PI / 2, 2.5, -Math.PI / 4};
        for (double a : angles) {
            for (double b : angles) {
                double e = 0.0;
                for (int sa : new int[] {1, -1}) {
                    double marginal = 0.0;
                    for (int sb : new int[] {1, -1}) {
                        CMatrix p = AB.embed(projector(a, sa), 0).times(AB.embed(projector(b, sb), 1));
                        double prob = Born.probability(p, rho);
                        double expected = 0.5 * (sa == sb ? Math.pow(Math.sin((a - b) / 2), 2)
                                                          : Math.pow(Math.cos((a - b) / 2), 2));
                        assertEquals(expected, prob, TOL);
                        e += sa * sb * prob;
                        marginal += prob;
                    }
                    assertEquals(0.5, marginal, TOL);
                }
                assertEquals(-Math.cos(a - b), e, TOL);
                // the same number as the expectation of the product observable
                CMatrix ab = AB.embed(Spin.spin(a), 0).times(AB.embed(Spin.spin(b), 1));
                assertEquals(-Math.cos(a - b), Born.expectation(ab, rho), TOL);
            }
        }
    }

    @Test
    void chshReachesTsirelson() {
        CMatrix rho = singletDensity();
        double a1 = 0, a2 = Math.PI / 2, b1 = Math.PI / 4, b2 = -Math.PI / 4;
        double s = Math.abs(corr(rho, a1, b1) + corr(rho, a1, b2) + corr(rho, a2, b1) - corr(rho, a2, b2));
        assertEquals(2 * Math.sqrt(2), s, 1e-13);
    }

    private static double corr(CMatrix rho, double a, double b) {
        return Born.expectation(AB.embed(Spin.spin(a), 0).times(AB.embed(Spin.spin(b), 1)), rho);
    }

    @Test
    void sequentialSternGerlach() {
        // prepare |0>, measure spin(π/2) then spin(0): P(+ then +) = 1/4, final outcome ±1 each 1/2.
        CMatrix rho = Born.densityOf(Kets.basis(new int[] {2}, new int[] {0}));
        double total = 0.0;
        double finalUp = 0.0;
        for (int first : new int[] {1, -1}) {
            CMatrix p1 = projector(Math.PI / 2, first);
            double prob1 = Born.probability(p1, rho);
            assertEquals(0.5, prob1, TOL);
            CMatrix after = Born.luders(p1, rho);
            assertEquals(1.0, after.trace().getReal(), TOL);
            for (int second : new int[] {1, -1}) {
                double prob = prob1 * Born.probability(projector(0, second), after);
                assertEquals(0.25, prob, TOL);
                total += prob;
                finalUp += second > 0 ? prob : 0.0;
            }
        }
        assertEquals(1.0, total, TOL);
        assertEquals(0.5, finalUp, TOL);
    }

    @Test
    void ludersOnAnEntangledStateCollapsesTheOtherSide() {
        CMatrix rho = singletDensity();
        CMatrix after = Born.luders(AB.embed(projector(0, 1), 0), rho);
        // alice found up along z, so bob is down along z
        assertTrue(AB.partialTrace(after, new int[] {1}).approxEquals(projector(0, -1), TOL));
        assertThrows(IllegalArgumentException.class,
                () -> Born.luders(AB.embed(projector(0, 1), 0), Born.densityOf(Kets.basis(new int[] {2, 2}, new int[] {1, 1}))));
    }

    @Test
    void probabilityClampsNoiseButRejectsNonsense() {
        CMatrix rho = Born.densityOf(Kets.plus());
        CMatrix tinyNegative = CMatrix.diagonal(new double[] {-1e-16, 0});
        assertEquals(0.0, Born.probability(tinyNegative, rho));
        assertEquals(1.0, Born.probability(CMatrix.identity(2).scale(1 + 1e-15), rho));
        assertThrows(IllegalArgumentException.class, () -> Born.probability(CMatrix.identity(2).scale(2), rho));
    }

    @Test
    void mixturesOfKetsAndDensityMatrices() {
        CMatrix zero = Kets.basis(new int[] {2}, new int[] {0});
        CMatrix oneDensity = Born.densityOf(Kets.basis(new int[] {2}, new int[] {1}));
        CMatrix mixed = Born.mixture(new double[] {0.25, 0.75}, new CMatrix[] {zero, oneDensity});
        assertTrue(mixed.approxEquals(CMatrix.diagonal(new double[] {0.25, 0.75}), TOL));
        // an equal mixture of |+> and |−> is maximally mixed, like the singlet's reduced state
        CMatrix pm = Born.mixture(new double[] {0.5, 0.5}, new CMatrix[] {Kets.plus(), Kets.minus()});
        assertTrue(pm.approxEquals(CMatrix.identity(2).scale(0.5), TOL));
        assertThrows(IllegalArgumentException.class, () -> Born.mixture(new double[] {1}, new CMatrix[] {zero, zero}));
        assertThrows(IllegalArgumentException.class, () -> Born.mixture(new double[] {-0.5, 1.5}, new CMatrix[] {zero, zero}));
    }
}
