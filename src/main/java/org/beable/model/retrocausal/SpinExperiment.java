package org.beable.model.retrocausal;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SystemLayout;

/**
 * An experiment as the retrocausal model sees it: spin vectors in the x–z plane, each with a
 * chain of boundary conditions (its measurements, in order), and a source that fixes where
 * the spins start.
 *
 * <p>Every system is a qubit whose spin vector points at an angle in the x–z plane of the
 * Bloch sphere (the angle of {@code spin(θ)}). The prepared state must be one of:
 * <ul>
 * <li>the singlet (|01⟩ − |10⟩)/√2: antiparallel spins at s and s + π, s unconstrained;</li>
 * <li>an unpolarised qubit I/2: one spin at s, s unconstrained;</li>
 * <li>a product of kets cos(d/2)|0⟩ + sin(d/2)|1⟩ (any phases): spins starting at the fixed
 *     directions d, as when Alice prepares along d and selects the +1 outcome.</li>
 * </ul>
 * A detector must measure a spin in the plane (two rank-one projectors onto antipodal Bloch
 * vectors); its outcome k is the spin ending at the angle of the k-th projector. An
 * {@code evolve} step must rotate each spin in the plane (a product of exp(−iφσ_y/2), up to a
 * phase): that is ordinary dynamics, which adds φ to the spin's direction, not an anomaly.
 */
final class SpinExperiment {
    private static final double TOLERANCE = 1e-9;
    /** How far a detector's Bloch vector may stray from the x–z plane (round-off of spin(θ)). */
    private static final double PLANE_TOLERANCE = 1e-7;

    final Experiment experiment;
    final int particles;
    /** The prepared state, in words: "the singlet", "an unpolarised spin", "spins along fixed directions". */
    final String source;
    /** Whether each particle starts at s + start[p] (s unconstrained) rather than at the fixed start[p]. */
    final boolean[] free;
    final double[] start;
    final boolean hasFree;
    final int[] slotParticle;
    /** Ordinary rotation of the slot's spin between its previous slot (or the preparation) and this slot. */
    final double[] slotTurn;
    /** Each particle's slots, in measuring order. */
    final int[][] chains;
    /** [combination][slot]: the direction of outcome 0, NaN where the detector does not measure. */
    private final double[][] directions;

    SpinExperiment(Experiment experiment) {
        this.experiment = experiment;
        SystemLayout layout = experiment.layout();
        this.particles = layout.size();
        if (particles == 0) throw new IllegalArgumentException("the experiment has no systems to measure");
        for (int p = 0; p < particles; p++) {
            if (layout.dim(p) != 2) {
                throw new IllegalArgumentException("system " + layout.name(p) + " has dimension " + layout.dim(p)
                        + "; the model describes spin-½ particles: declare it as a qubit");
            }
        }
        this.free = new boolean[particles];
        this.start = new double[particles];
        this.source = prepare(experiment.preparedState(), layout);
        boolean anyFree = false;
        for (boolean f : free) anyFree |= f;
        this.hasFree = anyFree;

        int[] slots = experiment.slots();
        this.slotParticle = new int[slots.length];
        this.slotTurn = new double[slots.length];
        double[] pending = new double[particles];
        int slot = 0;
        for (Step step : experiment.steps()) {
            if (step instanceof Step.Evolve evolve) {
                double[] turn = planeRotation(evolve.unitary(), layout);
                for (int p = 0; p < particles; p++) pending[p] += turn[p];
            } else {
                for (int d : ((Step.Measure) step).detectors()) {
                    int p = experiment.detectors().get(d).system();
                    slotParticle[slot] = p;
                    slotTurn[slot] = pending[p];
                    pending[p] = 0;
                    slot++;
                }
            }
        }
        List<List<Integer>> chainLists = new ArrayList<>();
        for (int p = 0; p < particles; p++) chainLists.add(new ArrayList<>());
        for (int k = 0; k < slots.length; k++) chainLists.get(slotParticle[k]).add(k);
        this.chains = new int[particles][];
        for (int p = 0; p < particles; p++) chains[p] = chainLists.get(p).stream().mapToInt(Integer::intValue).toArray();

        this.directions = new double[experiment.combinations()][slots.length];
        for (int c = 0; c < directions.length; c++) {
            for (int k = 0; k < slots.length; k++) {
                Measurement m = experiment.measurement(slots[k], c);
                directions[c][k] = m == null ? Double.NaN : direction(m, k, c);
            }
        }
    }

