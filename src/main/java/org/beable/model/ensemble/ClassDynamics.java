package org.beable.model.ensemble;

/**
 * The copy rule and the phase law for phase-aligned classes, on occupations x_a that are either
 * member counts n_a or fractions ρ_a = n_a / N (every formula is homogeneous in x, so the same
 * code serves the ensemble and its N → ∞ limit).
 *
 * <ul>
 * <li>Flow: members with value b copy members with value a at total rate
 *     2 R_ab √(x_a x_b) sin⁺(φ_a − φ_b + δ_ab) (ensemble.md, the copied member's phase first);
 *     spectators never copy, so the rate carries the fraction (x_b − s)/x_b of copiers that may.</li>
 * <li>Phases: φ̇_a = ω_a + Σ_{b≠a} R_ab √(x_b / x_a) cos(φ_a − φ_b + δ_ab); an empty class turns at ω_a.</li>
 * </ul>
 *
 * <p>Spectators of a value that nobody else holds carry the phase of the flow into it
 * ({@link #slaveSpectatorPhases}).
 *
 * <p>One step of length h is the explicit midpoint rule: a half step with the rates at the start
 * gives the midpoint occupations and phases, and the whole step uses the rates there. The
 * tau-leap draws Poisson numbers with the midpoint rates as means, so its mean is exactly this
 * deterministic step, which is what {@link StepSize} tests for accuracy. Phases of small classes
 * turn fast (√(x_b / x_a) is large), so the phase law is integrated with enough midpoint substeps
 * to keep each substep's coupling-driven turn below half a radian.
 */
final class ClassDynamics {
    /** Largest coupling-driven phase turn per substep, in radians. */
    static final double TURN_PER_SUBSTEP = 0.5;

    private ClassDynamics() {}

    /** Scratch arrays for one class-level ensemble. */
    static final class Work {
        final double[] flow;
        final double[] xMid;
        final double[] phiMid;
        final double[] velocity;
        final double[] scratch;

        Work(int classes, int pairs) {
            flow = new double[pairs];
            xMid = new double[classes];
            phiMid = new double[classes];
            velocity = new double[classes];
            scratch = new double[classes];
        }
    }

    /**
     * The signed flow into `first` of each pair: 2R√(x_a x_b) sin θ, times the share of the
     * copying class that is not a spectator.
     */
    static void flows(Couplings c, double[] x, double[] phi, double spectators, CopyRule rule, double[] flow) {
        for (int p = 0; p < c.first.length; p++) {
            int a = c.first[p];
            int b = c.second[p];
            double xa = x[a];
            double xb = x[b];
            if (xa <= 0 || xb <= 0) {
                flow[p] = 0;
                continue;
            }
            double s = rule.sine(phi[a], phi[b], c.phase[p]);
            double copier = s > 0 ? xb : xa;
            flow[p] = 2 * c.strength[p] * Math.sqrt(xa * xb) * s * rule.copierShare(copier, spectators);
        }
    }

    /** φ̇ of every class at occupations x. */
    static void phaseVelocity(Couplings c, double[] x, double[] phi, double[] out) {
        System.arraycopy(c.omega, 0, out, 0, c.size);
        for (int p = 0; p < c.first.length; p++) {
            int a = c.first[p];
            int b = c.second[p];
            double xa = x[a];
            double xb = x[b];
            if (xa <= 0 || xb <= 0) continue;
            double cos = c.strength[p] * Math.cos(phi[a] - phi[b] + c.phase[p]);
            out[a] += cos * Math.sqrt(xb / xa);
            out[b] += cos * Math.sqrt(xa / xb);
        }
    }

    /** Midpoint substeps needed to advance the phases by τ at occupations x. */
    static int substeps(Couplings c, double[] x, double tau, double[] scratch) {
        java.util.Arrays.fill(scratch, 0, c.size, 0);
        for (int p = 0; p < c.first.length; p++) {
            int a = c.first[p];
            int b = c.second[p];
            if (x[a] <= 0 || x[b] <= 0) continue;
            scratch[a] += c.strength[p] * Math.sqrt(x[b] / x[a]);
            scratch[b] += c.strength[p] * Math.sqrt(x[a] / x[b]);
        }
        double fastest = 0;
        for (int a = 0; a < c.size; a++) fastest = Math.max(fastest, scratch[a]);
        double turns = fastest * tau / TURN_PER_SUBSTEP;
        return turns <= 1 ? 1 : (int) Math.min(1 << 20, Math.ceil(turns));
    }

    /** Advances phi by τ at fixed occupations x with m midpoint substeps. */
    static void advancePhases(Couplings c, double[] x, double[] phi, double tau, int m, Work w) {
        double h = tau / m;
        for (int k = 0; k < m; k++) {
            phaseVelocity(c, x, phi, w.velocity);
            for (int a = 0; a < c.size; a++) w.scratch[a] = phi[a] + 0.5 * h * w.velocity[a];
            phaseVelocity(c, x, w.scratch, w.velocity);
            for (int a = 0; a < c.size; a++) phi[a] += h * w.velocity[a];
        }
    }

