package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/** The papers' worked example, N = 4, against the table in docs/models/superdeterministic.md. */
class SingletTableTest {
    static final double Q = 0.6;
    static final double[] KT = {0.5, 1, 2, 5};
    static final double[] RHO11_PLUS = {0.2183510375, 0.1324365988, 0.0487207020, 0.0024256609};
    static final double[] RHO22_PLUS = {0.7816489625, 0.8675634012, 0.9512792980, 0.9975743391};
    static final double[] RHO11_MINUS = {0.6118203778, 0.7645571577, 0.9133854187, 0.9956877139};
    static final double[] RHO22_MINUS = {0.3881796222, 0.2354428423, 0.0866145813, 0.0043122861};
    static final double[] RHO12 = {-0.3738243759, -0.2911347167, -0.1765821318, -0.0394007993};

    /** The papers' basis order (000 eq 22): |1> = ↓↑, |2> = ↑↓, |3> = ↓↓, |4> = ↑↑ in the default order ↑↑, ↑↓, ↓↑, ↓↓. */
    static final BasisOrder PAPER = BasisOrder.parse(List.of(2.0, 1.0, 3.0, 0.0));

    static Experiment singlet() {
        return Setups.single(Setups.layout(2, 2), Setups.weightedSinglet(Q),
                List.of(Setups.spin("A", 0, null, 0), Setups.spin("B", 1, null, 0)), 1000);
    }

    private static Trajectory.Branch branch(Trajectory t, String signs) {
        return t.branches().stream().filter(b -> b.signs().equals(signs)).findFirst().orElseThrow();
    }

    private void checkTable(Trajectory t, double tolerance) {
        assertEquals(2, t.branches().size(), "σ3, σ4 are never positive: two branches");
        Trajectory.Branch plus = branch(t, "+−−");
        Trajectory.Branch minus = branch(t, "−−−");
        assertEquals(1 - Q * Q, plus.weight(), 1e-15);
        assertEquals(Q * Q, minus.weight(), 1e-15);
        for (int k = 0; k < KT.length; k++) {
            assertEquals(RHO11_PLUS[k], plus.rho().get(k).re(0, 0), tolerance, "ρ11(+) at κt = " + KT[k]);
            assertEquals(RHO22_PLUS[k], plus.rho().get(k).re(1, 1), tolerance, "ρ22(+)");
            assertEquals(RHO11_MINUS[k], minus.rho().get(k).re(0, 0), tolerance, "ρ11(−)");
            assertEquals(RHO22_MINUS[k], minus.rho().get(k).re(1, 1), tolerance, "ρ22(−)");
            assertEquals(RHO12[k], plus.rho().get(k).re(0, 1), tolerance, "ρ12(+)");
            assertEquals(RHO12[k], minus.rho().get(k).re(0, 1), tolerance, "ρ12(−)");
            CMatrix average = t.average().get(k);
            assertEquals(Q * Q, average.re(0, 0), Math.min(1e-14, tolerance) + (tolerance > 1e-10 ? 1e-11 : 0), "ρ̄11 = q²");
            assertEquals(1 - Q * Q, average.re(1, 1), Math.min(1e-14, tolerance) + (tolerance > 1e-10 ? 1e-11 : 0), "ρ̄22 = 1 − q²");
            assertEquals(RHO12[k], average.re(0, 1), tolerance, "ρ̄12");
            for (int i = 2; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(0, average.get(i, j).abs(), 1e-12);
        }
    }

    @Test
    void closedFormReproducesTheTable() {
        SuperdeterministicModel model = new SuperdeterministicModel(1, PAPER, null);
        Trajectory t = Trajectories.of(model, singlet(), 0, Trajectories.Options.defaults().withTimes(KT));
        assertTrue(t.closedForm());
        checkTable(t, 1e-10);
    }

    @Test
    void integratorReproducesTheTable() {
        SuperdeterministicModel model = new SuperdeterministicModel(1, PAPER, null);
        Trajectory t = Trajectories.of(model, singlet(), 0, Trajectories.Options.defaults().withTimes(KT).integrated(1e-13, 1e-12));
        assertTrue(!t.closedForm() && t.evaluations() > 0);
        checkTable(t, 1e-9);
    }

    @Test
    void partialTracesOfTheAverageDoNotDependOnTime() {
        SuperdeterministicModel model = new SuperdeterministicModel(1, PAPER, null);
        double[] times = new double[21];
        for (int k = 0; k < times.length; k++) times[k] = 0.25 * k;
        Trajectory t = Trajectories.of(model, singlet(), 0, Trajectories.Options.defaults().withTimes(times));
        for (int k = 0; k < times.length; k++) {
            CMatrix rho = t.averageInSystems(k);
            CMatrix alice = t.layout().partialTrace(rho, new int[] {0});
            CMatrix bob = t.layout().partialTrace(rho, new int[] {1});
            // docs/models/superdeterministic.md: ρ_A = diag(↑: 1 − q², ↓: q²), ρ_B = diag(↑: q², ↓: 1 − q²).
            assertTrue(alice.approxEquals(CMatrix.diagonal(new double[] {1 - Q * Q, Q * Q}), 1e-14), "ρ_A at t = " + times[k]);
            assertTrue(bob.approxEquals(CMatrix.diagonal(new double[] {Q * Q, 1 - Q * Q}), 1e-14), "ρ_B at t = " + times[k]);
        }
    }

    @Test
    void outcomesFollowTheBranchAndBornOnAverage() {
        Experiment e = singlet();
        SuperdeterministicModel model = new SuperdeterministicModel(1, PAPER, null);
        // σ2 = |λ2|² − q²: above q² the state ends in |2> = ↑↓ (joint outcome A=+1, B=−1, index 1).
        double[] above = model.response(e, 0, Beables.of(SuperdeterministicModel.LAMBDA, new double[] {0.37, 0.99, 0.99}));
        double[] below = model.response(e, 0, Beables.of(SuperdeterministicModel.LAMBDA, new double[] {0.35, 0.99, 0.99}));
        assertEquals(1, above[1], 0);
        assertEquals(1, below[2], 0);
        double[] p = model.predict(e, 0).orElseThrow();
        assertEquals(Q * Q, p[2], 1e-15);
        assertEquals(1 - Q * Q, p[1], 1e-15);
    }
}