    int slots() {
        return slotParticle.length;
    }

    /** The direction of outcome 0 of a slot under a combination (outcome 1 is opposite), NaN if it does not measure. */
    double direction(int combination, int slot) {
        return directions[combination][slot];
    }

    boolean fires(int combination, int slot) {
        return !Double.isNaN(directions[combination][slot]);
    }

    String detectorName(int slot) {
        return experiment.slotDetector(slot).name();
    }

    // ------------------------------------------------------------------ the source

    private String prepare(CMatrix rho, SystemLayout layout) {
        if (particles == 2 && rho.maxAbsDifference(singlet()) <= TOLERANCE) {
            free[0] = true;
            free[1] = true;
            start[1] = Math.PI;
            return "the singlet: antiparallel spins at s and s + π";
        }
        if (particles == 1 && rho.maxAbsDifference(CMatrix.identity(2).scale(0.5)) <= TOLERANCE) {
            free[0] = true;
            return "an unpolarised spin at s";
        }
        double[] fixed = productDirections(rho, layout);
        if (fixed == null) {
            throw new IllegalArgumentException("cannot prepare this state: " + whyNot(rho, layout) + "; the model prepares the"
                    + " singlet (|01> - |10>)/sqrt(2) (antiparallel spins, direction unknown), an unpolarised spin I/2, or spins along"
                    + " fixed directions in the x–z plane (a product of kets cos(d/2)|0> + sin(d/2)|1>)");
        }
        System.arraycopy(fixed, 0, start, 0, particles);
        return "spins along fixed directions";
    }

    /** What is wrong with a state that is none of the three sources, in words. */
    private static String whyNot(CMatrix rho, SystemLayout layout) {
        for (int p = 0; p < layout.size(); p++) {
            CMatrix reduced = layout.partialTrace(rho, new int[] {p});
            double nx = 2 * reduced.re(0, 1);
            double ny = -2 * reduced.im(0, 1);
            double nz = reduced.re(0, 0) - reduced.re(1, 1);
            double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (Math.abs(length - 1) > TOLERANCE) {
                return "qubit " + layout.name(p) + " is " + (layout.size() > 1 ? "entangled with the others or " : "") + "in a mixed"
                        + " state (Bloch vector of length " + (float) length + ")" + (layout.size() == 2 ? ", and the pair is not the singlet" : "");
            }
            if (Math.abs(ny) > TOLERANCE) {
                return "qubit " + layout.name(p) + "'s spin points out of the x–z plane (Bloch vector y component " + (float) ny + ")";
            }
        }
        return "it is not a product of the qubits' states";
    }

    private static CMatrix singlet() {
        double h = Math.sqrt(0.5);
        return CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
    }

    /**
     * The direction of each qubit when ρ is a product of pure states in the x–z plane, else null.
     * The reduced state of each qubit gives its Bloch vector; ρ must equal their product.
     */
    static double[] productDirections(CMatrix rho, SystemLayout layout) {
        int n = layout.size();
        double[] angles = new double[n];
        CMatrix product = null;
        for (int p = 0; p < n; p++) {
            CMatrix reduced = layout.partialTrace(rho, new int[] {p});
            double nx = 2 * reduced.re(0, 1);
            double ny = -2 * reduced.im(0, 1);
            double nz = reduced.re(0, 0) - reduced.re(1, 1);
            if (Math.abs(ny) > TOLERANCE || Math.abs(Math.hypot(nx, nz) - 1) > TOLERANCE) return null;
            angles[p] = Math.atan2(nx, nz);
            CMatrix ket = org.beable.quantum.Spin.up(angles[p]).projector();
            product = product == null ? ket : product.kron(ket);
        }
        return rho.maxAbsDifference(product) <= TOLERANCE ? angles : null;
    }

