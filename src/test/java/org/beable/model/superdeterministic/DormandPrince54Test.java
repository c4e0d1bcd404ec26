package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/**
 * The integrator on problems with known solutions: the orders of the step and of the dense
 * output, global accuracy at a tolerance, the step control against scipy's RK45, the evaluation
 * limit and cancellation.
 */
class DormandPrince54Test {

    static final DormandPrince54.Derivative DECAY = (t, y, dydt) -> dydt[0] = -y[0];
    /** x' = v, v' = −x: x = cos t, v = −sin t from (1, 0). */
    static final DormandPrince54.Derivative OSCILLATOR = (t, y, dydt) -> {
        dydt[0] = y[1];
        dydt[1] = -y[0];
    };

    /**
     * One step over [0, h]: a tolerance so loose that the first step is the whole interval (the
     * starting step is at most 1/‖f‖ relative to ‖y‖, which is 1 for y' = −y), so the error is the
     * method's local error, O(h⁶), and the dense output's at mid-step, O(h⁵).
     */
    @Test
    void oneStepHasLocalErrorOfOrderSixAndItsDenseOutputOfOrderFive() {
        double[] stepError = new double[2];
        double[] midError = new double[2];
        double[] hs = {0.2, 0.1};
        for (int k = 0; k < 2; k++) {
            double h = hs[k];
            DormandPrince54 integrator = new DormandPrince54(1, 1e3, 1e3, 1000, Cancellation.none());
            double[] y = {1};
            double[] mid = new double[1];
            integrator.integrate(DECAY, 0, y, h, new double[] {h / 2}, 0, (i, state) -> mid[0] = state[0]);
            assertEquals(8, integrator.evaluations(), "one step: f(0), the starting-step probe, six stages");
            stepError[k] = Math.abs(y[0] - Math.exp(-h));
            midError[k] = Math.abs(mid[0] - Math.exp(-h / 2));
        }
        double stepOrder = Math.log(stepError[0] / stepError[1]) / Math.log(2);
        double denseOrder = Math.log(midError[0] / midError[1]) / Math.log(2);
        assertEquals(6, stepOrder, 0.15, "local error of the step ∝ h^" + stepOrder);
        assertEquals(5, denseOrder, 0.25, "local error of the dense output ∝ h^" + denseOrder);
    }

    /** Adaptive runs: the global error follows the tolerance down, staying within a small multiple of it. */
    @Test
    void globalErrorOnTheHarmonicOscillatorFollowsTheTolerance() {
        double previous = Double.POSITIVE_INFINITY;
        for (double tol : new double[] {1e-5, 1e-7, 1e-9, 1e-11}) {
            DormandPrince54 integrator = new DormandPrince54(2, tol, tol, 1_000_000, Cancellation.none());
            double[] y = {1, 0};
            integrator.integrate(OSCILLATOR, 0, y, 10, new double[0], 0, (i, state) -> {});
            double error = Math.hypot(y[0] - Math.cos(10), y[1] + Math.sin(10));
            assertTrue(error < 50 * tol, "tolerance " + tol + ": error " + error);
            assertTrue(error < previous / 10, "tolerance " + tol + ": error " + error + " after " + previous);
            previous = error;
        }
    }

    /** Many output times between the steps: each read off the continuous extension, as accurate as the steps. */
    @Test
    void denseOutputBetweenStepsIsAccurateToTheTolerance() {
        double tol = 1e-9;
        double[] times = new double[1001];
        for (int k = 0; k < times.length; k++) times[k] = 10.0 * k / (times.length - 1);
        DormandPrince54 integrator = new DormandPrince54(2, tol, tol, 1_000_000, Cancellation.none());
        double[] y = {1, 0};
        double[] worst = {0};
        int[] seen = {0};
        int next = integrator.integrate(OSCILLATOR, 0, y, 10, times, 1, (i, state) -> {
            assertEquals(seen[0] + 1, i, "output times in order");
            seen[0] = i;
            worst[0] = Math.max(worst[0], Math.hypot(state[0] - Math.cos(times[i]), state[1] + Math.sin(times[i])));
        });
        assertEquals(times.length, next);
        assertEquals(times.length - 1, seen[0]);
        assertTrue(integrator.evaluations() < 6 * 200, "far fewer steps than output times: " + integrator.evaluations());
        assertTrue(worst[0] < 50 * tol, "worst error at an output time " + worst[0]);
    }

