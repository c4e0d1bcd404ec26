package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.model.BornRule;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.junit.jupiter.api.Test;

/**
 * The N → ∞ limit starts from the exact |ψ_a|², not from occupations rounded to `members`: with
 * irrational amplitudes the rounding alone would cost up to 0.5/N (5e-6 at the default 10⁵).
 */
class MeanFieldTest {

    /** (√(1/√3), √(1 − 1/√3) e^{i√2}): neither weight is a multiple of 1/N for any N. */
    private static CMatrix irrationalQubit() {
        double p = 1 / Math.sqrt(3);
        double q = Math.sqrt(1 - p);
        return CMatrix.column(new double[] {Math.sqrt(p), q * Math.cos(Math.sqrt(2))}, new double[] {0, q * Math.sin(Math.sqrt(2))});
    }

    /** (1, √2 e^{iπ/√5}, √3 + i e) normalised. */
    private static CMatrix irrationalQutrit() {
        double[] re = {1, Math.sqrt(2) * Math.cos(Math.PI / Math.sqrt(5)), Math.sqrt(3)};
        double[] im = {0, Math.sqrt(2) * Math.sin(Math.PI / Math.sqrt(5)), Math.E};
        double norm = 0;
        for (int a = 0; a < 3; a++) norm += re[a] * re[a] + im[a] * im[a];
        norm = Math.sqrt(norm);
        for (int a = 0; a < 3; a++) {
            re[a] /= norm;
            im[a] /= norm;
        }
        return CMatrix.column(re, im);
    }

    private static double[] born(CMatrix psi) {
        double[] p = new double[psi.rows];
        for (int a = 0; a < p.length; a++) p[a] = psi.re(a, 0) * psi.re(a, 0) + psi.im(a, 0) * psi.im(a, 0);
        return p;
    }

    @Test
    void thePreparedLimitIsExactlyTheBornWeights() {
        CMatrix psi = irrationalQutrit();
        EnsembleState state = Preparation.meanField(psi, null, Fixtures.options("level", "mean_field"), 100_000);
        assertTrue(state.infinite());
        for (int a = 0; a < 3; a++) assertEquals(born(psi)[a], state.frequency(a), 1e-15);
        // the rounded occupations stay beside it, so the ensemble can still be read member by member
        assertEquals(100_000, state.members());
    }

    @Test
    void anIrrationalQubitFollowsExpMinusIHtTo1e12() {
        CMatrix psi = irrationalQubit();
        CMatrix h = Fixtures.twoLevelH();
        Experiment e = Fixtures.qubit(psi, h, 3.7, 100, 0, 0.7, Math.PI / 2);
        EnsembleModel limit = Fixtures.model("level", "mean_field");
        for (int c = 0; c < e.combinations(); c++) {
            assertArrayEquals(BornRule.distribution(e, c, e.preparedState()), limit.predict(e, c).orElseThrow(), 1e-12);
        }
        assertArrayEquals(born(psi), limit.predict(Fixtures.qubit(psi, null, 0, 100, 0), 0).orElseThrow(), 1e-15);
    }

    @Test
    void anIrrationalQutritFollowsExpMinusIHtTo1e12WhateverTheMembers() {
        CMatrix psi = irrationalQutrit();
        CMatrix h = CMatrix.of(new double[][] {{0.3, 0.5, 0}, {0.5, -0.2, Math.sqrt(0.1)}, {0, Math.sqrt(0.1), 0.1}},
                new double[][] {{0, 0.2, 0}, {-0.2, 0, -0.1}, {0, 0.1, 0}});
        double t = 2.5;
        double[] expected = born(Hermitian.evolution(h, t).times(psi));
        for (long members : new long[] {7, 100_000}) {
            EnsembleHistory history = Fixtures.model("level", "mean_field", "members", members)
                    .history(h, psi, t, null, 1, 1, Cancellation.none());
            assertArrayEquals(expected, history.last(), 1e-12, "members = " + members);
            assertTrue(history.deviation() < 1e-12, "D = " + history.deviation());
        }
    }
}
