package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/**
 * The three ways the model solves the master equation — superoperator exponential, its action by
 * a Taylor series, unitary — against an independent Runge–Kutta solution of the textbook equation
 * and against each other.
 */
class NumericsTest {

    /** A random generator: H of norm about 1, jumps of rates about 0.5. */
    private static LindbladGenerator random(int d, int jumps, Random rng) {
        List<CMatrix> ls = new ArrayList<>();
        for (int k = 0; k < jumps; k++) ls.add(Fixtures.randomMatrix(d, rng, 0.5 / Math.sqrt(d)));
        return LindbladGenerator.of(Fixtures.randomHermitian(d, rng, 1 / Math.sqrt(d)), ls);
    }

    @Test
    void theSuperoperatorIsTheTextbookEquation() {
        Random rng = new Random(1);
        for (int d : new int[] {2, 3, 4}) {
            LindbladGenerator g = random(d, 2, rng);
            CMatrix rho = Fixtures.randomState(d, rng);
            CMatrix l = Liouvillian.of(g);
            double[] re = rho.reals();
            double[] im = rho.imags();
            CMatrix vec = CMatrix.column(re, im);
            CMatrix flat = l.times(vec);
            CMatrix expected = ReferenceSolution.derivative(g.hamiltonian(), g.jumps(), rho);
            CMatrix got = CMatrix.wrap(d, d, flat.reals(), flat.imags());
            assertTrue(got.approxEquals(expected, 1e-14), "d = " + d + ": " + got.maxAbsDifference(expected));
        }
    }

    @Test
    void theLindbladianActionIsTheTextbookEquationForAnyMatrix() {
        // Not only for Hermitian ρ: Taylor terms (or integrator stages) are Hermitian only to
        // rounding, and a right-hand side that assumed ρ = ρ† let that rounding grow exponentially.
        Random rng = new Random(2);
        for (int d : new int[] {2, 3, 5}) {
            LindbladGenerator g = random(d, 3, rng);
            CMatrix rho = Fixtures.randomMatrix(d, rng, 1);
            LindbladianAction action = new LindbladianAction(g.effective(), g.jumps());
            double[] re = new double[d * d];
            double[] im = new double[d * d];
            action.apply(rho.reals(), rho.imags(), re, im);
            CMatrix got = CMatrix.wrap(d, d, re, im);
            CMatrix expected = ReferenceSolution.derivative(g.hamiltonian(), g.jumps(), rho);
            assertTrue(got.approxEquals(expected, 1e-14), "d = " + d + ": " + got.maxAbsDifference(expected));
        }
    }

    @Test
    void theExponentialAgreesWithRungeKuttaTo1e12() {
        Random rng = new Random(3);
        for (int d : new int[] {2, 4}) {
            LindbladGenerator g = random(d, 2, rng);
            CMatrix rho = Fixtures.randomState(d, rng);
            for (double t : new double[] {0.3, 1.7}) {
                CMatrix exact = new SuperoperatorPropagator(g, t).apply(rho);
                CMatrix reference = ReferenceSolution.evolve(g.hamiltonian(), g.jumps(), rho, t);
                assertTrue(exact.approxEquals(reference, 1e-12), "d = " + d + ", t = " + t + ": " + exact.maxAbsDifference(reference));
            }
        }
    }

    @Test
    void theTaylorSeriesAgreesWithTheExponentialTo1e13() {
        Random rng = new Random(4);
        for (int d : new int[] {2, 4, 8, 16}) {
            LindbladGenerator g = random(d, 3, rng);
            CMatrix rho = Fixtures.randomState(d, rng);
            for (double t : d < 16 ? new double[] {0.5, 4} : new double[] {4}) {     // a 256 × 256 exponential takes a second
                CMatrix exact = new SuperoperatorPropagator(g, t).apply(rho);
                CMatrix series = new TaylorPropagator(g, t).apply(rho);
                assertTrue(exact.approxEquals(series, 1e-13), "d = " + d + ", t = " + t + ": " + exact.maxAbsDifference(series));
            }
        }
    }

