package org.beable.model.retrocausal;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.OutcomeSpace;
import org.beable.model.sampling.AliasTable;

/**
 * The histories of one setting combination: their exact outcome probabilities, and a sampler
 * of whole histories (s, the rotations, the outcomes).
 *
 * <h2>The measure on histories</h2>
 * A history is the initial direction s (when the source leaves it free), one anomalous rotation
 * per interval between a spin's boundaries, and the outcomes. Its weight is ρ(s) Π W(α). Each
 * boundary fixes where its rotation ends, up to whole turns, so summing the windings turns
 * every W(α) into the winding sum W₂π(x) of the angle x the spin must turn:
 * <pre>  J(o) = ∫ ds ρ(s) Π_links W₂π(x_link(s, o))</pre>
 * Only the first boundary of a spin that starts at s depends on s; every later link turns from
 * one outcome direction to the next and is a constant of the settings. The probabilities are
 * J(o) / Σ_o J(o).
 *
 * <p>With the Lorentzian and a uniform s the s-integral is closed: for the two spins of the
 * singlet ∫ W₂π(x_A − s) W₂π(x_B − s) ds is the winding sum of W∗W (a Lorentzian of width
 * 2γ) at x_B − x_A; for one spin it is ∫W, the same for both outcomes. Otherwise it is the
 * trapezoidal sum on the {@link PeriodicGrid}.
 *
 * <h2>Sampling a history</h2>
 * The two outcome directions of a boundary differ by π, and W₂π(x) + W₂π(x + π) is π-periodic,
 * so summed over its own outcome each link no longer depends on where the spin came from. The
 * history measure therefore factorises into a forward process, sampled in order:
 * <ol>
 * <li>s from ρ(s) Π_p Q(x_p(s)), Q(x) = W₂π(x) + W₂π(x + π), over the spins starting at s
 *     whose first boundary is set (at most two): here the future settings shape the past. For
 *     the Lorentzian with a uniform s, Q is a wrapped Cauchy density of width 2γ in 2s, and a
 *     product of two of them is drawn by rejection from their mixture, accepting at least half
 *     the proposals; otherwise s is a point of the grid, drawn with those weights;</li>
 * <li>along each spin, each boundary's outcome with probability ∝ W₂π(x) of the angle to turn,
 *     then the rotation's winding ({@link Windings}); the spin then points along the outcome;</li>
 * <li>a spin with no boundary after its last rotation turns freely: α drawn from W.</li>
 * </ol>
 * The outcome is then what {@link #response} says of the history, so `run` checks `predict`.
 */
final class HistoryPlan implements CombinationPlan {
    private static final double TWO_PI = 2 * Math.PI;

    /** Each spin's weight W (W_A for the first system's, W_B for the second's). */
    private final Weight[] weights;
    /** Each spin's grid, all of one size (null in closed form). */
    private final PeriodicGrid[] grids;
    /** The grid of s (the first spin's; every spin's grid has the same points and density). */
    private final PeriodicGrid grid;
    private final boolean exact;
    private final SpinExperiment spins;
    private final int combination;
    private final OutcomeSpace space;

    /** Whether a slot is the first boundary of a spin starting at s. */
    private final boolean[] firstFree;
    /** For such a slot, the angle its rotation must turn for outcome 0 is target − s. */
    private final double[] target;
    /** Those slots (at most two), in slot order. */
    private final int[] freeSlots;
    /** For every other boundary, the angle to turn when its outcome equals the previous one's (x for parity 0). */
    private final double[] turn;
    /** W₂π of that angle, [slot][parity]: parity 1 when the outcome differs from the previous one. */
    private final double[][] link;
    /** The previous boundary slot of the same spin, or −1. */
    private final int[] previous;
    /** Grid mode: W₂π(target − s_j) for each free slot. */
    private final double[][] tables;
    /** Grid mode: the grid point of s. */
    private final AliasTable initial;
    private final double[] probabilities;
    /** ∫ ds ρ(s) Π_f Q_f(s), the normaliser of the density of s (in the units of {@link #initialDensity}). */
    private final double initialNorm;
    /** Exact mode: cosh c − 1 = 2 sinh²(c/2) for c = 2γ, the same for every history. */
    private final double coshMinusOne;

