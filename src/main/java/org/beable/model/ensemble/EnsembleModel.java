package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.format.DataTable;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.beable.random.RandomStreams;
import org.beable.random.StreamIds;

/**
 * Smolin's real-ensemble copy dynamics (docs/models/ensemble.md): the state describes N real,
 * similarly prepared members, each with a value a_I of the beable observable (the computational
 * basis) and a phase φ_I. Members change value only by copying another member's value and phase,
 * at a rate set by the phases and the occupations; phases turn continuously. Probabilities are
 * relative frequencies in the ensemble.
 *
 * <h2>As an ontological model</h2>
 * λ has two parts: `ensemble`, the prepared ensemble (every member's value and phase, an
 * {@link EnsembleState}; its distribution does not depend on the settings), and `copies`, the seed
 * of the copy events that follow. The response P(o | s, λ) evolves that ensemble under the
 * experiment for settings s with those copy events and returns the relative frequency of each
 * joint outcome among its members — defined for any ensemble and seed.
 *
 * <h2>Runs</h2>
 * Trials are not independent, so a run is made whole ({@link #runWhole}): one ensemble per
 * setting combination, each evolved from its own stream (seed, combination), every member read
 * once. A run's trials per combination are the members; with `members` unset the ensemble has as
 * many members as the experiment has trials. Under `choose random` or a rule, trial t reads the
 * next unread member of its combination's ensemble. At level = mean_field the ensemble is
 * infinite: `predict` gives its frequencies and `run` samples independent trials from them.
 */
public final class EnsembleModel implements OntologicalModel {
    public static final String NAME = "ensemble";
    /** λ part: the prepared ensemble, an {@link EnsembleState}. */
    public static final String ENSEMBLE = "ensemble";
    /** λ part: the seed (a Long) of the copy events. */
    public static final String COPIES = "copies";

