package org.beable.model.ensemble;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A phase-aligned ensemble kept as occupations n_a and class phases φ_a.
 *
 * <p>Two ways to draw the copy events of a step of length h:
 * <ul>
 * <li>{@link EnsembleOptions.Scheme#TAU_LEAP}: the midpoint tau-leap. The rates at the midpoint
 *     of {@link ClassDynamics#predict} are the means of Poisson numbers of events per pair, so
 *     the step's mean is the deterministic midpoint step (error O(h²) per unit time) and its
 *     fluctuations are those of the copy process to O(h). If a class would lose more members
 *     than it has (possible only when it holds a handful), its losses are cut to what it has.</li>
 * <li>{@link EnsembleOptions.Scheme#EVENTS}: events one at a time in continuous time by thinning,
 *     in a Strang splitting (phases for h/2, copies for h with the phases held, phases for h/2,
 *     second order like the tau-leap): candidates on pair {a, b} arrive at the bound
 *     2R√(n_a n_b) (recomputed after every event), and one is accepted with probability |sin θ|
 *     times the share of copiers that are not spectators. Occupations change one member at a
 *     time, never below the spectators.</li>
 * </ul>
 */
final class ClassEnsemble implements Ensemble {
    private final long[] counts;
    private final double[] phi;
    private final long spectators;
    private final long members;
    private final EnsembleOptions.Scheme scheme;
    private final CopyRule rule;
    private final double[] x;
    private ClassDynamics.Work work;
    private long[] events;
    private final CopyCandidates candidates = new CopyCandidates();
    private long copies;

    ClassEnsemble(EnsembleState state, EnsembleOptions.Scheme scheme, CopyRule rule) {
        this.rule = rule;
        this.counts = state.counts();
        this.phi = state.classPhases();
        for (int a = 0; a < phi.length; a++) if (Double.isNaN(phi[a])) phi[a] = 0;
        this.spectators = state.spectatorsPerValue();
        this.members = state.members();
        this.scheme = scheme;
        this.x = new double[counts.length];
    }

    @Override public int classes() { return counts.length; }
    @Override public long members() { return members; }
    @Override public double frequency(int value) { return (double) counts[value] / members; }
    @Override public double phase(int value) { return phi[value]; }
    @Override public double spread(int value) { return 0; }
    @Override public long copies() { return copies; }
    long count(int value) { return counts[value]; }

    @Override
    public EnsembleState state() {
        return EnsembleState.ofClasses(counts, phi, spectators);
    }

    private ClassDynamics.Work work(Couplings c) {
        if (work == null || work.flow.length < c.pairs()) {
            work = new ClassDynamics.Work(counts.length, c.pairs());
            events = new long[c.pairs()];
        }
        return work;
    }

    @Override
    public void step(Couplings c, double time, double h, UniformRandomProvider rng) {
        if (scheme == EnsembleOptions.Scheme.TAU_LEAP) leap(c, h, rng);
        else events(c, h, rng);
    }

    private void leap(Couplings c, double h, UniformRandomProvider rng) {
        ClassDynamics.Work w = work(c);
        for (int a = 0; a < counts.length; a++) x[a] = counts[a];
        ClassDynamics.predict(c, x, phi, spectators, spectators, h, rule, w);
        int pairs = c.pairs();
        // Losses per copying class, to cut draws that would take more members than a class has.
        java.util.Arrays.fill(x, 0);
        for (int p = 0; p < pairs; p++) {
            double flow = w.flow[p];
            events[p] = Poisson.draw(h * Math.abs(flow), rng);
            x[flow > 0 ? c.second[p] : c.first[p]] += events[p];
        }
        for (int a = 0; a < counts.length; a++) {
            long available = Math.max(0, counts[a] - spectators);
            if (x[a] > available) cut(c, a, (long) x[a], available, w.flow);
        }
        for (int p = 0; p < pairs; p++) {
            long k = events[p];
            if (k == 0) continue;
            int into = w.flow[p] > 0 ? c.first[p] : c.second[p];
            int from = w.flow[p] > 0 ? c.second[p] : c.first[p];
            counts[into] += k;
            counts[from] -= k;
            copies += k;
        }
        ClassDynamics.finishPhases(c, phi, h, w);
    }

    /** Scales down the events that copy out of class a so they add up to what it can give. */
    private void cut(Couplings c, int a, long drawn, long available, double[] flow) {
        long kept = 0;
        for (int p = 0; p < c.pairs(); p++) {
            if ((flow[p] > 0 ? c.second[p] : c.first[p]) != a) continue;
            events[p] = events[p] * available / drawn;
            kept += events[p];
        }
        for (int p = 0; p < c.pairs() && kept < available; p++) {
            if ((flow[p] > 0 ? c.second[p] : c.first[p]) != a) continue;
            events[p]++;
            kept++;
        }
    }

    /** Strang splitting: phases for h/2, copy events for h with the phases held, phases for h/2. */
    private void events(Couplings c, double h, UniformRandomProvider rng) {
        ClassDynamics.Work w = work(c);
        for (int a = 0; a < counts.length; a++) x[a] = counts[a];
        ClassDynamics.slaveSpectatorPhases(c, x, phi, spectators, spectators, rule);
        turn(c, 0.5 * h, w);
        candidates.start(c, h, rng, counts);
        for (int p; (p = candidates.next()) >= 0; ) {
            int a = c.first[p];
            int b = c.second[p];
            double s = rule.sine(phi[a], phi[b], c.phase[p]);
            int copier = s > 0 ? b : a;
            int copied = s > 0 ? a : b;
            double accept = Math.abs(s) * rule.copierShare(counts[copier], spectators);
            if (rng.nextDouble() < accept) {
                counts[copier]--;
                counts[copied]++;
                copies++;
                candidates.recount(counts);
            }
        }
        turn(c, 0.5 * h, w);
    }

    /** The phase law for τ at the present occupations. */
    private void turn(Couplings c, double tau, ClassDynamics.Work w) {
        for (int a = 0; a < counts.length; a++) x[a] = counts[a];
        ClassDynamics.advancePhases(c, x, phi, tau, ClassDynamics.substeps(c, x, tau, w.scratch), w);
    }
}
