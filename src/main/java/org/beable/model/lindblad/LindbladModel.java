package org.beable.model.lindblad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.model.Beables;
import org.beable.model.BornRule;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.quantum.CMatrix;

/**
 * Quantum mechanics of an open system: between preparation and detection the state follows the
 * Lindblad master equation dρ/dt = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}) — decoherence,
 * or the ensemble average of a collapse or jump process — and measurements are Lüders updates.
 *
 * <p>When the equation acts:
 * <ul>
 * <li>for the model's {@code time}, right after preparation and before the experiment's first
 *     step, with the model's H. The time defaults to 0 (the preparation reaches the first step
 *     undisturbed), so that the jumps act only during `evolve` steps unless the user says how
 *     long the state waits.</li>
 * <li>during each `evolve H' for t'` step, for t', with H + H' as Hamiltonian and the same jumps.
 *     H and the jumps describe the system's own dynamics and its environment, which do not switch
 *     off while the experiment drives it; the step's H' is an extra term (a field, a coupling),
 *     and independent contributions to the energy add. So without jumps this model is standard
 *     quantum mechanics with H running for {@code time} and then alongside every step.</li>
 * <li>measurements are instantaneous: no time passes between two measure steps unless an
 *     `evolve` step says so.</li>
 * </ul>
 *
 * <p>λ is the prepared state, as for {@code quantum}: a point mass whatever the settings, and the
 * response is the Born rule of the evolved state ({@link BornRule} with this model's evolution of
 * `evolve` steps, so several measure steps and `none` settings behave exactly as there). Locality
 * verdicts are therefore those of quantum mechanics for the decohered state.
 *
 * <p>Numerics, exact to rounding in every dimension: without jumps the unitary exp(−iHt); with
 * jumps up to d = 8 (three qubits) the exponential of the d² × d² superoperator, built once and
 * then applied to each state at O(d⁴); beyond, the action of that exponential on ρ by a scaled
 * Taylor series (Al-Mohy–Higham), which never forms the superoperator (see
 * {@link Propagators#EXACT_UP_TO}). Both have truncation errors below unit roundoff: against
 * closed forms, an independent Runge–Kutta solution and scipy's expm_multiply on QuTiP's
 * Liouvillian the differences are 1e-16 to 1e-14, up to 2e-13 for rates times time of several
 * hundred. Propagators are kept per model and duration and shared by every branch and setting
 * combination.
 */
