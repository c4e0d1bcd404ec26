package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.junit.jupiter.api.Test;

/** The time step: the scheme's own error is second order and the chosen step meets the accuracy. */
class StepSizeTest {
    private final List<Segment> schedule = List.of(Segment.of(Fixtures.twoLevelH(), 8, "H"));
    private final double[] rho = {0.7, 0.3};
    private final double[] phi = {0, 1};

    @Test
    void theMidpointSchemeIsSecondOrder() {
        double e1 = StepSize.error(schedule, rho, phi, 0, CopyRule.DEFAULT, 0.04);
        double e2 = StepSize.error(schedule, rho, phi, 0, CopyRule.DEFAULT, 0.02);
        assertEquals(4, e1 / e2, 0.4);
    }

    @Test
    void theChosenStepMeetsTheAccuracyAgainstTheExactSolution() {
        for (double accuracy : new double[] {1e-4, 1e-5, 1e-6}) {
            double h = StepSize.safe(schedule, rho, phi, 0, CopyRule.DEFAULT, accuracy);
            assertTrue(StepSize.error(schedule, rho, phi, 0, CopyRule.DEFAULT, h) <= accuracy);
            assertTrue(StepSize.error(schedule, rho, phi, 0, CopyRule.DEFAULT, 2 * h) > accuracy, "not the largest safe step at " + accuracy);
            // The true error of the deterministic scheme against exp(−iHt), step by step.
            double[] x = rho.clone();
            double[] p = phi.clone();
            Couplings c = schedule.get(0).couplings();
            ClassDynamics.Work w = new ClassDynamics.Work(2, 1);
            long n = Dynamics.steps(8, h);
            double step = 8.0 / n;
            double worst = 0;
            CMatrix psi = Fixtures.twoLevelPsi();
            for (long k = 1; k <= n; k++) {
                ClassDynamics.meanStep(c, x, p, 0, 0, step, CopyRule.DEFAULT, w);
                CMatrix exact = Hermitian.evolution(Fixtures.twoLevelH(), k * step).times(psi);
                worst = Math.max(worst, Math.abs(x[0] - (exact.re(0, 0) * exact.re(0, 0) + exact.im(0, 0) * exact.im(0, 0))));
            }
            assertTrue(worst <= 1.5 * accuracy, "true error " + worst + " at accuracy " + accuracy);
        }
    }

    @Test
    void aGivenStepThatIsTooLargeIsRefusedWithTheLargestSafeStep() {
        EnsembleModel model = Fixtures.model("members", 1e6, "dt", 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, null, 1, 1, org.beable.concurrent.Cancellation.none()));
        assertTrue(e.getMessage().contains("dt = 0.5 is too large for accuracy 0.00001")
                && e.getMessage().contains("the largest safe step is"), e.getMessage());
        String safe = e.getMessage().replaceAll(".*the largest safe step is ([0-9.e-]+).*", "$1");
        EnsembleModel ok = Fixtures.model("members", 1e6, "dt", Double.parseDouble(safe));
        assertTrue(ok.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, null, 1, 1,
                org.beable.concurrent.Cancellation.none()).steps() > 0);
    }

    @Test
    void nothingToCopyMeansAnyStep() {
        List<Segment> still = List.of(Segment.of(CMatrix.diagonal(new double[] {0.2, -0.4}), 3, "H"));
        assertEquals(Double.POSITIVE_INFINITY, StepSize.safe(still, rho, phi, 0, CopyRule.DEFAULT, 1e-6));
        assertEquals(0.0012, StepSize.roundDown(0.001234), 1e-15);
    }
}
