package org.beable.model.ensemble;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Every member's value a_I and phase φ_I (and momentum π_I under the phase-alignment dynamics).
 *
 * <h2>Phases</h2>
 * Eq 40 with the sum over members of other values: φ̇_I = ω_{a_I} + Σ_{J: a_J ≠ a_I}
 * R cos(φ_I − φ_J + δ) / √(n_I n_J). The sum over the members of value b is
 * Re[e^{iφ_I} e^{iδ_ab} conj(S_b)] with S_b = Σ_{J∈b} e^{iφ_J}, so with per-class sums the phase
 * law costs O(1) per member: φ̇_I = ω_a + cos φ_I · A_a − sin φ_I · B_a. Each step is the midpoint
 * rule (substeps where small classes make the coupling fast). Members keep z_I = e^{iφ_I},
 * turned by e^{iΔ} from a short series for small Δ and re-evaluated from φ_I every
 * {@link #RESYNC} steps, so the hot loops need no trigonometry.
 *
 * <p>Phase alignment (§3.2, f set): φ̇_I = Ω_I + π_I and
 * π̇_I = −∂/∂φ_I (f²/2) Σ_I Σ_{J∈a_I} sin²(φ_I − φ_J) − γ π_I = −f² Σ_{J∈a_I} sin 2(φ_I − φ_J) − γ π_I
 * = −f² Im[z_I² conj(S2_a)] − γ π_I with S2_a = Σ_{J∈a} z_J², integrated kick–drift–kick with the
 * friction as an exact decay.
 *
 * <h2>Copy events</h2>
 * Thinning in continuous time: candidates on the pair {a, b} arrive at the bound 2R√(n_a n_b)
 * (recomputed after each event); a candidate picks I uniformly among the members of a and J
 * among those of b, and with θ = φ_I(u) − φ_J(u) + δ_ab (phases interpolated within the step) it
 * is accepted with probability |sin θ|: J copies I if sin θ > 0, I copies J otherwise. So
 * member J of value b copies member I of value a at exactly 2R sin⁺(φ_I − φ_J + δ_ab)/√(n_a n_b),
 * the copied member's phase first. The copier takes the copied member's value, phase (and
 * momentum). Spectators never copy: a candidate whose copier is one is rejected.
 *
 * <p>The member loops run over fixed blocks ({@link Blocks}); class sums are added up block by
 * block in a fixed order and the copy events are drawn on one thread, so results do not depend
 * on the thread count.
 */
final class MemberEnsemble implements Ensemble {
    /** Steps between exact re-evaluations of e^{iφ_I}. */
    static final int RESYNC = 32;

    /** A copy event, for `track`. */
    interface Listener {
        void copied(double time, int copier, int source, int fromValue, int toValue, double phaseBefore, double phaseAfter);
    }

    private final int size;
    private final int classes;
    private final int[] value;
    private final boolean[] spectator;
    private double[] phi;
    private double[] zr;
    private double[] zi;
    private double[] phiNext;
    private double[] zrNext;
    private double[] ziNext;
    private final double[] phiMid;
    private final double[] zrMid;
    private final double[] ziMid;
    private final double[] phiStart;
    private final double[] momentum;
    private final double f;
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
    private final double[] sumRe;
    private final double[] sumIm;
    private final double[] sum2Re;
    private final double[] sum2Im;
    private boolean sumsValid;
    private final double[] coefA;
    private final double[] coefB;
    private final double[] scratch;
    private double[] bound = new double[0];

    private long copies;
    private long steps;
    private Listener listener;
    private UniformRandomProvider samplerSource;
    private ZigguratSampler.Exponential exponential;

    MemberEnsemble(EnsembleState state, EnsembleOptions options, int threads) {
        this.classes = state.classes();
        this.value = state.values();
        this.size = value.length;
        this.spectator = state.spectators();
        this.phi = state.phases();
        this.momentum = options.phaseAlignment() ? (state.hasMomenta() ? state.momenta() : new double[size]) : null;
        this.f = options.phaseAlignment() ? options.f() : 0;
        this.damping = options.damping();
        this.spectatorsPerValue = state.spectatorsPerValue();
        this.zr = new double[size];
        this.zi = new double[size];
        for (int i = 0; i < size; i++) {
            zr[i] = Math.cos(phi[i]);
            zi[i] = Math.sin(phi[i]);
        }
        this.phiNext = new double[size];
        this.zrNext = new double[size];
        this.ziNext = new double[size];
        this.phiMid = new double[size];
        this.zrMid = new double[size];
        this.ziMid = new double[size];
        this.phiStart = new double[size];
        this.lists = new int[classes][];
        this.listSize = new int[classes];
        this.position = new int[size];
        for (int a = 0; a < classes; a++) lists[a] = new int[(int) Math.max(16, state.count(a))];
        for (int i = 0; i < size; i++) add(value[i], i);
        this.blocks = new Blocks(size, threads);
        this.blockRe = new double[blocks.count][classes];
        this.blockIm = new double[blocks.count][classes];
        this.blockRe2 = momentum != null ? new double[blocks.count][classes] : null;
        this.blockIm2 = momentum != null ? new double[blocks.count][classes] : null;
        this.sumRe = new double[classes];
        this.sumIm = new double[classes];
        this.sum2Re = new double[classes];
        this.sum2Im = new double[classes];
        this.coefA = new double[classes];
        this.coefB = new double[classes];
        this.scratch = new double[classes];
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
    double memberPhase(int member) { return phi[member]; }

    @Override
    public double phase(int v) {
        sums();
        return listSize[v] == 0 ? 0 : Math.atan2(sumIm[v], sumRe[v]);
    }

    @Override
    public double spread(int v) {
        sums();
        int n = listSize[v];
        if (n < 2) return 0;
        double r = Math.min(1, Math.hypot(sumRe[v], sumIm[v]) / n);
        return r <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(-2 * Math.log(r));
    }

    @Override
    public EnsembleState state() {
        return EnsembleState.ofMembers(classes, value, phi, momentum, spectator, spectatorsPerValue);
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

    /** S_a (and S2_a) from the members' current z, added up block by block. */
    private void sums() {
        if (sumsValid) return;
        blocks.run((b, from, to) -> {
            double[] re = blockRe[b];
            double[] im = blockIm[b];
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = from; i < to; i++) {
                int v = value[i];
                re[v] += zr[i];
                im[v] += zi[i];
            }
            if (momentum != null) accumulateSquares(b, from, to, zr, zi);
        });
        reduce();
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

    private void reduce() {
        java.util.Arrays.fill(sumRe, 0);
        java.util.Arrays.fill(sumIm, 0);
        java.util.Arrays.fill(sum2Re, 0);
        java.util.Arrays.fill(sum2Im, 0);
        for (int b = 0; b < blocks.count; b++) {
            for (int v = 0; v < classes; v++) {
                sumRe[v] += blockRe[b][v];
                sumIm[v] += blockIm[b][v];
                if (momentum != null) {
                    sum2Re[v] += blockRe2[b][v];
                    sum2Im[v] += blockIm2[b][v];
                }
            }
        }
        sumsValid = true;
    }

    /** A_a, B_a of φ̇_I = ω_a + cos φ_I A_a − sin φ_I B_a, from the current sums. */
    private void coefficients(Couplings c) {
        java.util.Arrays.fill(coefA, 0);
        java.util.Arrays.fill(coefB, 0);
        for (int p = 0; p < c.pairs(); p++) {
            int a = c.first[p];
            int b = c.second[p];
            if (listSize[a] == 0 || listSize[b] == 0) continue;
            double k = c.strength[p] / Math.sqrt((double) listSize[a] * listSize[b]);
            double cos = Math.cos(c.phase[p]);
            double sin = Math.sin(c.phase[p]);
            // For a: e^{iδ} conj(S_b); for b: e^{−iδ} conj(S_a).
            coefA[a] += k * (cos * sumRe[b] + sin * sumIm[b]);
            coefB[a] += k * (sin * sumRe[b] - cos * sumIm[b]);
            coefA[b] += k * (cos * sumRe[a] - sin * sumIm[a]);
            coefB[b] += k * (-sin * sumRe[a] - cos * sumIm[a]);
        }
    }

    // ------------------------------------------------------------------ one step

    @Override
    public void step(Couplings c, double time, double h, UniformRandomProvider rng) {
        System.arraycopy(phi, 0, phiStart, 0, size);
        sums();
        int m = substeps(c, h);
        double sub = h / m;
        for (int k = 0; k < m; k++) phaseStep(c, sub);
        steps++;
        copyEvents(c, time, h, rng);
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

    /** One midpoint step of the phases (and a kick–drift–kick of the momenta under phase alignment). */
    private void phaseStep(Couplings c, double h) {
        final double[] omega = c.omega;
        final boolean align = momentum != null;
        final double decay = align ? Math.exp(-0.5 * damping * h) : 1;
        final double fSquared = f * f;
        if (align) kick(h, decay, fSquared, zr, zi);
        coefficients(c);
        final double[] a0 = coefA.clone();
        final double[] b0 = coefB.clone();
        blocks.run((b, from, to) -> {
            double[] re = blockRe[b];
            double[] im = blockIm[b];
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = from; i < to; i++) {
                int v = value[i];
                double rate = omega[v] + zr[i] * a0[v] - zi[i] * b0[v];
                if (align) rate += momentum[i];
                double d = 0.5 * h * rate;
                phiMid[i] = phi[i] + d;
                double cos;
                double sin;
                double d2 = d * d;
                if (d2 < 1e-3) {
                    cos = 1 - 0.5 * d2 * (1 - d2 / 12 * (1 - d2 / 30));
                    sin = d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)));
                } else {
                    cos = Math.cos(d);
                    sin = Math.sin(d);
                }
                double xr = zr[i] * cos - zi[i] * sin;
                double xi = zr[i] * sin + zi[i] * cos;
                zrMid[i] = xr;
                ziMid[i] = xi;
                re[v] += xr;
                im[v] += xi;
            }
        });
        sumsValid = false;
        reduce();
        coefficients(c);
        final double[] a1 = coefA.clone();
        final double[] b1 = coefB.clone();
        final boolean resync = steps % RESYNC == RESYNC - 1;
        final double[] nextPhi = phiNext;
        final double[] nextRe = zrNext;
        final double[] nextIm = ziNext;
        blocks.run((b, from, to) -> {
            double[] re = blockRe[b];
            double[] im = blockIm[b];
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = from; i < to; i++) {
                int v = value[i];
                double rate = omega[v] + zrMid[i] * a1[v] - ziMid[i] * b1[v];
                if (align) rate += momentum[i];
                double d = h * rate;
                double p = phi[i] + d;
                nextPhi[i] = p;
                double xr;
                double xi;
                if (resync) {
                    xr = Math.cos(p);
                    xi = Math.sin(p);
                } else {
                    double cos;
                    double sin;
                    double d2 = d * d;
                    if (d2 < 1e-3) {
                        cos = 1 - 0.5 * d2 * (1 - d2 / 12 * (1 - d2 / 30));
                        sin = d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)));
                    } else {
                        cos = Math.cos(d);
                        sin = Math.sin(d);
                    }
                    xr = zr[i] * cos - zi[i] * sin;
                    xi = zr[i] * sin + zi[i] * cos;
                }
                nextRe[i] = xr;
                nextIm[i] = xi;
                re[v] += xr;
                im[v] += xi;
            }
            if (align) accumulateSquares(b, from, to, nextRe, nextIm);
        });
        swap();
        reduce();
        if (align) kick(h, decay, fSquared, zr, zi);
    }

    /** Half a step of π̇ = −f² Im[z² conj(S2)] − γπ at the current phases (S2 must be current). */
    private void kick(double h, double decay, double fSquared, double[] xr, double[] xi) {
        final double[] s2r = sum2Re.clone();
        final double[] s2i = sum2Im.clone();
        final double half = 0.5 * h;
        blocks.run((b, from, to) -> {
            for (int i = from; i < to; i++) {
                int v = value[i];
                double qr = xr[i] * xr[i] - xi[i] * xi[i];
                double qi = 2 * xr[i] * xi[i];
                double force = -fSquared * (qi * s2r[v] - qr * s2i[v]);
                momentum[i] = decay * momentum[i] + half * force;
            }
        });
    }

    private void swap() {
        double[] t = phi;
        phi = phiNext;
        phiNext = t;
        t = zr;
        zr = zrNext;
        zrNext = t;
        t = zi;
        zi = ziNext;
        ziNext = t;
    }

    // ------------------------------------------------------------------ copy events

    private void copyEvents(Couplings c, double time, double h, UniformRandomProvider rng) {
        if (rng != samplerSource) {
            exponential = ZigguratSampler.Exponential.of(rng);
            samplerSource = rng;
        }
        int pairs = c.pairs();
        if (bound.length < pairs) bound = new double[pairs];
        double total = bounds(c);
        double u = 0;
        while (total > 0) {
            u += exponential.sample() / total;
            if (u >= h) break;
            double pick = rng.nextDouble() * total;
            int p = 0;
            while (p < pairs - 1 && (pick -= bound[p]) >= 0) p++;
            int a = c.first[p];
            int b = c.second[p];
            if (listSize[a] == 0 || listSize[b] == 0) continue;
            int i = lists[a][rng.nextInt(listSize[a])];
            int j = lists[b][rng.nextInt(listSize[b])];
            double fraction = u / h;
            double phaseI = phiStart[i] + fraction * (phi[i] - phiStart[i]);
            double phaseJ = phiStart[j] + fraction * (phi[j] - phiStart[j]);
            double s = Math.sin(phaseI - phaseJ + c.phase[p]);
            int copier = s > 0 ? j : i;
            int source = s > 0 ? i : j;
            if (spectator[copier] || rng.nextDouble() >= Math.abs(s)) continue;
            copy(copier, source, time + u, fraction);
            total = bounds(c);
        }
    }

    /** The copier takes the source's value, phase and momentum; the class sums follow. */
    private void copy(int copier, int source, double when, double fraction) {
        int from = value[copier];
        int to = value[source];
        double before = phiStart[copier] + fraction * (phi[copier] - phiStart[copier]);
        sumRe[from] -= zr[copier];
        sumIm[from] -= zi[copier];
        sumRe[to] += zr[source];
        sumIm[to] += zi[source];
        if (momentum != null) {
            sum2Re[from] -= zr[copier] * zr[copier] - zi[copier] * zi[copier];
            sum2Im[from] -= 2 * zr[copier] * zi[copier];
            sum2Re[to] += zr[source] * zr[source] - zi[source] * zi[source];
            sum2Im[to] += 2 * zr[source] * zi[source];
            momentum[copier] = momentum[source];
        }
        remove(from, copier);
        add(to, copier);
        value[copier] = to;
        phi[copier] = phi[source];
        phiStart[copier] = phiStart[source];
        zr[copier] = zr[source];
        zi[copier] = zi[source];
        copies++;
        if (listener != null) {
            listener.copied(when, copier, source, from, to, before, phiStart[source] + fraction * (phi[source] - phiStart[source]));
        }
    }

    private double bounds(Couplings c) {
        double total = 0;
        for (int p = 0; p < c.pairs(); p++) {
            bound[p] = 2 * c.strength[p] * Math.sqrt((double) listSize[c.first[p]] * listSize[c.second[p]]);
            total += bound[p];
        }
        return total;
    }
}
