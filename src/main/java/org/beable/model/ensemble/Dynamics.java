package org.beable.model.ensemble;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;

/**
 * Evolves an ensemble through a schedule of segments on a uniform grid per segment: a segment of
 * length T takes ⌈T/dt⌉ equal steps. One generator drives every copy event in order, so a run
 * is reproducible from its seed alone.
 */
final class Dynamics {
    /** Steps between checks of the cancel flag. */
    private static final int CHECK_EVERY = 16;

    /** Watches the ensemble after every step (and once at the start). */
    interface Observer {
        void observe(int segment, double segmentTime, double time, long step, Ensemble ensemble);
    }

    private Dynamics() {}

    /** Steps a segment of this duration takes with steps no longer than dt. */
    static long steps(double duration, double dt) {
        if (duration <= 0) return 0;
        if (Double.isInfinite(dt)) return 1;
        return Math.max(1, (long) Math.ceil(duration / dt * (1 - 1e-12)));
    }

    static long totalSteps(List<Segment> schedule, double dt) {
        long n = 0;
        for (Segment s : schedule) n += steps(s.duration(), dt);
        return n;
    }

    static void run(Ensemble ensemble, List<Segment> schedule, double dt, UniformRandomProvider rng, Cancellation cancel,
                    Observer observer) {
        double start = 0;
        long step = 0;
        if (observer != null) observer.observe(0, 0, 0, 0, ensemble);
        for (int s = 0; s < schedule.size(); s++) {
            Segment segment = schedule.get(s);
            long n = steps(segment.duration(), dt);
            double h = n == 0 ? 0 : segment.duration() / n;
            for (long k = 0; k < n; k++) {
                if (step % CHECK_EVERY == 0) cancel.throwIfCancelled();
                ensemble.step(segment.couplings(), start + k * h, h, rng);
                step++;
                double within = k == n - 1 ? segment.duration() : (k + 1) * h;
                if (observer != null) observer.observe(s, within, start + within, step, ensemble);
            }
            start += segment.duration();
        }
    }
}