    /**
     * The controller, the starting step and the dense output are scipy's RK45: the same number of
     * evaluations (scipy 1.17: nfev 368, 52 steps and 9 rejections) and the same numbers up to
     * the order of the floating-point sums.
     */
    @Test
    void stepsAndOutputsAreScipysRk45() {
        double[] times = new double[7];
        for (int k = 0; k < times.length; k++) times[k] = 10.0 * k / 6;
        double[] scipy = {1.0, -0.09572365905670353, -0.9816735974489412, 0.2836622442035223, 0.9273668503451306,
                -0.46120404216984373, -0.8390702711327028};
        DormandPrince54 integrator = new DormandPrince54(2, 1e-9, 1e-6, 1_000_000, Cancellation.none());
        double[] y = {1, 0};
        double[] x = new double[times.length];
        x[0] = 1;
        integrator.integrate(OSCILLATOR, 0, y, 10, times, 1, (i, state) -> x[i] = state[0]);
        assertEquals(368, integrator.evaluations());
        assertArrayEquals(scipy, x, 1e-14);
        assertArrayEquals(new double[] {-0.8390702711327028, 0.5440208634405764}, y, 1e-14);

        DormandPrince54 decay = new DormandPrince54(1, 1e-12, 1e-8, 1_000_000, Cancellation.none());
        double[] z = {1};
        decay.integrate(DECAY, 0, z, 5, new double[0], 0, (i, state) -> {});
        assertEquals(332, decay.evaluations(), "scipy: nfev 332 for y' = −y to t = 5, rtol 1e-8, atol 1e-12");
        assertEquals(0.006737947075535656, z[0], 1e-16);
    }

    @Test
    void theEvaluationLimitStopsTheSolve() {
        DormandPrince54 integrator = new DormandPrince54(2, 1e-12, 1e-12, 100, Cancellation.none());
        double[] y = {1, 0};
        assertThrows(DormandPrince54.EvaluationLimitExceeded.class,
                () -> integrator.integrate(OSCILLATOR, 0, y, 1000, new double[0], 0, (i, state) -> {}));
        assertTrue(integrator.evaluations() <= 100, integrator.evaluations() + " evaluations");
    }

    @Test
    void theMasterEquationReportsTheLimitPlainly() {
        int n = 3;
        MasterEquation equation = new MasterEquation(n, 1e4, new SignPattern(new boolean[] {false, true, false}), Cancellation.none(), 500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> equation.solve(
                CMatrix.identity(n).scale(1.0 / n), List.of(), new double[] {0, 10}, 1e-10, 1e-8));
        assertEquals("the master equation needed more than 500 evaluations between t = 0.0 and 10.0; κ times the time span is too "
                + "large to follow — shorten the times or lower kappa (the state has long collapsed)", e.getMessage());
    }

    @Test
    void theMasterEquationReportsAnOverflowingStatePlainly() {
        int n = 3;
        CMatrix h = Setups.randomHermitian(n, new java.util.Random(1), 1e300);
        MasterEquation equation = new MasterEquation(n, 1, new SignPattern(new boolean[] {false, true, false}), Cancellation.none());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> equation.solve(
                CMatrix.identity(n).scale(1.0 / n), List.of(new MasterEquation.Segment(h, 1)), new double[] {0, 1}, 1e-10, 1e-8));
        assertTrue(e.getMessage().startsWith("the master equation could not be followed between t = 0.0 and 1.0: the step size fell to "),
                e.getMessage());
    }

    @Test
    void aCancelledSolveStopsWithinAStep() {
        Cancellation cancellation = new Cancellation();
        DormandPrince54 integrator = new DormandPrince54(2, 1e-12, 1e-12, 1_000_000, cancellation);
        int[] calls = {0};
        DormandPrince54.Derivative cancelling = (t, y, dydt) -> {
            if (++calls[0] == 50) cancellation.cancel();
            OSCILLATOR.evaluate(t, y, dydt);
        };
        double[] y = {1, 0};
        assertThrows(CancelledException.class, () -> integrator.integrate(cancelling, 0, y, 1000, new double[0], 0, (i, state) -> {}));
        assertTrue(calls[0] < 50 + 6, calls[0] + " evaluations");
    }

    @Test
    void aNonFiniteStateFailsInsteadOfShrinkingForever() {
        DormandPrince54 integrator = new DormandPrince54(1, 1e-8, 1e-8, 1_000_000, Cancellation.none());
        DormandPrince54.Derivative blowUp = (t, y, dydt) -> dydt[0] = t > 0.5 ? Double.NaN : -y[0];
        assertThrows(ArithmeticException.class, () -> integrator.integrate(blowUp, 0, new double[] {1}, 1, new double[0], 0, (i, s) -> {}));
    }
}