    /** Stream id of `choose random` below a run's seed; combinations use their own index. */

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }

        @Override public String summary() {
            return "Smolin's real ensemble: N members copy each other's values at phase-dependent rates; probabilities are relative frequencies";
        }

        @Override public List<ModelParameter> parameters() {
            return List.of(
                    new ModelParameter("members", ModelParameter.Kind.NUMBER, null,
                            "N, the number of members (in a run: the experiment's trials per setting combination; in the ensemble functions: 100000)"),
                    new ModelParameter("dt", ModelParameter.Kind.NUMBER, null,
                            "the time step (not set: the largest that meets the accuracy)"),
                    new ModelParameter("accuracy", ModelParameter.Kind.NUMBER, null,
                            "the largest error the time stepping may add to any n_a/N (not set: 0.01/√N)"),
                    new ModelParameter("spectators", ModelParameter.Kind.NUMBER, 0.0,
                            "members per value that are never removed: the remedy for nodes"),
                    new ModelParameter("admixture", ModelParameter.Kind.NUMBER, 0.0,
                            "share of the members spread evenly over all values at preparation: the other remedy for nodes"),
                    new ModelParameter("level", ModelParameter.Kind.TEXT, "class",
                            "class (occupations and class phases), member (every member's value and phase) or mean_field (N → ∞)"),
                    new ModelParameter("scheme", ModelParameter.Kind.TEXT, "tau_leap",
                            "class level: tau_leap (midpoint, Poisson numbers of copies per step) or events (one copy at a time)"),
                    new ModelParameter("f", ModelParameter.Kind.NUMBER, null,
                            "phase-alignment frequency of §3.2, giving members phase momenta (member level; not set: eq 40 alone)"),
                    new ModelParameter("damping", ModelParameter.Kind.NUMBER, 0.0,
                            "friction γ on the phase momenta (with f)"),
                    new ModelParameter("spread", ModelParameter.Kind.NUMBER, 0.0,
                            "standard deviation of members' initial phases about their class phase, in radians (member level)"),
                    new ModelParameter("copying", ModelParameter.Kind.TEXT, "on",
                            "on, or off: no member copies, the phases still turn under H (the occupations stay as prepared)"),
                    new ModelParameter("copy_order", ModelParameter.Kind.TEXT, "resolved",
                            "the phase difference in the copy rate: resolved (the copied member's phase first) or literal (eq 39 as printed)"),
                    new ModelParameter("spectator_copy", ModelParameter.Kind.TEXT, "never",
                            "never (spectators never copy) or literal (anyone copies while its class keeps more than its spectators)"),
                    new ModelParameter("spectator_phase", ModelParameter.Kind.TEXT, "inflow",
                            "the phase of a value held only by spectators: inflow (the phase of the flow into it) or law (the phase law)"));
        }

        @Override public OntologicalModel create(ModelArguments arguments) {
            return new EnsembleModel(EnsembleOptions.of(arguments));
        }
    };

    private final EnsembleOptions options;
    private final Map<Experiment, Setup> setups = Collections.synchronizedMap(new WeakHashMap<>());

    EnsembleModel(EnsembleOptions options) {
        this.options = options;
    }

    EnsembleOptions options() { return options; }

    @Override public String name() { return NAME; }
    @Override public List<String> beables() { return List.of(ENSEMBLE, COPIES); }

    @Override
    public String toString() {
        return NAME;
    }

    /** An experiment as this model runs it: the plan, the ensemble size, the time step, warnings. */
    private record Setup(Plan plan, long members, double dt, List<String> warnings) {}

    private Setup setup(Experiment e) {
        Setup s = setups.get(e);
        if (s != null) return s;
        Plan plan = Plan.of(e);
        long members = options.membersFor(e.trials());
        checkSize(members);
        EnsembleState prepared = Preparation.classes(plan.psi, plan.firstHamiltonian, options, members);
        double dt = timeStep(plan.schedules, prepared, members);
        List<Segment> all = new ArrayList<>();
        plan.schedules.forEach(all::addAll);
        s = new Setup(plan, members, dt, Preparation.nodeWarnings(prepared.counts(), all, options.spectators()));
        setups.put(e, s);
        return s;
    }

    private void checkSize(long members) {
        if (options.level() == EnsembleOptions.Level.MEMBER && members > EnsembleOptions.MAX_MEMBER_LEVEL) {
            throw new IllegalArgumentException("an ensemble of " + members + " members is over the member-level limit of "
                    + EnsembleOptions.MAX_MEMBER_LEVEL + "; use level = class or fewer members");
        }
    }

    /** The node warnings for an experiment (empty when there are none). */
    public List<String> warnings(Experiment e) {
        return setup(e).warnings();
    }

    // ------------------------------------------------------------------ the time step

    /**
     * The step: the given dt if the scheme's estimated error is within the accuracy (otherwise an
     * error naming the largest safe step), or the largest safe step.
     */
    private double timeStep(List<List<Segment>> schedules, EnsembleState prepared, long members) {
        int size = prepared.classes();
        double[] rho = new double[size];
        double[] phi = prepared.classPhases();
        for (int a = 0; a < size; a++) rho[a] = (double) prepared.count(a) / members;
        double spectators = (double) options.spectators() / members;
        double accuracy = options.accuracyFor(members);
        double alignment = alignmentLimit(members);
        if (options.dt() != null) {
            double dt = options.dt();
            double error = 0;
            for (List<Segment> schedule : schedules) error = Math.max(error, StepSize.error(schedule, rho, phi, spectators, options.copyRule(), dt));
            if (error > accuracy) {
                double safe = Math.min(alignment, safe(schedules, rho, phi, spectators, options.copyRule(), accuracy));
                throw new IllegalArgumentException("the time step dt = " + Numbers.format(dt) + " is too large for accuracy "
                        + Numbers.format(accuracy) + (options.accuracy() == null ? " (0.01/√N, the default)" : "")
                        + ": the scheme's own error in n_a/N would reach about " + Numbers.format(error)
                        + "; the largest safe step is " + Numbers.format(StepSize.roundDown(safe))
                        + " (write dt = " + Numbers.format(StepSize.roundDown(safe)) + ", or leave dt out to have it chosen)");
            }
            if (dt > alignment) {
                throw new IllegalArgumentException("the time step dt = " + Numbers.format(dt) + " is too large for the phase-alignment"
                        + " dynamics: members oscillate about their class phase at up to f√(2N) = "
                        + Numbers.format(options.f() * Math.sqrt(2.0 * members)) + " per unit time; the largest safe step is "
                        + Numbers.format(StepSize.roundDown(alignment)) + " (write dt = " + Numbers.format(StepSize.roundDown(alignment))
                        + ", or leave dt out)");
            }
            return dt;
        }
        return Math.min(alignment, safe(schedules, rho, phi, spectators, options.copyRule(), accuracy));
    }

    private static double safe(List<List<Segment>> schedules, double[] rho, double[] phi, double spectators, CopyRule rule, double accuracy) {
        double safe = Double.POSITIVE_INFINITY;
        for (List<Segment> schedule : schedules) safe = Math.min(safe, StepSize.safe(schedule, rho, phi, spectators, rule, accuracy));
        return safe;
    }

    /** Under phase alignment a member oscillates about its class phase at up to f√(2N): 30 steps per period. */
    private double alignmentLimit(long members) {
        if (!options.phaseAlignment() || options.f() == 0) return Double.POSITIVE_INFINITY;
        return 0.2 / (options.f() * Math.sqrt(2.0 * members));
    }

    // ------------------------------------------------------------------ the ontological model

    @Override
    public Beables sampleHidden(Experiment experiment, int combination, UniformRandomProvider rng) {
        Setup s = setup(experiment);
        return hidden(prepare(s.plan.psi, s.plan.firstHamiltonian, s.members, rng), rng);
    }

    private static Beables hidden(EnsembleState state, UniformRandomProvider rng) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(ENSEMBLE, state);
        parts.put(COPIES, rng.nextLong());
        return new Beables(parts);
    }

    private EnsembleState prepare(CMatrix psi, CMatrix firstHamiltonian, long members, UniformRandomProvider rng) {
        return switch (options.level()) {
            case MEMBER -> Preparation.members(psi, firstHamiltonian, options, members, rng);
            case MEAN_FIELD -> Preparation.meanField(psi, firstHamiltonian, options, members);
            default -> Preparation.classes(psi, firstHamiltonian, options, members);
        };
    }

    @Override
    public double[] response(Experiment experiment, int combination, Beables hidden) {
        Setup s = setup(experiment);
        if (!(hidden.get(ENSEMBLE) instanceof EnsembleState state)) {
            throw new IllegalArgumentException("the ensemble model's λ needs an '" + ENSEMBLE + "' part holding an ensemble");
        }
        if (state.classes() != s.plan.size()) {
            throw new IllegalArgumentException("an ensemble over " + state.classes() + " values cannot run experiment '"
                    + experiment.name() + "', whose systems have dimension " + s.plan.size());
        }
        long copies = hidden.get(COPIES) instanceof Long seed ? seed : 0L;
        try (Ensemble ensemble = simulate(s, combination, state, copies, 1, Cancellation.none())) {
            return distribution(ensemble, s.plan.readouts[combination], experiment.outcomes(combination).size());
        }
    }

    /** The N → ∞ frequencies, at level = mean_field only; a finite ensemble has no closed form. */
    @Override
    public Optional<double[]> predict(Experiment experiment, int combination) {
        if (options.level() != EnsembleOptions.Level.MEAN_FIELD) return Optional.empty();
        Setup s = setup(experiment);
        EnsembleState state = Preparation.meanField(s.plan.psi, s.plan.firstHamiltonian, options, s.members);
        try (Ensemble ensemble = simulate(s, combination, state, 0, 1, Cancellation.none())) {
            return Optional.of(distribution(ensemble, s.plan.readouts[combination], experiment.outcomes(combination).size()));
        }
    }

    private static double[] distribution(Ensemble ensemble, int[] readout, int outcomes) {
        double[] p = new double[outcomes];
        for (int a = 0; a < readout.length; a++) p[readout[a]] += ensemble.frequency(a);
        return p;
    }

    private Ensemble simulate(Setup s, int combination, EnsembleState state, long copies, int threads, Cancellation cancel) {
        Ensemble ensemble = open(state, threads);
        try {
            Dynamics.run(ensemble, s.plan.schedules.get(combination), s.dt, RandomStreams.stream(copies), cancel, null);
        } catch (RuntimeException e) {
            ensemble.close();
            throw e;
        }
        return ensemble;
    }

    /** The ensemble this model's level evolves, from any state of the right size. */
    private Ensemble open(EnsembleState state, int threads) {
        switch (options.level()) {
            case MEAN_FIELD:
                return new MeanFieldEnsemble(state, options.copyRule());
            case MEMBER:
                return new MemberEnsemble(state.memberLevel() ? state : listed(state), options, threads);
            default:
                return new ClassEnsemble(state.memberLevel() ? EnsembleState.ofClasses(state.counts(), state.classPhases(),
                        state.spectatorsPerValue()) : state, options.scheme(), options.copyRule());
        }
    }

    /** A class-level state as members listed value by value, each with its class's phase. */
    private static EnsembleState listed(EnsembleState state) {
        int n = Math.toIntExact(state.members());
        int[] values = new int[n];
        double[] phases = new double[n];
        boolean[] spectator = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = state.value(i);
            phases[i] = state.phase(i);
            spectator[i] = state.isSpectator(i);
        }
        return EnsembleState.ofMembers(state.classes(), values, phases, null, spectator, state.spectatorsPerValue());
    }

    // ------------------------------------------------------------------ whole runs

    @Override
    public Optional<SampledRun> runWhole(Experiment experiment, long seed, int threads, Cancellation cancellation) {
        if (options.level() == EnsembleOptions.Level.MEAN_FIELD) return Optional.empty();
        Setup s = setup(experiment);
        int combinations = experiment.combinations();
        long members = s.members;
        boolean all = experiment.choice() instanceof SettingChoice.All;
        long total = all ? members * combinations : experiment.trials();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a run of " + total + " trials does not fit in memory; use fewer members or trials");
        }
        int[] trialCombination = new int[(int) total];
        Set<Integer> used = new HashSet<>();
        if (all) {
            for (int c = 0; c < combinations; c++) {
                java.util.Arrays.fill(trialCombination, (int) (c * members), (int) ((c + 1) * members), c);
                used.add(c);
            }
        } else {
            UniformRandomProvider choice = RandomStreams.stream(seed, StreamIds.SETTING_CHOICE);
            for (int t = 0; t < total; t++) {
                int c = experiment.choice() instanceof SettingChoice.Rule rule ? rule.rule().combinationFor(t) : choice.nextInt(combinations);
                if (c < 0 || c >= combinations) throw new IllegalStateException("setting rule gave combination " + c + " for trial " + t);
                trialCombination[t] = c;
                used.add(c);
            }
        }
        int[][] outcomes = new int[combinations][];
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Integer> order = new ArrayList<>(used);
        Collections.sort(order);
        if (order.size() > 1 && workers > 1) {
            ForkJoinPool pool = new ForkJoinPool(Math.min(workers, order.size()));
            try {
                pool.submit(() -> IntStream.range(0, order.size()).parallel().forEach(k -> {
                    int c = order.get(k);
                    outcomes[c] = memberOutcomes(s, experiment, c, seed, 1, cancellation);
                })).join();
            } finally {
                pool.shutdown();
            }
        } else {
            for (int c : order) outcomes[c] = memberOutcomes(s, experiment, c, seed, workers, cancellation);
        }
        int[] trialOutcome = new int[(int) total];
        if (all) {
            for (int c = 0; c < combinations; c++) System.arraycopy(outcomes[c], 0, trialOutcome, (int) (c * members), (int) members);
        } else {
            int[] next = new int[combinations];
            for (int t = 0; t < total; t++) {
                int c = trialCombination[t];
                if (next[c] >= members) {
                    throw new IllegalArgumentException("setting combination " + experiment.settings().describe(c) + " is chosen for more than "
                            + members + " trials, but its ensemble has " + members + " members, each read once; set members = " + total);
                }
                trialOutcome[t] = outcomes[c][next[c]++];
            }
        }
        return Optional.of(new SampledRun(experiment, NAME, seed, trialCombination, trialOutcome));
    }

    /** The joint outcome each member of combination c's ensemble shows, in the order its members are read. */
    private int[] memberOutcomes(Setup s, Experiment experiment, int c, long seed, int threads, Cancellation cancellation) {
        UniformRandomProvider rng = RandomStreams.stream(seed, StreamIds.combination(c));
        Beables lambda = hidden(prepare(s.plan.psi, s.plan.firstHamiltonian, s.members, rng), rng);
        int[] readout = s.plan.readouts[c];
        int n = (int) s.members;
        int[] out = new int[n];
        try (Ensemble ensemble = simulate(s, c, (EnsembleState) lambda.get(ENSEMBLE), (Long) lambda.get(COPIES), threads, cancellation)) {
            if (ensemble instanceof MemberEnsemble m) {
                for (int i = 0; i < n; i++) out[i] = readout[m.value(i)];
                return out;
            }
            ClassEnsemble classes = (ClassEnsemble) ensemble;
            int next = 0;
            for (int a = 0; a < classes.classes(); a++) {
                long count = classes.count(a);
                for (long k = 0; k < count; k++) out[next++] = readout[a];
            }
        }
        UniformRandomProvider order = RandomStreams.stream(seed, StreamIds.combination(c), StreamIds.ENSEMBLE_READ_ORDER);
        for (int i = n - 1; i > 0; i--) {               // members of a class are interchangeable: read them in a random order
            int j = order.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    // ------------------------------------------------------------------ beside quantum mechanics

    /**
     * Evolves an ensemble prepared from ψ under H for a time, beside exp(−iHt)ψ.
     *
     * @param every   time between samples (null: 40 samples)
     * @param seed    the run's seed (the same streams a run's combination 0 uses)
     * @param threads member-level worker threads (0: all cores)
     */
    public EnsembleHistory history(CMatrix hamiltonian, CMatrix psi, double time, Double every, long seed, int threads,
                                   Cancellation cancellation) {
        return observe(hamiltonian, psi, time, every, seed, threads, cancellation, null).history;
    }

    /** Follows members of a member-level ensemble through the same evolution as {@link #history}. */
    public MemberTrack track(CMatrix hamiltonian, CMatrix psi, double time, long[] members, Double every, long seed, int threads,
                             Cancellation cancellation) {
        if (options.level() != EnsembleOptions.Level.MEMBER) {
            throw new IllegalArgumentException("track follows single members, which only the member level keeps; make the model with level = member");
        }
        if (members.length == 0) throw new IllegalArgumentException("track needs at least one member to follow, e.g. members = [0, 1, 2]");
        return observe(hamiltonian, psi, time, every, seed, threads, cancellation, members).track;
    }

    private record Observed(EnsembleHistory history, MemberTrack track) {}

    private Observed observe(CMatrix hamiltonian, CMatrix psi, double time, Double every, long seed, int threads,
                             Cancellation cancellation, long[] tracked) {
        if (!psi.isColumn()) throw new IllegalArgumentException("the state must be a ket");
        if (!hamiltonian.isSquare() || hamiltonian.rows != psi.rows) {
            throw new IllegalArgumentException("the Hamiltonian is " + hamiltonian.rows + "x" + hamiltonian.cols + " but the state has dimension "
                    + psi.rows);
        }
        double norm = psi.norm();
        if (Math.abs(norm - 1) > 1e-9) {
            throw new IllegalArgumentException("the state is not normalised: its norm is " + Numbers.format(norm) + "; divide by it or write normalize(ψ)");
        }
        if (!(time >= 0) || Double.isInfinite(time)) throw new IllegalArgumentException("the time must be 0 or more, got " + Numbers.format(time));
        if (every != null && !(every > 0)) throw new IllegalArgumentException("every (the time between samples) must be positive, got " + Numbers.format(every));
        List<Segment> schedule = List.of(Segment.of(hamiltonian, time, "the Hamiltonian"));
        long members = options.members() != null ? options.members() : EnsembleOptions.DEFAULT_MEMBERS;
        checkSize(members);
        if (tracked != null) {
            for (long m : tracked) {
                if (m < 0 || m >= members) throw new IllegalArgumentException("there is no member " + m + " in an ensemble of " + members
                        + "; members are numbered 0 to " + (members - 1));
            }
        }
        EnsembleState classes = Preparation.classes(psi, hamiltonian, options, members);
        double dt = timeStep(List.of(schedule), classes, members);
        // The step does not depend on how often we look: samples fall on the nearest step.
        long samples = every == null ? 40 : Math.max(1, (long) Math.ceil(time / every - 1e-9));
        double interval = time / samples;
        if (dt > interval) dt = interval > 0 ? interval : 1;              // at least one step per sample
        long steps = Dynamics.steps(time, dt);
        double grid = steps == 0 ? 0 : time / steps;
        long[] sampleSteps = new long[(int) samples + 1];
        for (int j = 0; j <= samples; j++) sampleSteps[j] = steps == 0 ? 0 : Math.round(j * interval / grid);
        List<String> warnings = Preparation.nodeWarnings(classes.counts(), schedule, options.spectators());

        UniformRandomProvider rng = RandomStreams.stream(seed, StreamIds.combination(0));
        EnsembleState state = switch (options.level()) {
            case MEMBER -> Preparation.members(psi, hamiltonian, options, members, rng);
            case MEAN_FIELD -> Preparation.meanField(psi, hamiltonian, options, members);
            default -> classes;
        };
        long copies = rng.nextLong();
        Recorder recorder = new Recorder(schedule, psi, sampleSteps, tracked, options.level() == EnsembleOptions.Level.MEMBER,
                options.phaseAlignment() ? options.f() : Double.NaN);
        try (Ensemble ensemble = open(state, threads)) {
            if (tracked != null) ((MemberEnsemble) ensemble).listen(recorder::copied);
            Dynamics.run(ensemble, schedule, dt, RandomStreams.stream(copies), cancellation, recorder);
            EnsembleHistory history = recorder.history(options.level().word, members, options.spectators(), grid,
                    steps, seed, interval, ensemble.copies(), warnings);
            MemberTrack track = tracked == null ? null : recorder.track(members, seed, ensemble.copies(), history);
            return new Observed(history, track);
        }
    }

    /** Collects an ensemble's history beside quantum mechanics (and followed members) as it runs. */
    private static final class Recorder implements Dynamics.Observer {
        private final QuantumReference reference;
        private final long[] sampleSteps;
        private int nextSample;
        private final long[] tracked;
        private final boolean members;
        private final int size;
        private final double[] probability;
        private final double[] qmPhase;
        private final double[] re;
        private final double[] im;
        private final List<Double> times = new ArrayList<>();
        private final List<double[]> frequencies = new ArrayList<>();
        private final List<double[]> born = new ArrayList<>();
        private final List<double[]> phases = new ArrayList<>();
        private final List<double[]> qmPhases = new ArrayList<>();
        private final List<double[]> spreads = new ArrayList<>();
        private final List<Double> spread = new ArrayList<>();
        private final List<Long> copiesSoFar = new ArrayList<>();
        private final List<double[]> trackedValues = new ArrayList<>();
        private final List<double[]> trackedPhases = new ArrayList<>();
        private final List<CopyEvent> events = new ArrayList<>();
        private final Map<Long, CopyEvent> lastCopy = new LinkedHashMap<>();
        private final Set<Long> followed = new HashSet<>();
        private double deviation;
        private double deviationTime;
        /** The largest |n_a/N − |ψ_a|²| at the sample times only. */
        private double sampleDeviation;
        /** f of the phase-alignment dynamics, or NaN without it. */
        private final double alignment;
        private final List<Double> energies = new ArrayList<>();
        /** ω_a of the Hamiltonian (one segment). */
        private final double[] omega;
        private double phaseDeviation = Double.NaN;

        Recorder(List<Segment> schedule, CMatrix psi, long[] sampleSteps, long[] tracked, boolean members, double alignment) {
            this.alignment = alignment;
            this.omega = schedule.get(0).couplings().omega;
            this.reference = new QuantumReference(schedule, psi);
            this.sampleSteps = sampleSteps;
            this.tracked = tracked;
            this.members = members;
            this.size = psi.rows;
            this.probability = new double[size];
            this.qmPhase = new double[size];
            this.re = new double[size];
            this.im = new double[size];
            if (tracked != null) for (long m : tracked) followed.add(m);
        }

        @Override
        public void observe(int segment, double segmentTime, double time, long step, Ensemble ensemble) {
            reference.observe(segment, segmentTime, probability, qmPhase, re, im);
            double worst = 0;
            for (int a = 0; a < size; a++) worst = Math.max(worst, Math.abs(ensemble.frequency(a) - probability[a]));
            if (worst > deviation) {
                deviation = worst;
                deviationTime = time;
            }
            if (nextSample >= sampleSteps.length || step != sampleSteps[nextSample]) return;
            while (nextSample < sampleSteps.length && sampleSteps[nextSample] == step) nextSample++;
            sampleDeviation = Math.max(sampleDeviation, worst);
            if (!Double.isNaN(alignment)) energies.add(AlignmentEnergy.of(ensemble.state(), alignment, omega));
            for (int a = 0; a < size; a++) {
                if (probability[a] >= 0.05 && ensemble.frequency(a) > 0) {
                    double off = Math.abs(Math.IEEEremainder(ensemble.phase(a) - qmPhase[a], 2 * Math.PI));
                    phaseDeviation = Double.isNaN(phaseDeviation) ? off : Math.max(phaseDeviation, off);
                }
            }
            times.add(time);
            double[] f = new double[size];
            double[] phi = new double[size];
            double[] s = new double[size];
            double widest = 0;
            for (int a = 0; a < size; a++) {
                f[a] = ensemble.frequency(a);
                phi[a] = Math.IEEEremainder(ensemble.phase(a), 2 * Math.PI);
                s[a] = members ? ensemble.spread(a) : 0;
                widest = Math.max(widest, s[a]);
            }
            frequencies.add(f);
            born.add(probability.clone());
            phases.add(phi);
            double[] q = new double[size];
            for (int a = 0; a < size; a++) q[a] = Math.IEEEremainder(qmPhase[a], 2 * Math.PI);
            qmPhases.add(q);
            spreads.add(s);
            spread.add(widest);
            copiesSoFar.add(ensemble.copies());
            if (tracked != null) {
                MemberEnsemble m = (MemberEnsemble) ensemble;
                double[] v = new double[tracked.length];
                double[] p = new double[tracked.length];
                for (int k = 0; k < tracked.length; k++) {
                    v[k] = m.value((int) tracked[k]);
                    p[k] = Math.IEEEremainder(m.memberPhase((int) tracked[k]), 2 * Math.PI);
                }
                trackedValues.add(v);
                trackedPhases.add(p);
            }
        }

        void copied(double time, int copier, int source, int fromValue, int toValue, double before, double after) {
            if (!followed.contains((long) copier)) return;
            CopyEvent event = new CopyEvent(time, copier, source, fromValue, toValue,
                    Math.IEEEremainder(before, 2 * Math.PI), Math.IEEEremainder(after, 2 * Math.PI));
            events.add(event);
            lastCopy.put((long) copier, event);
        }

        EnsembleHistory history(String level, long members, long spectators, double dt, long steps, long seed, double every,
                                long copies, List<String> warnings) {
            DataTable table = new DataTable("ensemble");
            for (int k = 0; k < times.size(); k++) {
                List<String> names = new ArrayList<>(List.of("t"));
                List<Object> cells = new ArrayList<>(List.of(times.get(k)));
                double worst = 0;
                for (int a = 0; a < size; a++) {
                    names.addAll(List.of("freq_" + a, "born_" + a, "phase_" + a, "qm_phase_" + a));
                    cells.addAll(List.of(frequencies.get(k)[a], born.get(k)[a], phases.get(k)[a], qmPhases.get(k)[a]));
                    if (this.members) {
                        names.add("spread_" + a);
                        cells.add(spreads.get(k)[a]);
                    }
                    worst = Math.max(worst, Math.abs(frequencies.get(k)[a] - born.get(k)[a]));
                }
                names.addAll(List.of("deviation", "spread", "copies"));
                cells.addAll(List.of(worst, spread.get(k), (double) copiesSoFar.get(k)));
                if (!energies.isEmpty()) {
                    names.add("energy");
                    cells.add(energies.get(k));
                }
                table.add(names, cells);
            }
            return new EnsembleHistory(level, members, spectators, dt, steps, seed, every, times, frequencies, born, phases, qmPhases,
                    spreads, spread, deviation, deviationTime, sampleDeviation, phaseDeviation, energies, copies, warnings, table);
        }

        MemberTrack track(long members, long seed, long copies, EnsembleHistory history) {
            List<Long> ids = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<double[]> phaseSeries = new ArrayList<>();
            DataTable table = new DataTable("tracked");
            for (int k = 0; k < tracked.length; k++) {
                ids.add(tracked[k]);
                double[] v = new double[times.size()];
                double[] p = new double[times.size()];
                for (int j = 0; j < times.size(); j++) {
                    v[j] = trackedValues.get(j)[k];
                    p[j] = trackedPhases.get(j)[k];
                }
                values.add(v);
                phaseSeries.add(p);
            }
            for (int j = 0; j < times.size(); j++) {
                List<String> names = new ArrayList<>(List.of("t"));
                List<Object> cells = new ArrayList<>(List.of(times.get(j)));
                for (int k = 0; k < tracked.length; k++) {
                    names.addAll(List.of("value_" + tracked[k], "phase_" + tracked[k]));
                    cells.addAll(List.of(values.get(k)[j], phaseSeries.get(k)[j]));
                }
                table.add(names, cells);
            }
            List<String> origins = new ArrayList<>();
            for (int k = 0; k < tracked.length; k++) {
                long m = tracked[k];
                CopyEvent last = lastCopy.get(m);
                long shown = (long) values.get(k)[values.get(k).length - 1];
                origins.add(last == null
                        ? "member " + m + " shows its initial value " + shown + ": it never copied anyone"
                        : "member " + m + " shows value " + shown + ", copied from member " + last.source() + " at t = "
                        + Numbers.format(last.time()) + " (" + eventsOf(m) + (eventsOf(m) == 1 ? " copy" : " copies") + " in all)");
            }
            return new MemberTrack(members, seed, ids, times, values, phaseSeries, events, copies, origins, history, table);
        }

        private long eventsOf(long member) {
            return events.stream().filter(e -> e.member() == member).count();
        }
    }
}
