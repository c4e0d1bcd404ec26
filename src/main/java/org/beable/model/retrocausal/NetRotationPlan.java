package org.beable.model.retrocausal;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.OutcomeSpace;
import org.beable.model.RealFunction;
import org.beable.model.sampling.AliasTable;

/**
 * The singlet measured once on each side under the {@link Convention#NET} or
 * {@link Convention#MIRROR} convention: an outcome pair o needs the net rotation
 * α + β ≡ δ_o (mod 2π), and its weight is (W_A ∗ W_B)₂π(δ_o) ({@link PairKernel}).
 *
 * <h2>The measure on histories</h2>
 * A history is (α, β, o) with weight W_A(α) W_B(β) on α + β ≡ δ_o. It is sampled in order: o with
 * probability ∝ K(δ_o); the direction u of α on the grid with probability ∝ W_A₂π(u) W_B₂π(δ_o − u)
 * (the integrand of the convolution); then the windings of α (end direction u) and of β (end
 * direction δ_o − u) from W_A and W_B ({@link Windings}). The initial direction s plays no part in
 * these conventions: the spins are drawn at s and s + π with s uniform, independent of the settings.
 *
 * <h2>The response</h2>
 * Given α and β the outcome pair is the one whose δ_o is nearest to α + β on the circle; pairs that
 * need the same angle (net: A B̄ and Ā B both need θ) share it equally. The response depends on
 * θ = b − a, both settings: these conventions are not local at the level of the rotations.
 */
final class NetRotationPlan implements CombinationPlan {
    private static final double TIE = 1e-9;

    private final Convention convention;
    private final Weight weightA;
    private final Weight weightB;
    private final PeriodicGrid gridA;
    private final PeriodicGrid gridB;
    private final SpinExperiment spins;
    private final int slotA;
    private final int slotB;
    private final double theta;
    private final OutcomeSpace space;
    private final double[] probabilities;
    private final AliasTable outcomes;
    /** Per joint outcome (index oa·2 + ob): the grid distribution of α's end direction. */
    private final AliasTable[] directions = new AliasTable[4];

    NetRotationPlan(Convention convention, Weight weightA, Weight weightB, PeriodicGrid gridA, PeriodicGrid gridB,
                    PairKernel kernel, SpinExperiment spins, int combination) {
        this.convention = convention;
        this.weightA = weightA;
        this.weightB = weightB;
        this.gridA = gridA;
        this.gridB = gridB;
        this.spins = spins;
        int[] slots = pairSlots(spins, convention);
        this.slotA = slots[0];
        this.slotB = slots[1];
        for (int slot : slots) {
            if (!spins.fires(combination, slot)) {
                throw new IllegalArgumentException("convention = " + convention + " needs both spins measured, but detector "
                        + spins.detectorName(slot) + " does not measure at " + spins.experiment.settings().describe(combination));
            }
        }
        this.theta = theta(spins, slotA, slotB, combination);
        this.space = spins.experiment.outcomes(combination);
        double[] j = new double[space.size()];
        double total = 0;
        for (int joint = 0; joint < j.length; joint++) {
            int[] o = space.decode(joint);
            j[joint] = kernel.at(convention.required(o[slotA], o[slotB], theta));
            total += j[joint];
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("under these weights no net rotation reaches the detectors' directions at "
                    + spins.experiment.settings().describe(combination) + ": W_A ∗ W_B is 0 at every angle they demand");
        }
        for (int joint = 0; joint < j.length; joint++) j[joint] /= total;
        this.probabilities = j;
        this.outcomes = new AliasTable(j);
    }

    /** The slots of A (the first system's spin) and B: the singlet measured once on each side, or an error saying why not. */
    static int[] pairSlots(SpinExperiment spins, Convention convention) {
        boolean singlet = spins.particles == 2 && spins.free[0] && spins.free[1];
        if (!singlet || spins.chains[0].length != 1 || spins.chains[1].length != 1) {
            throw new IllegalArgumentException("convention = " + convention + " is defined for the singlet measured once on each"
                    + " side (an outcome pair needs a net rotation of both spins); this experiment has " + spins.source
                    + (singlet ? " with " + spins.chains[0].length + " and " + spins.chains[1].length + " measurements" : "")
                    + "; use convention = geometry (the default) for it");
        }
        return new int[] {spins.chains[0][0], spins.chains[1][0]};
    }

    /** θ = b − a, each direction taken back through the ordinary rotations of its spin before the measurement. */
    static double theta(SpinExperiment spins, int slotA, int slotB, int combination) {
        double a = spins.direction(combination, slotA) - spins.slotTurn[slotA];
        double b = spins.direction(combination, slotB) - spins.slotTurn[slotB];
        return b - a;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public int draw(UniformRandomProvider rng, double[] start, double[] rotation, int[] outcome) {
        int joint = outcomes.sample(rng);
        int[] o = space.decode(joint);
        double delta = convention.required(o[slotA], o[slotB], theta);
        int j = directionTable(o[slotA] * 2 + o[slotB], delta).sample(rng);
        double u = WindingSum.reduce(gridA.point(j));
        double v = WindingSum.reduce(delta - gridA.point(j));
        rotation[slotA] = Windings.rotation(weightA, u, weightA.periodic(u), rng);
        rotation[slotB] = Windings.rotation(weightB, v, weightB.periodic(v), rng);
        double s = 2 * Math.PI * rng.nextDouble();
        start[0] = s + spins.start[0];
        start[1] = s + spins.start[1];
        outcome[slotA] = o[slotA];
        outcome[slotB] = o[slotB];
        return joint;
    }

    private synchronized AliasTable directionTable(int pair, double delta) {
        if (directions[pair] == null) {
            double[] b = gridB.shifted(delta);                 // W_B₂π(δ − u_j)
            double[] p = new double[b.length];
            double total = 0;
            for (int j = 0; j < p.length; j++) {
                p[j] = gridA.periodicAt(j) * b[j];
                total += p[j];
            }
            for (int j = 0; j < p.length; j++) p[j] /= total;
            directions[pair] = new AliasTable(p);
        }
        return directions[pair];
    }

    /** s plays no part: given s, the outcomes are distributed as without it. */
    @Override
    public double[] givenInitial(double s) {
        return probabilities();
    }

    /** s is uniform whatever the settings. */
    @Override
    public double initialDensity(double s, RealFunction density) {
        return 1 / (2 * Math.PI);
    }

    /** P(o | settings, α, β): the outcome pair whose δ_o is nearest to α + β (ties shared). */
    static double[] response(SpinExperiment spins, Convention convention, int combination, double[] rotation) {
        int[] slots = pairSlots(spins, convention);
        OutcomeSpace space = spins.experiment.outcomes(combination);
        double theta = theta(spins, slots[0], slots[1], combination);
        double net = rotation[slots[0]] + rotation[slots[1]];
        double[] distance = new double[space.size()];
        double nearest = Double.POSITIVE_INFINITY;
        for (int joint = 0; joint < distance.length; joint++) {
            int[] o = space.decode(joint);
            distance[joint] = Math.abs(WindingSum.reduce(net - convention.required(o[slots[0]], o[slots[1]], theta)));
            nearest = Math.min(nearest, distance[joint]);
        }
        double[] p = new double[distance.length];
        int ties = 0;
        for (double d : distance) if (d <= nearest + TIE) ties++;
        for (int joint = 0; joint < p.length; joint++) if (distance[joint] <= nearest + TIE) p[joint] = 1.0 / ties;
        return p;
    }
}