public final class LindbladModel implements OntologicalModel {
    public static final String NAME = "lindblad";
    public static final String STATE = "state";

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }

        @Override public String summary() {
            return "open-system quantum mechanics: the Lindblad master equation between preparation and detection; λ is the state";
        }

        @Override public List<ModelParameter> parameters() {
            return List.of(
                    new ModelParameter("H", ModelParameter.Kind.OPERATOR, null,
                            "the Hamiltonian, an operator on all declared systems; not set: zero"),
                    new ModelParameter("jumps", ModelParameter.Kind.OPERATORS, List.of(),
                            "the jump operators L_k, e.g. [sqrt(g) * Z]; rates go inside them"),
                    new ModelParameter("time", ModelParameter.Kind.NUMBER, 0.0,
                            "how long the master equation acts between preparation and the first step (≥ 0)"));
        }

        @Override public OntologicalModel create(ModelArguments arguments) {
            List<CMatrix> jumps = operators(arguments.list("jumps"));
            Object h = arguments.get("H");
            if (h != null && !(h instanceof CMatrix)) {
                throw new IllegalArgumentException("lindblad: H must be an operator (a matrix), got " + h);
            }
            CMatrix hamiltonian = (CMatrix) h;
            double time = arguments.number("time");
            if (hamiltonian == null && jumps.isEmpty()) return new LindbladModel(time);
            if (hamiltonian == null) hamiltonian = CMatrix.zeros(jumps.get(0).rows, jumps.get(0).rows);
            return new LindbladModel(hamiltonian, jumps, time);
        }

        private List<CMatrix> operators(List<?> values) {
            List<CMatrix> jumps = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                if (!(values.get(k) instanceof CMatrix)) {
                    throw new IllegalArgumentException("lindblad: jump " + (k + 1) + " of " + values.size()
                            + " must be an operator (a matrix), got " + values.get(k));
                }
                jumps.add((CMatrix) values.get(k));
            }
            return jumps;
        }
    };

    /** Steps of a trajectory closer than this (relative to the time) are the same step. */
    private static final double SAME_STEP = 1e-14;

    /** H and the jumps; null for a model given neither (the bare name `lindblad` in a script). */
    private final LindbladGenerator generator;
    private final double time;
    /** The model's propagators; for a model without operators, those of H = 0 on the last dimension asked for. */
    private final AtomicReference<Propagators> propagators = new AtomicReference<>();
    /** The last prepared state and what the model's time made of it (λ is the same state every trial). */
    private final AtomicReference<CMatrix[]> lastDecohered = new AtomicReference<>();

    /**
     * @param hamiltonian d × d, Hermitian
     * @param jumps       d × d each, rates included (√γ L); may be empty
     * @param time        how long the equation acts before the experiment's first step, ≥ 0
     * @throws IllegalArgumentException with a plain sentence if the operators are not square, of
     *                                  one dimension, finite, H Hermitian, or the time is negative
     */
    public LindbladModel(CMatrix hamiltonian, List<CMatrix> jumps, double time) {
        this.generator = LindbladGenerator.of(hamiltonian, jumps);
        this.time = checkedTime(time);
        this.propagators.set(new Propagators(generator));
    }

    /**
     * A model given no operators: H = 0 and no jumps on whatever systems the experiment declares,
     * so it is standard quantum mechanics. The interpreter builds every model once without
     * parameters (the bare name `lindblad`), which is why this exists rather than an error.
     */
    private LindbladModel(double time) {
        this.generator = null;
        this.time = checkedTime(time);
    }

    private static double checkedTime(double time) {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("lindblad: time must be a finite number ≥ 0, got " + time);
        }
        return time;
    }

    @Override public String name() { return NAME; }
    @Override public List<String> beables() { return List.of(STATE); }

    /** H as used (made exactly Hermitian); empty for a model given no operators. */
    public Optional<CMatrix> hamiltonian() { return generator == null ? Optional.empty() : Optional.of(generator.hamiltonian()); }
    public List<CMatrix> jumps() { return generator == null ? List.of() : generator.jumps(); }
    public double time() { return time; }
    /** The dimension the operators act on; empty for a model given no operators (it fits any). */
    public OptionalInt dimension() { return generator == null ? OptionalInt.empty() : OptionalInt.of(generator.dimension()); }

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        return Beables.of(STATE, experiment.preparedState());
    }

    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        return distribution(experiment, combination, (CMatrix) hidden.get(STATE));
    }

    /** λ is the prepared state, whatever the settings: one value, with probability 1. */
    @Override
    public Optional<List<WeightedHidden>> hiddenSupport(Experiment experiment, int combination) {
        return Optional.of(List.of(new WeightedHidden(Beables.of(STATE, experiment.preparedState()), 1)));
    }

    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        return Optional.of(distribution(experiment, combination, experiment.preparedState()));
    }

    private double[] distribution(Experiment experiment, int combination, CMatrix prepared) {
        Propagators on = propagatorsFor(experiment.layout().dimension(), "the systems of experiment '" + experiment.name() + "'");
        // An `evolve H' for t'` step: the master equation with H + H' for t'.
        BornRule.StepEvolution steps = (step, rho) -> on.over(step.hamiltonian(), step.time()).apply(rho);
        return BornRule.distribution(experiment, combination, decohered(on, prepared), steps);
    }

    private CMatrix decohered(Propagators on, CMatrix prepared) {
        CMatrix[] last = lastDecohered.get();
        if (last != null && (last[0] == prepared || last[0].equals(prepared))) return last[1];
        CMatrix evolved = on.over(null, time).apply(prepared);
        lastDecohered.set(new CMatrix[] {prepared, evolved});
        return evolved;
    }

    /** The propagators for states of dimension d, which must be the operators' dimension if there are operators. */
    private Propagators propagatorsFor(int d, String what) {
        if (generator != null) {
            if (d != generator.dimension()) {
                throw new IllegalArgumentException("lindblad: H and the jumps act on dimension " + generator.dimension()
                        + " but " + what + " have dimension " + d);
            }
            return propagators.get();
        }
        Propagators known = propagators.get();
        if (known != null && known.dimension() == d) return known;
        Propagators fresh = new Propagators(LindbladGenerator.of(CMatrix.zeros(d, d), List.of()));
        propagators.set(fresh);
        return fresh;
    }

    /**
     * ρ under the model's own master equation (H and the jumps, no experiment) at each of the
     * given times, which must be ascending and ≥ 0; times equally spaced share one propagator.
     */
    public List<CMatrix> trajectory(CMatrix rho0, double... times) {
        if (!rho0.isSquare()) {
            throw new IllegalArgumentException("lindblad: a trajectory starts from a density matrix, got " + rho0.rows + "x" + rho0.cols);
        }
        Propagators on = propagatorsFor(rho0.rows, "the state's systems");
        List<CMatrix> states = new ArrayList<>(times.length);
        CMatrix rho = rho0;
        double now = 0;
        double step = Double.NaN;
        for (double t : times) {
            if (!(t >= now) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("lindblad: trajectory times must be finite, ≥ 0 and ascending; got " + org.beable.format.Numbers.format(t) + " after " + org.beable.format.Numbers.format(now));
            }
            // Equal spacing written in decimals differs in the last bits (0.3 − 0.2 ≠ 0.1); such
            // a step is the previous one, not a new exponential.
            double next = t - now;
            if (!(Math.abs(next - step) <= SAME_STEP * Math.max(1, t))) step = next;
            rho = on.over(null, step).apply(rho);
            states.add(rho);
            now = t;
        }
        return states;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