    /**
     * The angle by which a unitary rotates each spin in the x–z plane, when it is a product of
     * rotations exp(−iφσ_y/2) up to a global phase; otherwise an error. U|0…0⟩ must be a product
     * of kets along the angles φ, and U must equal the product of those rotations up to a phase.
     */
    static double[] planeRotation(CMatrix u, SystemLayout layout) {
        int dimension = layout.dimension();
        double[] zero = new double[dimension];
        zero[0] = 1;
        CMatrix image = u.times(CMatrix.column(zero, null));
        double[] angles = productDirections(image.projector(), layout);
        if (angles != null) {
            CMatrix rotations = null;
            for (double phi : angles) {
                double c = Math.cos(phi / 2);
                double s = Math.sin(phi / 2);
                CMatrix r = CMatrix.of(new double[][] {{c, -s}, {s, c}}, null);
                rotations = rotations == null ? r : rotations.kron(r);
            }
            CMatrix rest = rotations.adjoint().times(u);
            CMatrix phase = CMatrix.identity(dimension).scale(rest.get(0, 0));
            if (Math.abs(rest.get(0, 0).abs() - 1) <= TOLERANCE && rest.maxAbsDifference(phase) <= TOLERANCE) return angles;
        }
        throw new IllegalArgumentException("no dynamics of its own: an `evolve` step may only rotate"
                + " each spin in the x–z plane (a Hamiltonian built from Y on each qubit, e.g. omega * Y / 2), and this one does not");
    }

    // ------------------------------------------------------------------ detectors

    /**
     * The angle of outcome 0 of a two-outcome spin measurement in the plane, from its projectors
     * P = (I + n·σ)/2: n_x = 2 Re P₀₁, n_y = −2 Im P₀₁, n_z = P₀₀ − P₁₁. Outcome 1 must point the
     * opposite way.
     */
    private double direction(Measurement m, int slot, int combination) {
        String detector = "detector " + detectorName(slot) + " (" + experiment.settings().describe(combination) + ")";
        if (m.outcomes() != 2) {
            throw new IllegalArgumentException(detector + " has " + m.outcomes() + " outcomes; the model needs"
                    + " spin measurements spin(θ) in the x–z plane, with outcomes +1 and -1");
        }
        double[] n0 = bloch(m.projectors()[0]);
        double[] n1 = bloch(m.projectors()[1]);
        for (double x : new double[] {n0[0], n0[1], n0[2], n1[0], n1[1], n1[2]}) {
            if (!Double.isFinite(x)) throw new IllegalArgumentException(detector + " has no finite angle; give it a finite number");
        }
        boolean pure = Math.abs(Math.sqrt(n0[0] * n0[0] + n0[1] * n0[1] + n0[2] * n0[2]) - 1) <= 1e-6;
        boolean opposite = Math.abs(n0[0] + n1[0]) + Math.abs(n0[1] + n1[1]) + Math.abs(n0[2] + n1[2]) <= 1e-6;
        if (!pure || !opposite) {
            throw new IllegalArgumentException(detector + " is not a spin measurement along one axis; the model"
                    + " needs spin(θ) in the x–z plane");
        }
        if (Math.abs(n0[1]) > PLANE_TOLERANCE) {
            throw new IllegalArgumentException(detector + " measures along a direction out of the x–z plane (its y component is "
                    + n0[1] + "); the model's spins live in that plane: use spin(θ)");
        }
        return Math.atan2(n0[0], n0[2]);
    }

    private static double[] bloch(CMatrix p) {
        return new double[] {2 * p.re(0, 1), -2 * p.im(0, 1), p.re(0, 0) - p.re(1, 1)};
    }
}
