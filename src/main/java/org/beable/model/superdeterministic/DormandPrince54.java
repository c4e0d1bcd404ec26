package org.beable.model.superdeterministic;

import org.beable.concurrent.Cancellation;

/**
 * The explicit Runge–Kutta pair of Dormand and Prince, order 5 with an embedded order-4 error
 * estimate, with the step-size control and dense output of Hairer, Nørsett and Wanner (Solving
 * ODEs I, II.4–II.6) as scipy's {@code RK45} implements them — so Beable's solves can be set side
 * by side with scipy's evaluation for evaluation.
 *
 * <ul>
 * <li>FSAL: the last stage of a step is the derivative at its end, the first stage of the next,
 *     so an accepted step costs six evaluations.</li>
 * <li>The error of a step is the RMS over components of err_i / (atol + rtol max(|y_i|, |y_new,i|));
 *     a step is accepted when it is below 1, and the next step is the last one times
 *     0.9 · error^(−1/5), kept within 0.2 … 10 (and not above 1 right after a rejection).</li>
 * <li>The first step comes from the derivative and one trial Euler step (Hairer's "starting step
 *     size", scipy's {@code select_initial_step}).</li>
 * <li>Output times between steps are read off the fourth-order continuous extension, so the step
 *     sequence does not depend on where the output is wanted.</li>
 * </ul>
 *
 * <p>Everything is plain double arithmetic in a fixed order (the powers are
 * {@link StrictMath#pow}), so a solve gives the same bits on every machine. One instance owns the
 * work arrays for one dimension and is not shared between threads.
 */
final class DormandPrince54 {

    /** The right-hand side dy/dt = f(t, y), written into {@code dydt}. */
    interface Derivative {
        void evaluate(double t, double[] y, double[] dydt);
    }

    /** Receives the state at output time number {@code index}; {@code y} is only valid during the call. */
    interface Output {
        void at(int index, double[] y);
    }

    /** More evaluations were needed than the integrator was allowed. */
    static final class EvaluationLimitExceeded extends RuntimeException {
        EvaluationLimitExceeded(long limit) {
            super("more than " + limit + " evaluations of the right-hand side", null, false, false);
        }
    }

    // The Butcher tableau (nodes C, stages A, fifth-order weights B) and E = B − B̂, the weights of
    // the error estimate including the seventh (FSAL) stage.
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    private static final double E1 = -71.0 / 57600, E3 = 71.0 / 16695, E4 = -71.0 / 1920, E5 = 17253.0 / 339200,
            E6 = -22.0 / 525, E7 = 1.0 / 40;
    /**
     * The continuous extension: y(t + θh) = y + h Σ_s K_s Σ_m P[s][m] θ^(m+1), per stage s (the
     * second has weight 0 throughout); at θ = 1 the rows sum to B.
     */
    private static final double[][] P = {
            {1, -8048581381.0 / 2820520608.0, 8663915743.0 / 2820520608.0, -12715105075.0 / 11282082432.0},
            {0, 0, 0, 0},
            {0, 131558114200.0 / 32700410799.0, -68118460800.0 / 10900136933.0, 87487479700.0 / 32700410799.0},
            {0, -1754552775.0 / 470086768.0, 14199869525.0 / 1410260304.0, -10690763975.0 / 1880347072.0},
            {0, 127303824393.0 / 49829197408.0, -318862633887.0 / 49829197408.0, 701980252875.0 / 199316789632.0},
            {0, -282668133.0 / 205662961.0, 2019193451.0 / 616988883.0, -1453857185.0 / 822651844.0},
            {0, 40617522.0 / 29380423.0, -110615467.0 / 29380423.0, 69997945.0 / 29380423.0}};

    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;
    private static final double ERROR_EXPONENT = -1.0 / 5;

    private final int dimension;
    private final double atol;
    private final double rtol;
    private final long maxEvaluations;
    private final Cancellation cancellation;
    // Stages k1 … k7 (k7 = f at the step's end, the next step's k1), the trial state and a stage argument.
    private double[] k1, k2, k3, k4, k5, k6, k7;
    private double[] yNew;
    private final double[] stage;
    private final double[] dense;
    private final double[] denseWeights = new double[7];
    private long evaluations;

    /**
     * @param maxEvaluations evaluations allowed per {@link #integrate} call before it gives up
     */
    DormandPrince54(int dimension, double atol, double rtol, long maxEvaluations, Cancellation cancellation) {
        this.dimension = dimension;
        this.atol = atol;
        this.rtol = rtol;
        this.maxEvaluations = maxEvaluations;
        this.cancellation = cancellation;
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        k5 = new double[dimension];
        k6 = new double[dimension];
        k7 = new double[dimension];
        yNew = new double[dimension];
        stage = new double[dimension];
        dense = new double[dimension];
    }

    /** Evaluations of the right-hand side so far, over every {@link #integrate} call. */
    long evaluations() {
        return evaluations;
    }

