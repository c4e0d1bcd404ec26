package org.beable.model.ensemble;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Every member's value a_I and phase φ_I (and momentum π_I under the phase-alignment dynamics).
 *
 * <h2>Phases</h2>
 * Eq 40 with the sum over members of other values: φ̇_I = ω_{a_I} + Σ_{J: a_J ≠ a_I}
 * R cos(φ_I − φ_J + δ) / √(n_I n_J). The sum over the members of value b is
 * Re[e^{iφ_I} e^{iδ_ab} conj(S_b)] with S_b = Σ_{J∈b} e^{iφ_J}, so with per-class sums the phase
 * law costs O(1) per member: φ̇_I = ω_a + cos φ_I · A_a − sin φ_I · B_a. The phases are advanced
 * by the midpoint rule (with substeps where small classes make the coupling fast). A member's
 * phase is kept as z_I = e^{iφ_I}, turned by e^{iΔ} from a short series and held on the unit
 * circle by a Newton correction, so the hot loops need no trigonometry; φ_I = arg z_I.
 *
 * <p>Phase alignment (§3.2, f set): φ̇_I = Ω_I + π_I and
 * π̇_I = −∂/∂φ_I (f²/2) Σ_I Σ_{J∈a_I} sin²(φ_I − φ_J) − γ π_I = −f² Σ_{J∈a_I} sin 2(φ_I − φ_J) − γ π_I
 * = −f² Im[z_I² conj(S2_a)] − γ π_I with S2_a = Σ_{J∈a} z_J², integrated kick–drift–kick with the
 * friction as an exact decay.
 *
 * <h2>Copy events</h2>
 * A step is a Strang splitting — phases for h/2, copy events for h with the phases held, phases
 * for h/2 — so it is second order, like the class-level tau-leap. Consecutive half steps of the
 * phases with no events between them are taken as one step of h, and an observation of the
 * phases completes the pending half step on scratch arrays without changing the run, so what is
 * observed never changes what happens. The events are drawn by thinning in continuous time:
 * candidates on the pair {a, b} arrive at the bound 2R√(n_a n_b) (recomputed after each event); a
 * candidate picks I uniformly among the members of a and J among those of b, and with
 * θ = φ_I − φ_J + δ_ab it is accepted with probability |sin θ|: J copies I if sin θ > 0, I copies
 * J otherwise. So member J of value b copies member I of value a at exactly
 * 2R sin⁺(φ_I − φ_J + δ_ab)/√(n_a n_b), the copied member's phase first. The copier takes the
 * copied member's value, phase (and momentum). Spectators never copy: a candidate whose copier is
 * one is rejected.
 *
 * <p>The member loops run over fixed blocks ({@link Blocks}); class sums are added up block by
 * block in a fixed order and the copy events are drawn on one thread, so results do not depend
 * on the thread count.
 */
final class MemberEnsemble implements Ensemble {

    /** A copy event, for `track`. */
    interface Listener {
        void copied(double time, int copier, int source, int fromValue, int toValue, double phaseBefore, double phaseAfter);
    }

    /** Per-class sums Σ z_J and Σ z_J² of one set of phases. */
    private static final class Sums {
        final double[] re;
        final double[] im;
        final double[] re2;
        final double[] im2;

        Sums(int classes) {
            re = new double[classes];
            im = new double[classes];
            re2 = new double[classes];
            im2 = new double[classes];
        }

        void copyFrom(Sums other) {
            System.arraycopy(other.re, 0, re, 0, re.length);
            System.arraycopy(other.im, 0, im, 0, im.length);
            System.arraycopy(other.re2, 0, re2, 0, re2.length);
            System.arraycopy(other.im2, 0, im2, 0, im2.length);
        }
    }

    private final int size;
    private final int classes;
    private final int[] value;
    private final boolean[] spectator;
    private double[] zr;
    private double[] zi;
    private double[] zrNext;
    private double[] ziNext;
    private final double[] zrMid;
    private final double[] ziMid;
    private final double[] momentum;
    private final double f;
    private final CopyRule rule;
    private final double damping;
    private final long spectatorsPerValue;

    private final int[][] lists;
    private final int[] listSize;
    private final int[] position;

    private final Blocks blocks;
    private final double[][] blockRe;
    private final double[][] blockIm;
    private final double[][] blockRe2;
    private final double[][] blockIm2;
    private Sums sums;
    private Sums nextSums;
    private final Sums midSums;
    private final double[] scratch;
    private final CopyCandidates candidates = new CopyCandidates();

