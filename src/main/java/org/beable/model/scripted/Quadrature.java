package org.beable.model.scripted;

import java.util.Arrays;

/**
 * Adaptive Gauss–Kronrod (7–15) quadrature of a vector-valued function on [a, b] that
 * locates the function's jumps instead of grinding them down.
 *
 * <p>Every evaluation returns, besides the vector, a <em>signature</em>: a hash of the discrete
 * structure of the point (which outcome each deterministic rule gave, which outcomes a drawn
 * rule can give, which side of a support boundary the point is on). Where the signature is
 * the same the function is smooth (constant, for deterministic rules), so Gauss–Kronrod
 * converges fast; where two neighbouring points of a panel (its ends and its 15 nodes)
 * differ, the change is located by bisection to adjacent doubles and the panel is split
 * there. A response that is piecewise constant in λ — {@code sign(cos(a − λ))} — is then
 * integrated exactly between its jumps. Commons Math has no Kronrod rule and no vector
 * integrands, hence this class.
 *
 * <p>A panel is accepted when the Kronrod–Gauss difference (max over components) is at most
 * {@code tolerance · width / (b − a)}; a panel that cannot get there by halving (a jump the
 * signature does not show, a singularity) is accepted at the halving limit and its estimated
 * error counted in {@link #unresolved}. A feature narrower than the spacing of the first
 * panels' points, with the same signature at every point, can be missed: the first pass
 * uses {@link #PANELS} panels of 17 points each.
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

    /** Told of every panel accepted, left to right (a density table is built on them). */
    @FunctionalInterface
    interface Panels {
        void accepted(double a, double b);
    }

    /** Counts evaluations for the caller's budget. */
    @FunctionalInterface
    interface Budget {
        void spend();
    }

    static final int PANELS = 24;
    private static final int MAX_HALVINGS = 48;
    private static final int MAX_SPLITS = 2000;
    private static final int MAX_BISECTIONS = 200;

    // QUADPACK qk15: Kronrod abscissae (descending from the edge to the centre) and weights; every other one is Gauss.
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
    private double tolerancePerLength;
    private long topology;
    private long lastSignature;
    private boolean started;
    private double unresolved;
    private int splits;
    private double resolution;   // a located jump is pinned to within this

    Quadrature(int width, Budget budget) {
        this.width = width;
        this.budget = budget;
        for (int i = 0; i < 15; i++) values[i] = new double[width];
        this.probe = new double[width];
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
        topology = Signatures.EMPTY;
        started = false;
        unresolved = 0;
        splits = 0;
        if (!(b > a)) return topology;
        tolerancePerLength = tolerance / (b - a);
        resolution = (b - a) * 0x1p-56;
        double[] edges = new double[PANELS + 1];
        long[] edgeSignatures = new long[PANELS + 1];
        for (int i = 0; i <= PANELS; i++) {
            edges[i] = i == PANELS ? b : a + (b - a) * i / PANELS;
            edgeSignatures[i] = evaluate(edges[i], probe);
        }
        for (int i = 0; i < PANELS; i++) panel(edges[i], edges[i + 1], edgeSignatures[i], edgeSignatures[i + 1], 0);
        return topology;
    }

    Quadrature onAccept(Panels listener) {
        this.panels = listener;
        return this;
    }

    /** The error estimate of panels accepted without reaching the tolerance, in the last call. */
    double unresolved() {
        return unresolved;
    }

    private long evaluate(double x, double[] value) {
        budget.spend();
        return f.at(x, value);
    }

    private void panel(double a, double b, long signatureA, long signatureB, int halvings) {
        if (!(b > a)) return;
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        for (int j = 0; j < 7; j++) {
            nodes[j] = centre - half * XK[j];
            nodes[14 - j] = centre + half * XK[j];
        }
        nodes[7] = centre;
        for (int i = 0; i < 15; i++) signatures[i] = evaluate(nodes[i], values[i]);

        // A change of structure between neighbours: find it and split there.
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

        // The same structure throughout: smooth, so Gauss–Kronrod.
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
            probe[k] = kronrod * half;
        }
        boolean converged = error <= tolerancePerLength * (b - a);
        if (converged || halvings >= MAX_HALVINGS || !(centre > a && centre < b)) {
            for (int k = 0; k < width; k++) sum[k] += probe[k];
            if (!converged) unresolved += error;
            note(signatureA);
            panels.accepted(a, b);
            return;
        }
        long middle = signatures[7];
        panel(a, centre, signatureA, middle, halvings + 1);
        panel(centre, b, middle, signatureB, halvings + 1);
    }

    /** The structure changes between l and r: bisect to adjacent doubles, then integrate each side on its own. */
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
        panel(a, l, signatureA, signatureL, halvings);
        panel(r, b, signatureR, signatureB, halvings);
    }

    private void note(long signature) {
        if (!started || signature != lastSignature) {
            topology = Signatures.mix(topology, signature);
            lastSignature = signature;
            started = true;
        }
    }
}