    /**
     * Advances y (in place) from t0 to t1 > t0, handing the state at each of times[next], … that
     * lies in (t0, t1] to {@code output}, and returns the index of the first time after t1.
     *
     * @throws EvaluationLimitExceeded after more evaluations than allowed in this call
     * @throws ArithmeticException if the step size falls to rounding level (a non-finite state)
     */
    int integrate(Derivative f, double t0, double[] y, double t1, double[] times, int next, Output output) {
        long budget = evaluations + maxEvaluations;
        f.evaluate(t0, y, k1);
        evaluations++;
        double hAbs = initialStep(f, t0, y, t1);
        double t = t0;
        boolean last = false;
        while (!last) {
            cancellation.throwIfCancelled();
            double minStep = 10 * Math.abs(Math.nextUp(t) - t);
            if (hAbs < minStep) hAbs = minStep;
            boolean rejected = false;
            double h;
            double tNew;
            while (true) {
                if (hAbs < minStep || !(hAbs < Double.POSITIVE_INFINITY)) {
                    throw new ArithmeticException("the step size fell to " + hAbs + " at t = " + t + "; the state is not finite");
                }
                if (evaluations + 6 > budget) throw new EvaluationLimitExceeded(maxEvaluations);
                tNew = t + hAbs;
                last = tNew >= t1;
                if (last) tNew = t1;
                h = tNew - t;
                double error = step(f, t, y, h);
                if (error < 1) {
                    double factor = error == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, SAFETY * StrictMath.pow(error, ERROR_EXPONENT));
                    if (rejected) factor = Math.min(1, factor);
                    hAbs = h * factor;
                    break;
                }
                // A NaN error (a non-finite state) shrinks the step as much as allowed, until it fails above.
                double factor = Double.isNaN(error) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * StrictMath.pow(error, ERROR_EXPONENT));
                hAbs = h * factor;
                rejected = true;
                last = false;
            }
            while (next < times.length && times[next] <= tNew) {
                if (times[next] == tNew) output.at(next, yNew);
                else output.at(next, interpolate(y, t, h, times[next]));
                next++;
            }
            t = tNew;
            // Accept: y ← y_new into the caller's array; k1 ← k7 (FSAL) by swapping the two arrays.
            System.arraycopy(yNew, 0, y, 0, dimension);
            double[] swap = k1;
            k1 = k7;
            k7 = swap;
        }
        return next;
    }

    /**
     * One trial step of size h from (t, y) with k1 = f(t, y): fills k2 … k7 and yNew, and returns
     * the scaled RMS error.
     */
    private double step(Derivative f, double t, double[] y, double h) {
        int n = dimension;
        double[] s = stage;
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A21 * k1[i]);
        f.evaluate(t + C2 * h, s, k2);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        f.evaluate(t + C3 * h, s, k3);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        f.evaluate(t + C4 * h, s, k4);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        f.evaluate(t + C5 * h, s, k5);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        f.evaluate(t + h, s, k6);
        for (int i = 0; i < n; i++) yNew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        f.evaluate(t + h, yNew, k7);
        evaluations += 6;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double err = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double scaled = err / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
            sum += scaled * scaled;
        }
        return Math.sqrt(sum / n);
    }

    /** The continuous extension of the step (t, y) → (t + h, yNew) at time {@code at}. */
    private double[] interpolate(double[] y, double t, double h, double at) {
        double x = (at - t) / h;
        double[] w = denseWeights;
        for (int s = 0; s < 7; s++) w[s] = h * x * (P[s][0] + x * (P[s][1] + x * (P[s][2] + x * P[s][3])));
        for (int i = 0; i < dimension; i++) {
            dense[i] = y[i] + (w[0] * k1[i] + w[2] * k3[i] + w[3] * k4[i] + w[4] * k5[i] + w[5] * k6[i] + w[6] * k7[i]);
        }
        return dense;
    }

    /**
     * The first step: with d0 = ‖y‖, d1 = ‖f‖ (scaled RMS norms) a trial h0 = d0/d1 / 100, then from
     * the change of f over an Euler step of h0 an estimate of the second derivative d2, and
     * h1 = (0.01 / max(d1, d2))^(1/5); the smaller of 100 h0 and h1 (and of the interval).
     */
    private double initialStep(Derivative f, double t0, double[] y, double t1) {
        int n = dimension;
        double interval = t1 - t0;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double scale = atol + Math.abs(y[i]) * rtol;
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (k1[i] / scale) * (k1[i] / scale);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, interval);
        for (int i = 0; i < n; i++) stage[i] = y[i] + h0 * k1[i];
        f.evaluate(t0 + h0, stage, k2);
        evaluations++;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double scale = atol + Math.abs(y[i]) * rtol;
            double change = (k2[i] - k1[i]) / scale;
            d2 += change * change;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : StrictMath.pow(0.01 / Math.max(d1, d2), 1.0 / 5);
        return Math.min(Math.min(100 * h0, h1), interval);
    }
}
