package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structured right-hand side (O(N²) dissipator, three real products for the commutator)
 * against the master equation written out with dense matrices, and the solve against the H = 0
 * closed form and the exponential of the dense Liouvillian.
 */
class MasterEquationTest {

    /** The papers' eq 14 with every L_JM built as a dense matrix: the reference. */
    static CMatrix denseRightHandSide(CMatrix h, CMatrix rho, SignPattern pattern, double kappa) {
        int n = rho.rows;
        CMatrix commutator = h.times(rho).minus(rho.times(h)).scale(0, -1);
        CMatrix dissipator = CMatrix.zeros(n, n);
        for (int j = 1; j < n; j++) {
            for (int m = 0; m < j; m++) {
                CMatrix l = pattern.positive()[j] ? unit(n, j, m) : unit(n, m, j);
                CMatrix ld = l.adjoint();
                CMatrix ldl = ld.times(l);
                dissipator = dissipator.plus(l.times(rho).times(ld))
                        .minus(ldl.times(rho).plus(rho.times(ldl)).scale(0.5));
            }
        }
        return commutator.plus(dissipator.scale(kappa));
    }

    private static CMatrix unit(int n, int row, int col) {
        double[] re = new double[n * n];
        re[row * n + col] = 1;
        return CMatrix.wrap(n, n, re, null);
    }