    /**
     * The first half of a midpoint step: fills w.xMid, w.phiMid and, in w.flow, the flows at the
     * midpoint (their h-multiples are the tau-leap's Poisson means).
     */
    static void predict(Couplings c, double[] x, double[] phi, double spectators, double floor, double h, CopyRule rule, Work w) {
        slaveSpectatorPhases(c, x, phi, spectators, floor, rule);
        flows(c, x, phi, spectators, rule, w.flow);
        System.arraycopy(x, 0, w.xMid, 0, c.size);
        for (int p = 0; p < c.first.length; p++) {
            double moved = 0.5 * h * w.flow[p];
            w.xMid[c.first[p]] += moved;
            w.xMid[c.second[p]] -= moved;
        }
        for (int a = 0; a < c.size; a++) {
            // A class cannot be emptied below its spectators (or below zero) within half a step.
            double least = Math.min(x[a], spectators);
            if (w.xMid[a] < least) w.xMid[a] = Math.max(0, least);
        }
        System.arraycopy(phi, 0, w.phiMid, 0, c.size);
        int m = substeps(c, x, 0.5 * h, w.scratch);
        if (m == 1) {
            phaseVelocity(c, x, phi, w.velocity);
            for (int a = 0; a < c.size; a++) w.phiMid[a] += 0.5 * h * w.velocity[a];
        } else {
            advancePhases(c, x, w.phiMid, 0.5 * h, m, w);
        }
        flows(c, w.xMid, w.phiMid, spectators, rule, w.flow);
    }

    /** The second half for the phases: φ ← φ + h φ̇(x_mid, φ_mid), with substeps where the coupling is fast. */
    static void finishPhases(Couplings c, double[] phi, double h, Work w) {
        int m = substeps(c, w.xMid, h, w.scratch);
        if (m == 1) {
            phaseVelocity(c, w.xMid, w.phiMid, w.velocity);
            for (int a = 0; a < c.size; a++) phi[a] += h * w.velocity[a];
        } else {
            advancePhases(c, w.xMid, phi, h, m, w);
        }
    }

    /**
     * The phase of the flow into value a: −arg(−i (Hψ)_a) with ψ_b = √x_b e^{−iφ_b} — the limit of
     * −arg ψ_a as ψ_a → 0⁺, and the stable fixed point of the phase law for a nearly empty value.
     * NaN if nothing flows in.
     */
    static double inflowPhase(Couplings c, double[] x, double[] phi, int a) {
        double re = 0;
        double im = 0;
        for (int p = 0; p < c.first.length; p++) {
            int b;
            double delta;
            if (c.first[p] == a) {
                b = c.second[p];
                delta = c.phase[p];
            } else if (c.second[p] == a) {
                b = c.first[p];
                delta = -c.phase[p];
            } else {
                continue;
            }
            if (x[b] <= 0) continue;
            double amplitude = c.strength[p] * Math.sqrt(x[b]);
            re += amplitude * Math.cos(delta - phi[b]);
            im += amplitude * Math.sin(delta - phi[b]);
        }
        if (Math.hypot(re, im) == 0) return Double.NaN;
        return Math.PI / 2 - Math.atan2(im, re);
    }

    /**
     * Spectators of a value that nobody else holds carry the phase of the flow into it: for every
     * value with 0 &lt; x_a ≤ floor (its spectators; in the N → ∞ limit, its spectators and less
     * than one other member), φ_a ← {@link #inflowPhase}. That is the stable fixed point
     * the phase law drives a nearly empty value to, at rate R√(x_b/x_a); setting it directly also
     * covers the real, symmetric Hamiltonians that would leave the value on the phase law's
     * unstable equilibrium (cos θ = 0), where nothing would ever flow back in.
     */
    static void slaveSpectatorPhases(Couplings c, double[] x, double[] phi, double spectators, double floor, CopyRule rule) {
        if (!(spectators > 0) || !rule.slavesSpectators()) return;
        for (int a = 0; a < c.size; a++) {
            if (x[a] <= 0 || x[a] > floor) continue;
            double inflow = inflowPhase(c, x, phi, a);
            if (!Double.isNaN(inflow)) phi[a] = inflow;
        }
    }

    /** One deterministic midpoint step: the mean of a tau-leap step, and the N → ∞ scheme {@link StepSize} measures. */
    static void meanStep(Couplings c, double[] x, double[] phi, double spectators, double floor, double h, CopyRule rule, Work w) {
        predict(c, x, phi, spectators, floor, h, rule, w);
        for (int p = 0; p < c.first.length; p++) {
            double moved = h * w.flow[p];
            x[c.first[p]] += moved;
            x[c.second[p]] -= moved;
        }
        for (int a = 0; a < c.size; a++) if (x[a] < 0) x[a] = 0;
        finishPhases(c, phi, h, w);
    }
}