    HistoryPlan(Weight[] weights, PeriodicGrid[] grids, boolean exact, SpinExperiment spins, int combination) {
        this.weights = weights;
        this.grids = grids;
        this.grid = grids == null ? null : grids[0];
        this.exact = exact;
        this.coshMinusOne = exact ? coshMinusOne(2 * ((Weight.Lorentzian) weights[0]).gamma()) : Double.NaN;
        this.spins = spins;
        this.combination = combination;
        this.space = spins.experiment.outcomes(combination);
        int slots = spins.slots();
        this.firstFree = new boolean[slots];
        this.target = new double[slots];
        this.turn = new double[slots];
        this.link = new double[slots][];
        this.previous = new int[slots];
        java.util.Arrays.fill(previous, -1);
        int free = 0;
        int[] freeSlotList = new int[2];
        for (int p = 0; p < spins.particles; p++) {
            int last = -1;
            double turned = 0;
            for (int slot : spins.chains[p]) {
                turned += spins.slotTurn[slot];
                if (!spins.fires(combination, slot)) continue;
                double direction = spins.direction(combination, slot);
                previous[slot] = last;
                if (last < 0 && spins.free[p]) {
                    firstFree[slot] = true;
                    target[slot] = direction - spins.start[p] - turned;
                    freeSlotList[free++] = slot;
                } else {
                    double from = last < 0 ? spins.start[p] : spins.direction(combination, last);
                    turn[slot] = WindingSum.reduce(direction - from - turned);
                    link[slot] = new double[] {weights[p].periodic(turn[slot]), weights[p].periodic(turn[slot] + Math.PI)};
                }
                last = slot;
                turned = 0;
            }
        }
        this.freeSlots = java.util.Arrays.copyOf(freeSlotList, free);
        if (exact) {
            this.tables = null;
            this.initial = null;
        } else {
            this.tables = new double[free][];
            for (int f = 0; f < free; f++) tables[f] = grids[spins.slotParticle[freeSlots[f]]].shifted(target[freeSlots[f]]);
            this.initial = spins.hasFree ? initialTable() : null;
        }
        this.probabilities = predict();
        this.initialNorm = spins.hasFree ? initialNorm() : 1;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    // ------------------------------------------------------------------ exact probabilities

    private double[] predict() {
        double[] j = new double[space.size()];
        double total = 0;
        for (int joint = 0; joint < j.length; joint++) {
            int[] outcome = space.decode(joint);
            double weightOfOutcome = initialIntegral(outcome);
            for (int slot = 0; slot < outcome.length && weightOfOutcome > 0; slot++) {
                if (link[slot] == null || outcome[slot] == OutcomeSpace.NO_OUTCOME) continue;
                int before = previous[slot] < 0 ? 0 : outcome[previous[slot]];
                weightOfOutcome *= link[slot][outcome[slot] ^ before];
            }
            j[joint] = weightOfOutcome;
            total += weightOfOutcome;
        }
        if (!(total > 0) || Double.isInfinite(total)) throw impossible();
        for (int joint = 0; joint < j.length; joint++) j[joint] /= total;
        return j;
    }

    /** ∫ ds ρ(s) Π over the free slots of W₂π(target + oπ − s), up to a factor common to all outcomes. */
    private double initialIntegral(int[] outcome) {
        if (freeSlots.length == 0) return 1;
        if (exact) {
            if (freeSlots.length == 1) return 1;                       // ∫ W₂π = ∫W for either outcome
            int a = freeSlots[0];
            int b = freeSlots[1];
            double delta = target[b] + outcome[b] * Math.PI - target[a] - outcome[a] * Math.PI;
            return Weight.Lorentzian.sum(delta, 2 * ((Weight.Lorentzian) weights[0]).gamma());   // W∗W is Lorentzian(2γ)
        }
        int m = grid.size();
        double[] density = grid.density();
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double term = density == null ? 1 : density[j];
            for (int f = 0; f < freeSlots.length; f++) term *= tables[f][(j + outcome[freeSlots[f]] * m / 2) % m];
            sum += term;
        }
        return sum;
    }

    private IllegalArgumentException impossible() {
        return new IllegalArgumentException("under this weight no history reaches the detectors' directions at "
                + spins.experiment.settings().describe(combination) + " (every history has weight 0): W must give some weight"
                + " to every rotation a measurement can demand");
    }

