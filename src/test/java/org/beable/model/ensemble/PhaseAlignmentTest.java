package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** §3.2: phase momenta and the sin² alignment potential, conservative and damped. */
class PhaseAlignmentTest {

    /** Σ_I (½π_I² + π_I ω_{a_I}) + (f²/2) Σ_I Σ_{J∈a_I} sin²(φ_I − φ_J), conserved when nothing copies (H diagonal). */
    private static double energy(EnsembleState s, double[] omega, double f) {
        int n = (int) s.members();
        double kinetic = 0;
        double[] re2 = new double[s.classes()];
        double[] im2 = new double[s.classes()];
        for (int i = 0; i < n; i++) {
            double p = s.momentum(i);
            kinetic += 0.5 * p * p + p * omega[s.value(i)];
            re2[s.value(i)] += Math.cos(2 * s.phase(i));
            im2[s.value(i)] += Math.sin(2 * s.phase(i));
        }
        double potential = 0;
        for (int a = 0; a < s.classes(); a++) {
            double count = s.count(a);
            potential += 0.5 * f * f * (count * count - re2[a] * re2[a] - im2[a] * im2[a]) / 2;   // sin²x = (1 − cos 2x)/2
        }
        return kinetic + potential;
    }

    private static EnsembleState run(EnsembleOptions options, CMatrix h, double t, double dt) {
        EnsembleState start = Preparation.members(Fixtures.twoLevelPsi(), null, options, 600, RandomStreams.stream(2));
        try (MemberEnsemble e = new MemberEnsemble(start, options, 1)) {
            Dynamics.run(e, List.of(Segment.of(h, t, "H")), dt, RandomStreams.stream(3), Cancellation.none(), null);
            return e.state();
        }
    }

    @Test
    void theConservativeDynamicsKeepsItsEnergy() {
        EnsembleOptions options = Fixtures.options("level", "member", "f", 1, "spread", 0.4);
        CMatrix diagonal = CMatrix.diagonal(new double[] {0.3, -0.5});
        EnsembleState start = Preparation.members(Fixtures.twoLevelPsi(), null, options, 600, RandomStreams.stream(2));
        EnsembleState end = run(options, diagonal, 5, 2e-3);
        double e0 = energy(start, new double[] {0.3, -0.5}, 1);
        double e1 = energy(end, new double[] {0.3, -0.5}, 1);
        assertEquals(e0, e1, 1e-3 * Math.abs(e0));
        assertTrue(spread(end, 0) > 0.2, "no friction, no settling");
    }

    @Test
    void frictionAlignsThePhasesOfEachValue() {
        EnsembleOptions options = Fixtures.options("level", "member", "f", 1, "spread", 0.3, "damping", 4);
        EnsembleState end = run(options, Fixtures.twoLevelH(), 6, 2e-3);
        assertTrue(spread(end, 0) < 1e-3 && spread(end, 1) < 1e-3, "spreads " + spread(end, 0) + ", " + spread(end, 1));
    }

    @Test
    void withoutMomentaAlignedPhasesStayAligned() {
        EnsembleOptions options = Fixtures.options("level", "member");
        EnsembleState end = run(options, Fixtures.twoLevelH(), 4, 0.01);
        assertTrue(spread(end, 0) < 1e-6 && spread(end, 1) < 1e-6);
    }

    private static double spread(EnsembleState s, int value) {
        double re = 0;
        double im = 0;
        for (long i = 0; i < s.members(); i++) {
            if (s.value(i) != value) continue;
            re += Math.cos(s.phase(i));
            im += Math.sin(s.phase(i));
        }
        double r = Math.hypot(re, im) / s.count(value);
        return Math.sqrt(-2 * Math.log(Math.min(1, r)));
    }
}