    @Test
    void theTaylorSeriesStaysAccurateOverLongTimes() {
        // Rates and energies of order 1 for 30 time units (the regime where an integrator with a
        // Hermitian-only right-hand side had drifted by 1e23).
        Random rng = new Random(8);
        List<CMatrix> jumps = new ArrayList<>();
        for (int k = 0; k < 3; k++) jumps.add(Fixtures.randomMatrix(4, rng, 0.5));
        LindbladGenerator g = LindbladGenerator.of(Fixtures.randomHermitian(4, rng, 1), jumps);
        CMatrix rho = Fixtures.randomState(4, rng);
        CMatrix exact = new SuperoperatorPropagator(g, 30).apply(rho);
        CMatrix series = new TaylorPropagator(g, 30).apply(rho);
        assertTrue(exact.approxEquals(series, 1e-13), "" + exact.maxAbsDifference(series));
    }

    @Test
    void withoutJumpsTheSuperoperatorIsTheUnitary() {
        Random rng = new Random(5);
        LindbladGenerator g = LindbladGenerator.of(Fixtures.randomHermitian(4, rng, 1), List.of());
        CMatrix rho = Fixtures.randomState(4, rng);
        CMatrix viaSuperoperator = new SuperoperatorPropagator(g, 2.5).apply(rho);
        CMatrix viaUnitary = new UnitaryPropagator(g.hamiltonian(), 2.5).apply(rho);
        assertTrue(viaSuperoperator.approxEquals(viaUnitary, 1e-13), "" + viaSuperoperator.maxAbsDifference(viaUnitary));
    }

    @Test
    void evolutionKeepsTraceAndHermiticity() {
        Random rng = new Random(6);
        LindbladGenerator g = random(4, 3, rng);
        CMatrix rho = Fixtures.randomState(4, rng);
        for (Propagator p : new Propagator[] {new SuperoperatorPropagator(g, 3), new TaylorPropagator(g, 3)}) {
            CMatrix out = p.apply(rho);
            assertEquals(1, out.trace().getReal(), 1e-12);
            assertEquals(0, out.trace().getImaginary(), 1e-12);
            assertTrue(out.isHermitian(1e-12));
        }
    }

    @Test
    void propagationComposes() {
        // exp(𝓛(s + t)) = exp(𝓛t) exp(𝓛s): the two halves and the whole are separate exponentials.
        Random rng = new Random(7);
        LindbladGenerator g = random(3, 2, rng);
        CMatrix rho = Fixtures.randomState(3, rng);
        CMatrix whole = new SuperoperatorPropagator(g, 2.0).apply(rho);
        CMatrix halves = new SuperoperatorPropagator(g, 1.3).apply(new SuperoperatorPropagator(g, 0.7).apply(rho));
        assertTrue(whole.approxEquals(halves, 1e-13), "" + whole.maxAbsDifference(halves));
    }

    @Test
    void aLongDecayStaysExact() {
        // Amplitude damping with precession, γ = 1, ω = 0.6, at γt = 40 (scaling and squaring many
        // times): ρ11 = 1 − ½e^{−γt}, ρ01 = ½ e^{−iωt} e^{−γt/2} ≈ 1e-9, each to rounding.
        double t = 40;
        LindbladGenerator g = LindbladGenerator.of(Fixtures.Z.scale(0.3), List.of(Fixtures.LOWER));
        CMatrix rho = Fixtures.ket(Math.sqrt(0.5), Math.sqrt(0.5)).projector();
        CMatrix out = new SuperoperatorPropagator(g, t).apply(rho);
        double coherence = 0.5 * Math.exp(-t / 2);
        CMatrix expected = CMatrix.of(
                new double[][] {{0.5 * Math.exp(-t), coherence * Math.cos(0.6 * t)}, {coherence * Math.cos(0.6 * t), 1 - 0.5 * Math.exp(-t)}},
                new double[][] {{0, -coherence * Math.sin(0.6 * t)}, {coherence * Math.sin(0.6 * t), 0}});
        assertTrue(out.approxEquals(expected, 1e-15), "" + out.maxAbsDifference(expected));
    }
}