    /** The second half of the last step's phase turn, not yet taken. */
    private Couplings pending;
    private double pendingH;
    /** Phases with the pending half step completed, for observers; null until asked for. */
    private double[] viewRe;
    private double[] viewIm;
    private double[] viewMomentum;
    private Sums viewSums;
    private boolean viewValid;

    private long copies;
    private Listener listener;

    MemberEnsemble(EnsembleState state, EnsembleOptions options, int threads) {
        this.classes = state.classes();
        this.value = state.values();
        this.size = value.length;
        this.spectator = state.spectators();
        double[] phi = state.phases();
        this.momentum = options.phaseAlignment() ? (state.hasMomenta() ? state.momenta() : new double[size]) : null;
        this.f = options.phaseAlignment() ? options.f() : 0;
        this.damping = options.damping();
        this.rule = options.copyRule();
        this.spectatorsPerValue = state.spectatorsPerValue();
        this.zr = new double[size];
        this.zi = new double[size];
        for (int i = 0; i < size; i++) {
            zr[i] = Math.cos(phi[i]);
            zi[i] = Math.sin(phi[i]);
        }
        this.zrNext = new double[size];
        this.ziNext = new double[size];
        this.zrMid = new double[size];
        this.ziMid = new double[size];
        this.lists = new int[classes][];
        this.listSize = new int[classes];
        this.position = new int[size];
        for (int a = 0; a < classes; a++) lists[a] = new int[(int) Math.max(16, state.count(a))];
        for (int i = 0; i < size; i++) add(value[i], i);
        this.blocks = new Blocks(size, threads);
        this.blockRe = new double[blocks.count][classes];
        this.blockIm = new double[blocks.count][classes];
        this.blockRe2 = new double[blocks.count][classes];
        this.blockIm2 = new double[blocks.count][classes];
        this.sums = new Sums(classes);
        this.nextSums = new Sums(classes);
        this.midSums = new Sums(classes);
        this.scratch = new double[classes];
        blocks.run((b, from, to) -> accumulate(b, from, to, zr, zi));
        reduce(sums);
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    @Override public int classes() { return classes; }
    @Override public long members() { return size; }
    @Override public double frequency(int v) { return (double) listSize[v] / size; }
    @Override public long copies() { return copies; }
    long count(int v) { return listSize[v]; }
    int value(int member) { return value[member]; }

    /** Member I's phase arg z_I, in (−π, π]. */
    double memberPhase(int member) {
        view();
        return Math.atan2(viewIm[member], viewRe[member]);
    }

    @Override
    public double phase(int v) {
        view();
        return listSize[v] == 0 ? 0 : Math.atan2(viewSums.im[v], viewSums.re[v]);
    }

    @Override
    public double spread(int v) {
        view();
        int n = listSize[v];
        if (n < 2) return 0;
        double r = Math.min(1, Math.hypot(viewSums.re[v], viewSums.im[v]) / n);
        return r <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(-2 * Math.log(r));
    }

    @Override
    public EnsembleState state() {
        view();
        double[] phases = new double[size];
        for (int i = 0; i < size; i++) phases[i] = Math.atan2(viewIm[i], viewRe[i]);
        return EnsembleState.ofMembers(classes, value, phases, momentum == null ? null : viewMomentum, spectator, spectatorsPerValue);
    }

    @Override
    public void close() {
        blocks.close();
    }

    // ------------------------------------------------------------------ class lists

    private void add(int v, int member) {
        if (listSize[v] == lists[v].length) lists[v] = java.util.Arrays.copyOf(lists[v], Math.max(16, 2 * lists[v].length));
        lists[v][listSize[v]] = member;
        position[member] = listSize[v]++;
    }

    private void remove(int v, int member) {
        int last = lists[v][--listSize[v]];
        lists[v][position[member]] = last;
        position[last] = position[member];
    }

    // ------------------------------------------------------------------ class sums

    /** Block b's partial sums of z and z² per class. */
    private void accumulate(int b, int from, int to, double[] xr, double[] xi) {
        double[] re = blockRe[b];
        double[] im = blockIm[b];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int i = from; i < to; i++) {
            int v = value[i];
            re[v] += xr[i];
            im[v] += xi[i];
        }
        if (momentum != null) accumulateSquares(b, from, to, xr, xi);
    }

