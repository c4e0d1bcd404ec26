package org.beable.model.ensemble;

import java.util.List;
import org.beable.format.Numbers;

/**
 * How long a step may be. The class-level scheme's mean is the deterministic midpoint step of
 * {@link ClassDynamics#meanStep}, so its own error is that step's: it is estimated by Richardson
 * extrapolation on the N → ∞ equations from the prepared state, running the schedule with steps
 * h and h/2 and comparing n_a/N after every step (error ≈ 4/3 · max |ρ_h − ρ_{h/2}|, the
 * midpoint rule being second order). Values held by their spectators alone take the phase of the
 * flow into them as each segment starts ({@link ClassDynamics#slaveSpectatorPhases}); a value
 * falling back to its spectators during a segment is an event of the finite ensemble, which the
 * smooth estimate leaves to the phase law.
 * The largest safe step is the largest h whose estimate is
 * within the requested accuracy.
 */
final class StepSize {
    /** Beyond this many steps an accuracy is not worth reaching. */
    private static final long MOST_STEPS = 4_000_000L;

    private StepSize() {}

    /** Richardson estimate of the largest error in any n_a/N over the schedule with steps of at most dt. */
    static double error(List<Segment> schedule, double[] rho, double[] phi, double spectators, CopyRule rule, double dt) {
        if (Dynamics.totalSteps(schedule, dt) > MOST_STEPS) return Double.POSITIVE_INFINITY;
        int size = rho.length;
        double[] coarse = rho.clone();
        double[] coarsePhi = phi.clone();
        double[] fine = rho.clone();
        double[] finePhi = phi.clone();
        double worst = 0;
        for (Segment segment : schedule) {
            Couplings c = segment.couplings();
            ClassDynamics.Work work = new ClassDynamics.Work(size, c.pairs());
            long n = Dynamics.steps(segment.duration(), dt);
            if (n == 0) continue;
            // Values held by their spectators alone as a segment starts take the phase of the flow into them.
            double floor = spectators * (1 + 1e-9);
            ClassDynamics.slaveSpectatorPhases(c, coarse, coarsePhi, spectators, floor, rule);
            ClassDynamics.slaveSpectatorPhases(c, fine, finePhi, spectators, floor, rule);
            double h = segment.duration() / n;
            for (long k = 0; k < n; k++) {
                ClassDynamics.meanStep(c, coarse, coarsePhi, spectators, 0, h, rule, work);
                ClassDynamics.meanStep(c, fine, finePhi, spectators, 0, 0.5 * h, rule, work);
                ClassDynamics.meanStep(c, fine, finePhi, spectators, 0, 0.5 * h, rule, work);
                for (int a = 0; a < size; a++) worst = Math.max(worst, Math.abs(coarse[a] - fine[a]));
            }
        }
        return worst * 4 / 3;
    }

    /**
     * The largest step (found to within about 10%) whose error estimate is within accuracy;
     * +∞ when nothing in the schedule moves members.
     */
    static double safe(List<Segment> schedule, double[] rho, double[] phi, double spectators, CopyRule rule, double accuracy) {
        double rate = 0;
        double longest = 0;
        for (Segment s : schedule) {
            Couplings c = s.couplings();
            if (c.pairs() == 0) continue;
            double omegaSpan = 0;
            for (double w1 : c.omega) for (double w2 : c.omega) omegaSpan = Math.max(omegaSpan, Math.abs(w1 - w2));
            rate = Math.max(rate, Math.max(c.largestRowSum(), omegaSpan));
            longest = Math.max(longest, s.duration());
        }
        if (rate == 0 || longest == 0) return Double.POSITIVE_INFINITY;
        double h = Math.min(longest, 0.1 / rate);
        double err = error(schedule, rho, phi, spectators, rule, h);
        for (int k = 0; k < 40; k++) {
            if (err > accuracy) {
                if (Double.isInfinite(err)) {
                    throw new IllegalArgumentException("accuracy " + Numbers.format(accuracy) + " would take more than "
                            + MOST_STEPS + " steps; ask for less (e.g. accuracy = " + Numbers.format(accuracy * 100) + ")");
                }
                h *= Math.max(0.1, Math.min(0.9, 0.9 * Math.sqrt(accuracy / err)));
                err = error(schedule, rho, phi, spectators, rule, h);
                continue;
            }
            if (h >= longest || err > 0.8 * accuracy) break;
            double grow = err == 0 ? 4 : Math.min(4, 0.95 * Math.sqrt(accuracy / err));
            if (grow < 1.1) break;
            double bigger = Math.min(longest, h * grow);
            double errBigger = error(schedule, rho, phi, spectators, rule, bigger);
            if (errBigger > accuracy) break;
            h = bigger;
            err = errBigger;
        }
        return h;
    }

    /** A step for display and for users to paste: rounded down to two significant digits. */
    static double roundDown(double h) {
        if (!(h > 0) || Double.isInfinite(h)) return h;
        double unit = Math.pow(10, Math.floor(Math.log10(h)) - 1);
        return Math.floor(h / unit) * unit;
    }
}
