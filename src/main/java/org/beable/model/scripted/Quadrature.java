package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Adaptive Gauss–Kronrod (7–15) quadrature of a vector-valued function on [a, b] that
 * locates the function's jumps instead of grinding them down.
 *
 * <p>Every evaluation returns, besides the vector, a <em>signature</em>: a hash of the discrete
 * structure of the point (which outcome each deterministic rule gave, which outcomes a drawn
 * rule can give, which side of a support boundary the point is on). Where the signature is
 * the same the function is smooth (constant, for deterministic rules), so Gauss–Kronrod
 * converges fast; where two neighbouring points of a panel (its ends and its 15 nodes)
 * differ, the change is located by bisection to (nearly) adjacent doubles and the panel is
 * split there. A response that is piecewise constant in λ — {@code sign(cos(a − λ))} — is
 * then integrated exactly between its jumps. Smooth panels are refined globally, as in
 * QUADPACK's QAG: the panel with the largest Kronrod–Gauss difference is halved until the
 * differences sum to at most the tolerance, which copes with the square-root behaviour an
 * outer integral has where an inner jump appears (a tangency). Commons Math has no Kronrod
 * rule and no vector integrands, hence this class.
 *
 * <p>A point where the integrand fails (a rule giving a value that is not an outcome, a
 * parameter out of range) is not yet an error: {@code sign(b·λ)} is 0 on a great circle that a
 * node such as z = −2/3 may hit exactly, a set of measure zero that sampling never meets.
 * Such a point gets its own signature, so it is cut out like a jump; a panel that fails at
 * every point — a failure on a set of positive measure — rethrows the failure. An enclosing
 * integral sees an inner one that rethrew as a failing point of its own.
 *
 * <p>Rounding makes structure noisy near a tangency (there {@code b·λ} rounds to exactly 0
 * on a stretch of φ, and whether an inner integral fails flips from one double to the next).
 * So the work spent on tiny panels is bounded by what they can change: a panel narrower than
 * the remaining <em>allowance</em> — a sixteenth of the tolerance per call, what panels of
 * that total width can change in an integrand bounded by 1, a probability — is taken at its
 * midpoint (nothing where it fails), its width times the larger of 1 and that value counted
 * in {@link #unresolved} (so an integrand that blows up, 1/x near 0, shows), and its width
 * taken off the allowance. A failing stretch narrower than the allowance is thereby dropped.
 *
 * <p>A feature narrower than the spacing of the first panels' points, with the same
 * signature at every point, can be missed: the first pass uses {@link #PANELS} panels of 17
 * points each.
 *
 * <p>An instance holds the workspace for one level of nesting: it is reused by consecutive
 * calls, never by two at once (a nested integral uses the next level's instance).
 */
final class Quadrature {

    /** The function and its signature at x; writes the value into {@code value}. */
    @FunctionalInterface
    interface Integrand {
        long at(double x, double[] value);
    }

    /** Told of every panel the integral is made of, left to right (a density table is built on them). */
    @FunctionalInterface
    interface Panels {
        void accepted(double a, double b);
    }

    /** Counts evaluations for the caller's budget. */
    @FunctionalInterface
    interface Budget {
        void spend();
    }

    /** An error that no change of panels can avoid: it always propagates. */
    static final class Unresolvable extends IllegalArgumentException {
        Unresolvable(String message) {
            super(message);
        }
    }

    /** The signature of a point where the integrand failed. */
    static final long FAILED = 0x0BAD_F00D_DEAD_BEEFL;

    static final int PANELS = 24;
    private static final int MAX_HALVINGS = 48;
    /**
     * Changes of structure located in one call, at most. More means the structure is noise — a
     * comparison such as x² + y² < r² flipping with rounding along a whole circle — which is a
     * failure of this integral, cut out of an enclosing one when it happens on a set of measure
     * zero there.
     */
    private static final int MAX_SPLITS = 1000;
    private static final int MAX_BISECTIONS = 200;

    // QUADPACK qk15: Kronrod abscissae (from the edge to the centre) and weights; every other one is Gauss's.
    private static final double[] XK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** A finished panel of the result, for the topology and the listener. */
    private record Piece(double a, double b, long signature) {}

    /** A smooth panel: its estimate, its error, and the signatures at its ends and centre. */
    private record Panel(double a, double b, long signatureA, long signatureB, long signatureCentre,
                         double[] estimate, double error, int halvings) {}

    private final int width;
    private final double[][] values = new double[15][];
    private final long[] signatures = new long[15];
    private final double[] nodes = new double[15];
    private final double[] probe;
    private final Budget budget;
    private Panels panels = (a, b) -> { };

    // The call in progress.
    private Integrand f;
    private double[] sum;
    private PriorityQueue<Panel> queue;
    private List<Piece> finished;              // every panel of the result
    private double queuedError;
    private double unresolved;
    private int splits;
    private double resolution;                 // a located jump is pinned to within this
    private double allowance;                  // total width of panels that may still be taken crudely
    private IllegalArgumentException failure;  // the last failure at a point, rethrown if a whole panel fails

    Quadrature(int width, Budget budget) {
        this.width = width;
        this.budget = budget;
        for (int i = 0; i < 15; i++) values[i] = new double[width];
        this.probe = new double[width];
    }

    Quadrature onAccept(Panels listener) {
        this.panels = listener;
        return this;
    }

    /**
     * ∫_a^b f into {@code out} (overwritten), to an absolute accuracy of about
     * {@code tolerance} per component. Returns the topology of the integrand: a hash of the
     * sequence of signatures met from a to b, which changes where the structure does (for an
     * outer integral of this one).
     */
    long integrate(Integrand integrand, double a, double b, double tolerance, double[] out) {
        f = integrand;
        sum = out;
        Arrays.fill(out, 0);
        queue = new PriorityQueue<>(Comparator.comparingDouble((Panel p) -> p.error).reversed());
        finished = new ArrayList<>();
        queuedError = 0;
        unresolved = 0;
        splits = 0;
        failure = null;
        if (!(b > a)) return Signatures.EMPTY;
        resolution = (b - a) * 0x1p-56;
        allowance = tolerance / 16;
        double[] edges = new double[PANELS + 1];
        long[] edgeSignatures = new long[PANELS + 1];
        for (int i = 0; i <= PANELS; i++) {
            edges[i] = i == PANELS ? b : a + (b - a) * i / PANELS;
            edgeSignatures[i] = evaluate(edges[i], probe);
        }
        for (int i = 0; i < PANELS; i++) examine(edges[i], edges[i + 1], edgeSignatures[i], edgeSignatures[i + 1], 0);
        while (queuedError > tolerance && !queue.isEmpty()) {
            Panel worst = queue.poll();
            queuedError -= worst.error;
            double centre = 0.5 * (worst.a + worst.b);
            if (worst.halvings >= MAX_HALVINGS || !(centre > worst.a && centre < worst.b)) {
                finish(worst);
                unresolved += worst.error;
                continue;
            }
            examine(worst.a, centre, worst.signatureA, worst.signatureCentre, worst.halvings + 1);
            examine(centre, worst.b, worst.signatureCentre, worst.signatureB, worst.halvings + 1);
        }
        for (Panel p : queue) finish(p);
        queue = null;
        return topology();
    }

    /** The error estimate of panels accepted without reaching the tolerance, and of crude ones, in the last call. */
    double unresolved() {
        return unresolved;
    }

    private long evaluate(double x, double[] value) {
        budget.spend();
        try {
            return f.at(x, value);
        } catch (Unresolvable e) {
            throw e;
        } catch (IllegalArgumentException e) {
            failure = e;
            Arrays.fill(value, Double.NaN);
            return FAILED;
        }
    }

    /** Evaluates a panel: splits it at a change of structure, or queues its Gauss–Kronrod estimate. */
    private void examine(double a, double b, long signatureA, long signatureB, int halvings) {
        if (!(b > a)) return;
        if (b - a <= allowance) {
            crude(a, b);
            return;
        }
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        for (int j = 0; j < 7; j++) {
            nodes[j] = centre - half * XK[j];
            nodes[14 - j] = centre + half * XK[j];
        }
        nodes[7] = centre;
        for (int i = 0; i < 15; i++) signatures[i] = evaluate(nodes[i], values[i]);

        long previous = signatureA;
        double previousX = a;
        for (int i = 0; i <= 15; i++) {
            long s = i < 15 ? signatures[i] : signatureB;
            double x = i < 15 ? nodes[i] : b;
            if (s != previous) {
                split(a, b, signatureA, signatureB, previousX, previous, x, s, halvings);
                return;
            }
            previous = s;
            previousX = x;
        }
        if (signatureA == FAILED) throw failure;   // fails throughout, and wider than the allowance

        double[] estimate = new double[width];
        double error = 0;
        for (int k = 0; k < width; k++) {
            double kronrod = WK[7] * values[7][k];
            double gauss = WG[3] * values[7][k];
            for (int j = 0; j < 7; j++) {
                double pair = values[j][k] + values[14 - j][k];
                kronrod += WK[j] * pair;
                if ((j & 1) == 1) gauss += WG[j / 2] * pair;
            }
            error = Math.max(error, Math.abs(kronrod - gauss) * half);
            estimate[k] = kronrod * half;
        }
        Panel panel = new Panel(a, b, signatureA, signatureB, signatures[7], estimate, error, halvings);
        if (error == 0) {
            finish(panel);
        } else {
            queue.add(panel);
            queuedError += error;
        }
    }

    /** The structure changes between l and r: bisect to adjacent doubles, then examine each side on its own. */
    private void split(double a, double b, long signatureA, long signatureB, double l, long signatureL, double r, long signatureR,
                       int halvings) {
        if (++splits > MAX_SPLITS) {
            throw new IllegalArgumentException("the response changes more than " + MAX_SPLITS + " times on one interval of a hidden"
                    + " variable, too often to integrate exactly; use run to sample it");
        }
        for (int k = 0; k < MAX_BISECTIONS; k++) {
            double m = l + 0.5 * (r - l);
            if (!(m > l && m < r) || r - l <= resolution) break;
            long s = evaluate(m, probe);
            if (s == signatureL) {
                l = m;
            } else {
                r = m;
                signatureR = s;
            }
        }
        examine(a, l, signatureA, signatureL, halvings);
        examine(r, b, signatureR, signatureB, halvings);
    }

    /** A panel too narrow to matter: its midpoint value times its width, the width counted as error. */
    private void crude(double a, double b) {
        double w = b - a;
        allowance -= w;
        if (evaluate(0.5 * (a + b), probe) == FAILED) {
            unresolved += w;
            return;
        }
        double largest = 1;                 // a probability's bound; more where the integrand is larger
        for (int k = 0; k < width; k++) {
            sum[k] += probe[k] * w;
            largest = Math.max(largest, Math.abs(probe[k]));
        }
        unresolved += w * largest;
    }

    private void finish(Panel p) {
        for (int k = 0; k < width; k++) sum[k] += p.estimate[k];
        finished.add(new Piece(p.a, p.b, p.signatureA));
    }

    /** Hash of the signatures of the finished panels from left to right, each run of equal ones counted once; tells the listener. */
    private long topology() {
        finished.sort(Comparator.comparingDouble(Piece::a));
        long topology = Signatures.EMPTY;
        long last = 0;
        boolean started = false;
        for (Piece p : finished) {
            if (!started || p.signature != last) topology = Signatures.mix(topology, p.signature);
            last = p.signature;
            started = true;
            panels.accepted(p.a, p.b);
        }
        finished = null;
        return topology;
    }
}