    /** Grid mode: s_j drawn ∝ ρ(s_j) Π_f Q_f(s_j). */
    private AliasTable initialTable() {
        int m = grid.size();
        double[] density = grid.density();
        double[] p = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double term = density == null ? 1 : density[j];
            for (double[] table : tables) term *= table[j] + table[(j + m / 2) % m];
            p[j] = term;
            total += term;
        }
        if (!(total > 0) || Double.isInfinite(total)) throw impossible();
        for (int j = 0; j < m; j++) p[j] /= total;
        return new AliasTable(p);
    }

    // ------------------------------------------------------------------ given s alone

    /**
     * P(o | settings, s): the rotations averaged over, given the initial direction. The history
     * measure factorises along each spin (class comment), so this is the product over boundaries
     * of W₂π(x_o) / (W₂π(x_0) + W₂π(x_1)): each outcome depends on its own spin's settings and s only.
     */
    @Override
    public double[] givenInitial(double s) {
        double[] p = new double[space.size()];
        for (int joint = 0; joint < p.length; joint++) {
            int[] outcome = space.decode(joint);
            double product = 1;
            for (int slot = 0; slot < outcome.length; slot++) {
                if (outcome[slot] == OutcomeSpace.NO_OUTCOME) continue;
                double w0;
                double w1;
                if (firstFree[slot]) {
                    double x = target[slot] - s;
                    Weight weight = weights[spins.slotParticle[slot]];
                    w0 = weight.periodic(x);
                    w1 = weight.periodic(x + Math.PI);
                    product *= (outcome[slot] == 0 ? w0 : w1) / (w0 + w1);
                } else {
                    int before = previous[slot] < 0 ? 0 : outcome[previous[slot]];
                    w0 = link[slot][before];
                    w1 = link[slot][before ^ 1];
                    product *= (outcome[slot] == 0 ? w0 : w1) / (w0 + w1);
                }
            }
            p[joint] = product;
        }
        return p;
    }

    /** The density of the initial direction s under these settings, ρ(s) Π_f Q_f(s) normalised on [0, 2π). */
    @Override
    public double initialDensity(double s, org.beable.model.RealFunction density) {
        double value = density == null ? 1 : density.apply(WindingSum.reduce(s) + (WindingSum.reduce(s) < 0 ? 2 * Math.PI : 0));
        for (int slot : freeSlots) {
            Weight weight = weights[spins.slotParticle[slot]];
            value *= weight.periodic(target[slot] - s) + weight.periodic(target[slot] - s + Math.PI);
        }
        return value / initialNorm;
    }

    private double initialNorm() {
        if (exact) {
            double gamma = ((Weight.Lorentzian) weights[0]).gamma();
            if (freeSlots.length == 0) return 2 * Math.PI;
            if (freeSlots.length == 1) return 2 * Math.PI / gamma;            // ∫Q = 2∫W
            double sum = 0;                                                    // Σ_o ∫ W₂π W₂π = Σ_o (2π/γ) W₂π of width 2γ
            for (int oa = 0; oa < 2; oa++) {
                for (int ob = 0; ob < 2; ob++) {
                    double delta = target[freeSlots[1]] + ob * Math.PI - target[freeSlots[0]] - oa * Math.PI;
                    sum += 2 * Math.PI / gamma * Weight.Lorentzian.sum(delta, 2 * gamma);
                }
            }
            return sum;
        }
        int m = grid.size();
        double[] density = grid.density();
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double term = density == null ? 1 : density[j];
            for (double[] table : tables) term *= table[j] + table[(j + m / 2) % m];
            sum += term;
        }
        return sum * 2 * Math.PI / m;
    }

    // ------------------------------------------------------------------ sampling histories

    /**
     * Draws one history: each spin's initial direction into {@code start}, each slot's rotation
     * into {@code rotation}, each slot's outcome (or NO_OUTCOME) into {@code outcome}; returns the
     * joint outcome.
     */
    @Override
    public int draw(UniformRandomProvider rng, double[] start, double[] rotation, int[] outcome) {
        double s = 0;
        int point = -1;
        if (spins.hasFree) {
            if (exact) {
                s = exactInitial(rng);
            } else {
                point = initial.sample(rng);
                s = grid.point(point);
            }
        }
        for (int p = 0; p < spins.particles; p++) {
            start[p] = spins.free[p] ? s + spins.start[p] : spins.start[p];
            int before = 0;
            int freeSlot = -1;
            for (int slot : spins.chains[p]) {
                rotation[slot] = 0;
                if (!spins.fires(combination, slot)) {
                    outcome[slot] = OutcomeSpace.NO_OUTCOME;
                    if (freeSlot < 0) freeSlot = slot;
                    continue;
                }
                freeSlot = -1;
                double x0;
                double w0;
                double w1;
                if (firstFree[slot]) {
                    x0 = WindingSum.reduce(target[slot] - s);
                    if (exact) {
                        w0 = weights[p].periodic(x0);
                        w1 = weights[p].periodic(x0 + Math.PI);
                    } else {
                        double[] table = tables[slot == freeSlots[0] ? 0 : 1];
                        w0 = table[point];
                        w1 = table[(point + grid.size() / 2) % grid.size()];
                    }
                    before = 0;
                } else {
                    x0 = turn[slot];
                    w0 = link[slot][before];
                    w1 = link[slot][before ^ 1];
                }
                int o = rng.nextDouble() * (w0 + w1) < w0 ? 0 : 1;
                double x = WindingSum.reduce(x0 + ((o ^ before) == 0 ? 0 : Math.PI));
                rotation[slot] = Windings.rotation(weights[p], x, o == 0 ? w0 : w1, rng);
                outcome[slot] = o;
                before = o;
            }
            if (freeSlot >= 0) rotation[freeSlot] = Windings.free(weights[p], grids == null ? null : grids[p], rng);
        }
        return space.encode(outcome);
    }

    /** s for the Lorentzian and a uniform s, exactly (step 1 of the class comment). */
    private double exactInitial(UniformRandomProvider rng) {
        double c = 2 * ((Weight.Lorentzian) weights[0]).gamma();
        double y;
        if (freeSlots.length == 0) {
            return TWO_PI * rng.nextDouble();
        } else if (freeSlots.length == 1) {
            y = 2 * target[freeSlots[0]] + c * Math.tan(Math.PI * (rng.nextDouble() - 0.5));
        } else {
            y = productOfWrappedCauchy(2 * target[freeSlots[0]], 2 * target[freeSlots[1]], c, coshMinusOne, rng);
        }
        return WindingSum.reduce(y / 2) + (rng.nextBoolean() ? Math.PI : 0);
    }

    /**
     * y on the circle with density ∝ 1 / ((cosh c − cos(y − μ₁))(cosh c − cos(y − μ₂))). With
     * A, B the two factors, 1/(AB) = (1/A + 1/B)/(A + B) and A + B ≥ 2(cosh c − |cos((μ₁ − μ₂)/2)|)
     * = L; so propose from the equal mixture of the two wrapped Cauchy densities 1/A and 1/B and
     * accept with probability L/(A + B). The acceptance rate is cosh c / (cosh c + |cos((μ₁ − μ₂)/2)|) ≥ ½.
     * {@code base} is cosh c − 1, which the plan computes once.
     */
    static double productOfWrappedCauchy(double mu1, double mu2, double c, double base, UniformRandomProvider rng) {
        double w = WindingSum.reduce((mu1 - mu2) / 2);
        if (w > Math.PI / 2) w -= Math.PI;
        if (w < -Math.PI / 2) w += Math.PI;
        double sinQuarter = Math.sin(w / 2);
        double bound = 2 * (base + 2 * sinQuarter * sinQuarter);  // L = 2(cosh c − |cos(δ/2)|)
        while (true) {
            double mu = rng.nextBoolean() ? mu1 : mu2;
            double y = mu + c * Math.tan(Math.PI * (rng.nextDouble() - 0.5));
            double sa = Math.sin((y - mu1) / 2);
            double sb = Math.sin((y - mu2) / 2);
            double sum = 2 * base + 2 * (sa * sa + sb * sb);     // A + B
            if (rng.nextDouble() * sum <= bound) return y;
        }
    }

    /** cosh c − 1 as 2 sinh²(c/2), without the cancellation of the difference. */
    private static double coshMinusOne(double c) {
        double sinhHalf = StrictHyperbolic.sinh(c / 2);
        return 2 * sinhHalf * sinhHalf;
    }

    // ------------------------------------------------------------------ the response

    /**
     * P(o | s, λ) for any history λ, also one of probability zero under these settings: each spin
     * starts at its initial direction, turns by its ordinary and anomalous rotations, and at a
     * boundary the outcome is the detector direction it ends nearer to (outcome 0 on a tie); the
     * spin then points along that outcome. On the histories the model samples the spin ends
     * exactly on a detector direction; elsewhere this reads the outcome off where it ends.
     * The outcomes depend only on the spin's own detector settings: the response is local.
     */
    static double[] response(SpinExperiment spins, int combination, double[] start, double[] rotation) {
        if (start.length != spins.particles || rotation.length != spins.slots()) {
            throw new IllegalArgumentException("a history of the retrocausal model has " + spins.particles + " spins and "
                    + spins.slots() + " rotations for this experiment, got " + start.length + " and " + rotation.length);
        }
        int[] outcome = new int[spins.slots()];
        for (int p = 0; p < spins.particles; p++) {
            double d = start[p];
            for (int slot : spins.chains[p]) {
                d += spins.slotTurn[slot] + rotation[slot];
                if (!spins.fires(combination, slot)) {
                    outcome[slot] = OutcomeSpace.NO_OUTCOME;
                    continue;
                }
                double direction = spins.direction(combination, slot);
                int o = Math.cos(d - direction) >= 0 ? 0 : 1;
                outcome[slot] = o;
                d = direction + o * Math.PI;
            }
        }
        double[] p = new double[spins.experiment.outcomes(combination).size()];
        p[spins.experiment.outcomes(combination).encode(outcome)] = 1;
        return p;
    }
}