    private void accumulateSquares(int b, int from, int to, double[] xr, double[] xi) {
        double[] re = blockRe2[b];
        double[] im = blockIm2[b];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int i = from; i < to; i++) {
            int v = value[i];
            re[v] += xr[i] * xr[i] - xi[i] * xi[i];
            im[v] += 2 * xr[i] * xi[i];
        }
    }

    /** The block sums added up in block order (so the total does not depend on the thread count). */
    private void reduce(Sums into) {
        java.util.Arrays.fill(into.re, 0);
        java.util.Arrays.fill(into.im, 0);
        java.util.Arrays.fill(into.re2, 0);
        java.util.Arrays.fill(into.im2, 0);
        for (int b = 0; b < blocks.count; b++) {
            for (int v = 0; v < classes; v++) {
                into.re[v] += blockRe[b][v];
                into.im[v] += blockIm[b][v];
                if (momentum != null) {
                    into.re2[v] += blockRe2[b][v];
                    into.im2[v] += blockIm2[b][v];
                }
            }
        }
    }

    /**
     * The phase law φ̇_I = ω_a + cos φ_I A_a − sin φ_I B_a for the given sums, as ω_a, A_a, B_a
     * side by side at 3a, 3a + 1, 3a + 2: one array instead of three leaves the member loop of
     * {@link #rotate} a register to spare, which it needs (with three arrays it ran about 5% slower).
     */
    private double[] phaseLaw(Couplings c, Sums s) {
        double[] law = new double[3 * classes];
        for (int a = 0; a < classes; a++) law[3 * a] = c.omega[a];
        for (int p = 0; p < c.pairs(); p++) {
            int a = c.first[p];
            int b = c.second[p];
            if (listSize[a] == 0 || listSize[b] == 0) continue;
            double k = c.strength[p] / Math.sqrt((double) listSize[a] * listSize[b]);
            double cos = Math.cos(c.phase[p]);
            double sin = Math.sin(c.phase[p]);
            // For a: e^{iδ} conj(S_b); for b: e^{−iδ} conj(S_a).
            law[3 * a + 1] += k * (cos * s.re[b] + sin * s.im[b]);
            law[3 * a + 2] += k * (sin * s.re[b] - cos * s.im[b]);
            law[3 * b + 1] += k * (cos * s.re[a] - sin * s.im[a]);
            law[3 * b + 2] += k * (-sin * s.re[a] - cos * s.im[a]);
        }
        return law;
    }

    // ------------------------------------------------------------------ one step

    @Override
    public void step(Couplings c, double time, double h, UniformRandomProvider rng) {
        slaveSpectatorPhases(c);
        if (pending == c && pendingH == h) {
            turn(c, h);                               // last step's second half and this step's first half
        } else {
            if (pending != null) turn(pending, 0.5 * pendingH);
            turn(c, 0.5 * h);
        }
        copyEvents(c, time, h, rng);
        pending = c;
        pendingH = h;
        viewValid = false;
    }

    /** Spectators of a value nobody else holds carry the phase of the flow into it ({@link ClassDynamics#slaveSpectatorPhases}). */
    private void slaveSpectatorPhases(Couplings c) {
        if (spectatorsPerValue == 0 || !rule.slavesSpectators()) return;
        double[] x = new double[classes];
        double[] phi = new double[classes];
        for (int a = 0; a < classes; a++) {
            x[a] = listSize[a];
            phi[a] = listSize[a] == 0 ? 0 : Math.atan2(sums.im[a], sums.re[a]);
        }
        for (int a = 0; a < classes; a++) {
            if (listSize[a] == 0 || listSize[a] > spectatorsPerValue) continue;
            double inflow = ClassDynamics.inflowPhase(c, x, phi, a);
            if (Double.isNaN(inflow)) continue;
            double re = Math.cos(inflow);
            double im = Math.sin(inflow);
            for (int k = 0; k < listSize[a]; k++) {
                int i = lists[a][k];
                zr[i] = re;
                zi[i] = im;
            }
            sums.re[a] = listSize[a] * re;
            sums.im[a] = listSize[a] * im;
            sums.re2[a] = listSize[a] * (re * re - im * im);
            sums.im2[a] = listSize[a] * 2 * re * im;
        }
    }

    /** The phase law (and phase-alignment dynamics) for τ at the present occupations, committed. */
    private void turn(Couplings c, double tau) {
        int m = substeps(c, tau);
        for (int k = 0; k < m; k++) {
            phaseStep(c, tau / m, zr, zi, momentum, sums, zrNext, ziNext, nextSums);
            double[] t = zr;
            zr = zrNext;
            zrNext = t;
            t = zi;
            zi = ziNext;
            ziNext = t;
            Sums s = sums;
            sums = nextSums;
            nextSums = s;
        }
    }

    /** The phases with the pending half step completed, on scratch arrays. */
    private void view() {
        if (viewValid) return;
        if (viewRe == null) {
            viewRe = new double[size];
            viewIm = new double[size];
            viewSums = new Sums(classes);
            if (momentum != null) viewMomentum = new double[size];
        }
        if (momentum != null) System.arraycopy(momentum, 0, viewMomentum, 0, size);
        if (pending == null) {
            System.arraycopy(zr, 0, viewRe, 0, size);
            System.arraycopy(zi, 0, viewIm, 0, size);
            viewSums.copyFrom(sums);
        } else {
            double tau = 0.5 * pendingH;
            int m = substeps(pending, tau);
            phaseStep(pending, tau / m, zr, zi, viewMomentum, sums, viewRe, viewIm, viewSums);
            for (int k = 1; k < m; k++) phaseStep(pending, tau / m, viewRe, viewIm, viewMomentum, viewSums, viewRe, viewIm, viewSums);
        }
        viewValid = true;
    }

    /** Substeps that keep the coupling-driven turn of any member below half a radian. */
    private int substeps(Couplings c, double h) {
        java.util.Arrays.fill(scratch, 0);
        for (int p = 0; p < c.pairs(); p++) {
            int a = c.first[p];
            int b = c.second[p];
            if (listSize[a] == 0 || listSize[b] == 0) continue;
            scratch[a] += c.strength[p] * Math.sqrt((double) listSize[b] / listSize[a]);
            scratch[b] += c.strength[p] * Math.sqrt((double) listSize[a] / listSize[b]);
        }
        double fastest = 0;
        for (double k : scratch) fastest = Math.max(fastest, k);
        double turns = fastest * h / ClassDynamics.TURN_PER_SUBSTEP;
        return turns <= 1 ? 1 : (int) Math.min(1 << 16, Math.ceil(turns));
    }

    /**
     * One midpoint step of length h from (inRe, inIm) with sums `in` to (outRe, outIm) with sums
     * `out` (which may be the input arrays); under phase alignment a kick–drift–kick of `p`.
     * Half a step at the starting rates gives the midpoint phases; the whole step is then taken
     * from the start at the midpoint's rates.
     */
    private void phaseStep(Couplings c, double h, double[] inRe, double[] inIm, double[] p, Sums in,
                           double[] outRe, double[] outIm, Sums out) {
        final boolean align = momentum != null;
        final double decay = align ? Math.exp(-0.5 * damping * h) : 1;
        if (align) kick(h, decay, inRe, inIm, p, in);
        final double[] atStart = phaseLaw(c, in);
        final double half = 0.5 * h;
        blocks.run((b, from, to) -> rotate(b, from, to, atStart, p, half, inRe, inIm, inRe, inIm, zrMid, ziMid, false));
        reduce(midSums);
        final double[] atMidpoint = phaseLaw(c, midSums);
        blocks.run((b, from, to) -> {
            rotate(b, from, to, atMidpoint, p, h, zrMid, ziMid, inRe, inIm, outRe, outIm, true);
            if (align) accumulateSquares(b, from, to, outRe, outIm);
        });
        reduce(out);
        if (align) kick(h, decay, outRe, outIm, p, out);
    }

    /**
     * Block b of either half of the midpoint step: turns every member's z from (fromRe, fromIm)
     * by tau times its rate under `law` ({@link #phaseLaw}, plus the momentum p under phase
     * alignment, else p is null) evaluated at (atRe, atIm), into (toRe, toIm), and adds the
     * results up per class. Written once for both halves so they cannot drift apart.
     * `renormalise` puts z back on the unit circle (one Newton step), which the end of a step
     * needs and the midpoint, a throwaway estimate, does not.
     */
    private void rotate(int b, int from, int to, double[] law, double[] p, double tau,
                        double[] atRe, double[] atIm, double[] fromRe, double[] fromIm, double[] toRe, double[] toIm,
                        boolean renormalise) {
        double[] re = blockRe[b];
        double[] im = blockIm[b];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int i = from; i < to; i++) {
            int v = value[i];
            double rate = law[3 * v] + atRe[i] * law[3 * v + 1] - atIm[i] * law[3 * v + 2];
            if (p != null) rate += p[i];
            double d = tau * rate;
            // e^{id} from its Taylor series while d is small, so the loop seldom needs trigonometry.
            double d2 = d * d;
            double cos;
            double sin;
            if (d2 < 1e-3) {
                cos = 1 - 0.5 * d2 * (1 - d2 / 12 * (1 - d2 / 30));
                sin = d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)));
            } else {
                cos = Math.cos(d);
                sin = Math.sin(d);
            }
            double xr = fromRe[i];
            double xi = fromIm[i];
            double yr = xr * cos - xi * sin;
            double yi = xr * sin + xi * cos;
            if (renormalise) {
                double norm = 1.5 - 0.5 * (yr * yr + yi * yi);   // one Newton step back onto |z| = 1
                yr *= norm;
                yi *= norm;
            }
            toRe[i] = yr;
            toIm[i] = yi;
            re[v] += yr;
            im[v] += yi;
        }
    }

    /** Half a step of π̇ = −f² Im[z² conj(S2)] − γπ at phases (xr, xi) with sums s. */
    private void kick(double h, double decay, double[] xr, double[] xi, double[] p, Sums s) {
        final double[] s2r = s.re2.clone();
        final double[] s2i = s.im2.clone();
        final double half = 0.5 * h;
        final double fSquared = f * f;
        blocks.run((b, from, to) -> {
            for (int i = from; i < to; i++) {
                int v = value[i];
                double qr = xr[i] * xr[i] - xi[i] * xi[i];
                double qi = 2 * xr[i] * xi[i];
                double force = -fSquared * (qi * s2r[v] - qr * s2i[v]);
                p[i] = decay * p[i] + half * force;
            }
        });
    }

    // ------------------------------------------------------------------ copy events

    private void copyEvents(Couplings c, double time, double h, UniformRandomProvider rng) {
        if (!rule.copying()) return;
        candidates.start(c, h, rng, listSize);
        for (int p; (p = candidates.next()) >= 0; ) {
            int a = c.first[p];
            int b = c.second[p];
            if (listSize[a] == 0 || listSize[b] == 0) continue;
            int i = lists[a][rng.nextInt(listSize[a])];
            int j = lists[b][rng.nextInt(listSize[b])];
            // sin(φ_I − φ_J + δ) = Im[z_I conj(z_J) e^{iδ}]
            double wr = zr[i] * zr[j] + zi[i] * zi[j];
            double wi = zi[i] * zr[j] - zr[i] * zi[j];
            double s = rule.sine(wr, wi, Math.sin(c.phase[p]), Math.cos(c.phase[p]));
            int copier = s > 0 ? j : i;
            int source = s > 0 ? i : j;
            if (!mayCopy(copier) || rng.nextDouble() >= Math.abs(s)) continue;
            copy(copier, source, time + candidates.elapsed());
            candidates.recount(listSize);
        }
    }

    /** Spectators never copy; under the paper's literal rule anyone copies while its class has more than its spectators. */
    private boolean mayCopy(int member) {
        if (rule.spectatorCopy() == CopyRule.SpectatorCopy.LITERAL) return listSize[value[member]] > spectatorsPerValue;
        return !spectator[member];
    }

    /** The copier takes the source's value, phase and momentum; the class sums follow. */
    private void copy(int copier, int source, double when) {
        int from = value[copier];
        int to = value[source];
        double before = Math.atan2(zi[copier], zr[copier]);
        sums.re[from] -= zr[copier];
        sums.im[from] -= zi[copier];
        sums.re[to] += zr[source];
        sums.im[to] += zi[source];
        if (momentum != null) {
            sums.re2[from] -= zr[copier] * zr[copier] - zi[copier] * zi[copier];
            sums.im2[from] -= 2 * zr[copier] * zi[copier];
            sums.re2[to] += zr[source] * zr[source] - zi[source] * zi[source];
            sums.im2[to] += 2 * zr[source] * zi[source];
            momentum[copier] = momentum[source];
        }
        remove(from, copier);
        add(to, copier);
        value[copier] = to;
        zr[copier] = zr[source];
        zi[copier] = zi[source];
        copies++;
        if (listener != null) listener.copied(when, copier, source, from, to, before, Math.atan2(zi[source], zr[source]));
    }
}