    private static double[] structured(CMatrix h, CMatrix rho, SignPattern pattern, double kappa) {
        MasterEquation equation = new MasterEquation(rho.rows, kappa, pattern, Cancellation.none());
        equation.setHamiltonian(h);
        double[] y = MasterEquation.pack(rho);
        double[] yDot = new double[y.length];
        equation.evaluate(0, y, yDot);
        return yDot;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 16, 33})
    void structuredDissipatorAgreesWithDenseReferenceOnRandomInputs(int n) {
        Random rng = new Random(1000 + n);
        for (int trial = 0; trial < 6; trial++) {
            CMatrix rho = Setups.randomDensity(n, rng);
            SignPattern pattern = Setups.randomPattern(n, rng);
            double kappa = 0.1 + 20 * rng.nextDouble();
            CMatrix complexH = Setups.randomHermitian(n, rng, 1);
            CMatrix realH = CMatrix.wrap(n, n, complexH.reals(), null);
            for (CMatrix h : new CMatrix[] {complexH, realH, CMatrix.zeros(n, n), null}) {
                CMatrix dense = denseRightHandSide(h == null ? CMatrix.zeros(n, n) : h, rho, pattern, kappa);
                assertTrue(dense.isHermitian(1e-12), "dρ/dt is Hermitian");
                assertArrayEquals(MasterEquation.pack(dense), structured(h, rho, pattern, kappa), 1e-11 * (1 + kappa),
                        "N = " + n + ", pattern " + pattern.label());
            }
        }
    }

    @Test
    void traceIsConservedAndGammaIsThePapersLambda() {
        Random rng = new Random(7);
        for (int n = 2; n <= 9; n++) {
            SignPattern pattern = Setups.randomPattern(n, rng);
            double[] yDot = structured(Setups.randomHermitian(n, rng, 1), Setups.randomDensity(n, rng), pattern, 3);
            double trace = 0;
            for (int i = 0; i < n; i++) trace += yDot[i * n + i];
            assertEquals(0, trace, 1e-12, "d tr ρ / dt");
            // 000 eq 42 (for general N): Λ_IJ = Σ_{M>J} θ_M + Σ_{M>I} θ_M + (J−1)θ(−σ_J) + (I−1)θ(−σ_I), 1-based.
            double[] gamma = pattern.gamma();
            for (int i = 0; i < n; i++) {
                double expected = 0;
                for (int m = i + 1; m < n; m++) if (pattern.positive()[m]) expected++;
                if (i > 0 && !pattern.positive()[i]) expected += i;
                assertEquals(expected, gamma[i], 0, "γ at position " + i);
            }
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 6})
    void integratorAgreesWithClosedFormWhenHIsZero(int n) {
        Random rng = new Random(50 + n);
        double[] times = {0, 0.05, 0.3, 1, 2.5};
        for (int trial = 0; trial < 4; trial++) {
            CMatrix rho0 = Setups.randomDensity(n, rng);
            SignPattern pattern = Setups.randomPattern(n, rng);
            double kappa = 0.5 + 3 * rng.nextDouble();
            List<CMatrix> closed = ClosedForm.solve(rho0, pattern, kappa, times);
            List<CMatrix> integrated = new MasterEquation(n, kappa, pattern, Cancellation.none())
                    .solve(rho0, List.of(), times, 1e-13, 1e-12);
            for (int k = 0; k < times.length; k++) {
                assertTrue(closed.get(k).approxEquals(integrated.get(k), 1e-9),
                        "t = " + times[k] + ": " + closed.get(k).maxAbsDifference(integrated.get(k)));
            }
        }
    }

    /**
     * The Liouvillian as an N² × N² matrix on row-major vec ρ, from vec(AρB) = (A ⊗ Bᵀ) vec ρ:
     * −i(H ⊗ 1 − 1 ⊗ Hᵀ) + κ Σ (L ⊗ L̄ − ½ L†L ⊗ 1 − ½ 1 ⊗ (L†L)ᵀ), every L_JM dense.
     */
    static CMatrix liouvillian(CMatrix h, SignPattern pattern, double kappa) {
        int n = h.rows;
        CMatrix one = CMatrix.identity(n);
        CMatrix l = h.kron(one).minus(one.kron(h.transpose())).scale(0, -1);
        for (int j = 1; j < n; j++) {
            for (int m = 0; m < j; m++) {
                CMatrix jump = pattern.positive()[j] ? unit(n, j, m) : unit(n, m, j);
                CMatrix ldl = jump.adjoint().times(jump);
                CMatrix d = jump.kron(jump.conjugate()).minus(ldl.kron(one).scale(0.5)).minus(one.kron(ldl.transpose()).scale(0.5));
                l = l.plus(d.scale(kappa));
            }
        }
        return l;
    }

    /** e^A by scaling and squaring: a Taylor series of 24 terms for A / 2^s with ‖A / 2^s‖_F ≤ 1/2. */
    static CMatrix exponential(CMatrix a) {
        int squarings = Math.max(0, Math.getExponent(a.norm()) + 2);
        CMatrix x = a.scale(Math.scalb(1.0, -squarings));
        CMatrix term = CMatrix.identity(a.rows);
        CMatrix sum = term;
        for (int k = 1; k <= 24; k++) {
            term = term.times(x).scale(1.0 / k);
            sum = sum.plus(term);
        }
        for (int s = 0; s < squarings; s++) sum = sum.times(sum);
        return sum;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 6})
    void solveAgreesWithTheSuperoperatorExponential(int n) {
        Random rng = new Random(80 + n);
        double[] times = {0, 0.01, 0.2, 0.55, 1.3, 2};
        for (int trial = 0; trial < 3; trial++) {
            CMatrix h = Setups.randomHermitian(n, rng, 1 + 2 * rng.nextDouble());
            CMatrix rho0 = Setups.randomDensity(n, rng);
            SignPattern pattern = Setups.randomPattern(n, rng);
            double kappa = 0.2 + 4 * rng.nextDouble();
            CMatrix generator = liouvillian(h, pattern, kappa);
            CMatrix vec0 = CMatrix.wrap(n * n, 1, rho0.reals(), rho0.imags());
            List<CMatrix> solved = new MasterEquation(n, kappa, pattern, Cancellation.none())
                    .solve(rho0, List.of(new MasterEquation.Segment(h, times[times.length - 1])), times,
                            Trajectories.ABSOLUTE_TOLERANCE, Trajectories.RELATIVE_TOLERANCE);
            for (int k = 0; k < times.length; k++) {
                CMatrix vec = exponential(generator.scale(times[k])).times(vec0);
                CMatrix exact = CMatrix.wrap(n, n, vec.reals(), vec.imags());
                assertTrue(solved.get(k).approxEquals(exact, 1e-6),
                        "N = " + n + ", t = " + times[k] + ": " + solved.get(k).maxAbsDifference(exact));
            }
        }
    }

    @Test
    void piecewiseHamiltonianMatchesUnitaryEvolutionWhenKappaIsTiny() {
        Random rng = new Random(3);
        int n = 4;
        CMatrix h1 = Setups.randomHermitian(n, rng, 1);
        CMatrix h2 = Setups.randomHermitian(n, rng, 1);
        CMatrix rho0 = Setups.randomDensity(n, rng);
        List<MasterEquation.Segment> segments = List.of(new MasterEquation.Segment(h1, 0.7), new MasterEquation.Segment(h2, 1.5));
        List<CMatrix> out = new MasterEquation(n, 1e-12, Setups.randomPattern(n, rng), Cancellation.none())
                .solve(rho0, segments, new double[] {0.7, 1.5, 2.0}, 1e-13, 1e-12);
        CMatrix u1 = org.beable.quantum.Hermitian.evolution(h1, 0.7);
        CMatrix u2 = org.beable.quantum.Hermitian.evolution(h2, 0.8);
        CMatrix at07 = rho0.conjugateBy(u1);
        CMatrix at15 = at07.conjugateBy(u2);
        assertTrue(out.get(0).approxEquals(at07, 1e-9), "after the first segment");
        assertTrue(out.get(1).approxEquals(at15, 1e-9), "after the second segment");
        assertTrue(out.get(2).approxEquals(at15, 1e-9), "no Hamiltonian after detection");
    }

    /** Whatever the blocking, each entry is the sequential chain of FMAs over k: the same bits for every N. */
    @Test
    void realMatrixKernelMultipliesWithOneFmaChainPerEntry() {
        Random rng = new Random(9);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 17, 64}) {
            double[] a = new double[n * n];
            double[] b = new double[n * n];
            for (int k = 0; k < a.length; k++) {
                a[k] = rng.nextGaussian();
                b[k] = rng.nextGaussian();
            }
            double[][] c = new double[n][n];
            for (double[] row : c) java.util.Arrays.fill(row, Double.NaN);      // no reliance on a cleared C
            RealMatrices.multiply(RealMatrices.rows(a, n), RealMatrices.rows(b, n), c, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s = Math.fma(a[i * n + k], b[k * n + j], s);
                    assertEquals(s, c[i][j], 0, "N = " + n + ", (" + i + ", " + j + ")");
                }
            }
        }
    }
}
