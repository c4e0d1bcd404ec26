package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;
import org.beable.random.RandomStreams;
import org.beable.random.StreamIds;

/**
 * The model at finite κ: ρ(t) from the master equation for one setting combination, per
 * hidden-variable branch and averaged over λ.
 *
 * <p>The dynamics depends on λ only through the signs of σ_2 … σ_N, so the average over λ is a
 * sum over sign patterns weighted by Π r_J or (1 − r_J), r_J = P(σ_J > 0) from the distribution
 * of λ — exact while there are at most {@value #MAX_EXACT_BRANCHES} branches with nonzero
 * weight (times the N! orders when the order is permuted), and otherwise an average over
 * {@code samples} draws of λ from the run's seed. The master equation starts from the prepared
 * state at t = 0, with the experiment's Hamiltonians over their `evolve` spans (and none after,
 * the detection being complete); the branch is fixed by α at detection, the end of the last span.
 * With H = 0 throughout, the closed form is used.
 */
public final class Trajectories {
    public static final int MAX_EXACT_BRANCHES = 4096;
    public static final int KEEP_BRANCHES = 64;
    public static final int DEFAULT_SAMPLES = 256;
    public static final int DEFAULT_POINTS = 51;
    public static final double ABSOLUTE_TOLERANCE = 1e-10;
    public static final double RELATIVE_TOLERANCE = 1e-8;

    /**
     * @param times     ascending times ≥ 0, or null for {@value #DEFAULT_POINTS} points up to the
     *                  detection time (up to 5/κ when nothing evolves)
     * @param lambda    an explicit |λ_2|² … |λ_N|² (one branch), or null to average over λ
     * @param integrate always integrate numerically, even when H = 0 has a closed form
     */
    public record Options(double[] times, double[] lambda, int samples, long seed, int threads,
                          double absoluteTolerance, double relativeTolerance, boolean integrate, Cancellation cancellation) {
        public static Options defaults() {
            return new Options(null, null, DEFAULT_SAMPLES, 0, 1, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE, false, Cancellation.none());
        }

        public Options withTimes(double[] t) {
            return new Options(t, lambda, samples, seed, threads, absoluteTolerance, relativeTolerance, integrate, cancellation);
        }

        public Options withLambda(double[] l) {
            return new Options(times, l, samples, seed, threads, absoluteTolerance, relativeTolerance, integrate, cancellation);
        }

        public Options integrated(double atol, double rtol) {
            return new Options(times, lambda, samples, seed, threads, atol, rtol, true, cancellation);
        }
    }

    private Trajectories() {}

    /** One branch to solve: its basis order, sign pattern and weight. */
    private record Job(int[] order, SignPattern pattern, double weight) {}

    /**
     * @throws IllegalArgumentException with a plain sentence when the experiment or the options do
     *     not allow a trajectory (several detections, an incomplete basis, bad times or λ, too
     *     large for memory)
     */
    public static Trajectory of(SuperdeterministicModel model, Experiment experiment, int combination, Options options) {
        int n = experiment.layout().dimension();
        double[] times = times(options.times(), timeOfDetection(experiment), model.kappa());
        int threads = Math.max(1, options.threads());
        long memory = checkMemory(n, times.length, threads);
        DetectionPlan plan = DetectionPlan.of(experiment, combination);
        DetectionPlan.Detection detection = singleDetection(plan);
        List<MasterEquation.Segment> segments = new ArrayList<>();
        CMatrix atDetection = experiment.preparedState();
        double detectionTime = 0;
        for (DetectionPlan.Stage stage : plan.stages) {
            if (stage == detection) break;
            DetectionPlan.Evolution e = (DetectionPlan.Evolution) stage;
            detectionTime += e.time();
            segments.add(new MasterEquation.Segment(e.hamiltonian(), detectionTime));
            atDetection = atDetection.conjugateBy(e.unitary());
        }

        double[] weights = OutcomeTree.weights(detection, atDetection);
        boolean permuted = model.order().kind() == BasisOrder.Kind.PERMUTED;
        int[] reporting = permuted ? Permutations.identity(n) : model.order().resolve(plan.detectors(detection), detection.outcomes(), plan.describe(detection));
        List<Job> jobs = new ArrayList<>();
        boolean exact = true;
        if (options.lambda() != null) {
            if (permuted) throw new IllegalArgumentException("with order = permuted an explicit λ needs an order too; give the model order = [...]");
            jobs.add(new Job(reporting, pattern(weights, reporting, options.lambda()), 1));
        } else {
            List<int[]> orders = permuted ? permutations(n) : List.of(reporting);
            exact = orders != null && enumerate(weights, orders, model.distribution(), jobs);
            if (!exact) {
                jobs.clear();
                sample(weights, permuted ? null : reporting, model.distribution(), options, combination, jobs);
            }
        }

        boolean closedForm = !options.integrate() && segments.stream().allMatch(s -> isZero(s.hamiltonian()));
        CMatrix basis = basisMatrix(detection, reporting);
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < n; p++) labels.add(plan.label(detection, reporting[p]));
        double[] born = new double[n];
        for (int p = 0; p < n; p++) born[p] = weights[reporting[p]];
        double[] limit = new double[n];
        int[] reportingPosition = inverse(reporting);

        // One branch of weight 1 in the reporting order is its own average: no second copy.
        boolean alone = jobs.size() == 1 && jobs.get(0).weight() == 1 && Arrays.equals(jobs.get(0).order(), reporting);
        double[][] re = alone ? null : new double[times.length][n * n];
        double[][] im = alone ? null : new double[times.length][n * n];
        List<CMatrix> single = null;
        List<Trajectory.Branch> branches = new ArrayList<>();
        long[] evaluations = {0};
        boolean keep = keepBranches(jobs.size(), n, times.length, threads, memory);
        int batch = threads;
        ForkJoinPool pool = batch > 1 && jobs.size() > 1 ? new ForkJoinPool(batch) : null;
        try {
            for (int from = 0; from < jobs.size(); from += batch) {
                options.cancellation().throwIfCancelled();
                List<Job> some = jobs.subList(from, Math.min(jobs.size(), from + batch));
                List<List<CMatrix>> solved = solveAll(some, detection, experiment.preparedState(), segments, times, model.kappa(),
                        closedForm, options, pool, evaluations);
                for (int k = 0; k < some.size(); k++) {
                    Job job = some.get(k);
                    List<CMatrix> rho = solved.get(k);
                    int[] position = inverse(job.order());
                    if (alone) single = rho;
                    else for (int t = 0; t < times.length; t++) addPermuted(rho.get(t), reporting, position, job.weight(), re[t], im[t], n);
                    int outcome = job.order()[job.pattern().outcome()];
                    limit[reportingPosition[outcome]] += job.weight();
                    branches.add(new Trajectory.Branch(permuted ? Arrays.toString(job.order()) : model.order().toString(),
                            job.pattern().label(), job.weight(), labels.get(reportingPosition[outcome]), keep ? rho : null));
                }
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
        List<CMatrix> average = new ArrayList<>(times.length);
        if (single != null) average.addAll(single);
        else for (int t = 0; t < times.length; t++) average.add(CMatrix.wrap(n, n, re[t], im[t]));
        return new Trajectory(experiment.name(), experiment.settings().size() == 0 ? "" : experiment.settings().describe(combination),
                model.toString(), model.kappa(), times, labels, basis, experiment.layout(), branches, average, born, limit, exact,
                exact ? 0 : options.samples(), closedForm, evaluations[0]);
    }

    /** The total `evolve` time before the first measurement. */
    private static double timeOfDetection(Experiment experiment) {
        double t = 0;
        for (org.beable.experiment.Step step : experiment.steps()) {
            if (step instanceof org.beable.experiment.Step.Measure) break;
            t += ((org.beable.experiment.Step.Evolve) step).time();
        }
        return t;
    }

    private static DetectionPlan.Detection singleDetection(DetectionPlan plan) {
        if (plan.detections.size() != 1) {
            throw new IllegalArgumentException("a trajectory follows one detection, but experiment '" + plan.experiment.name() + "' has "
                    + plan.detections.size() + " measure steps; keep one `measure` step");
        }
        DetectionPlan.Detection d = plan.detections.get(0);
        if (!d.complete()) {
            throw new IllegalArgumentException("a trajectory needs a complete detection basis: every system measured, each in a basis "
                    + "(a nondegenerate observable), so the jump operators are |J⟩⟨M|; " + plan.describe(d) + " is not");
        }
        return d;
    }

    private static double[] times(double[] given, double detectionTime, double kappa) {
        if (given == null) {
            double end = detectionTime > 0 ? detectionTime : 5 / kappa;
            double[] t = new double[DEFAULT_POINTS];
            for (int k = 0; k < t.length; k++) t[k] = end * k / (t.length - 1);
            return t;
        }
        if (given.length == 0) throw new IllegalArgumentException("times is empty; give at least one time");
        for (int k = 0; k < given.length; k++) {
            if (!(given[k] >= 0) || Double.isInfinite(given[k])) {
                throw new IllegalArgumentException("times must be finite and ≥ 0 (t = 0 is the preparation), got " + Numbers.format(given[k]));
            }
            if (k > 0 && given[k] <= given[k - 1]) throw new IllegalArgumentException("times must increase, but " + Numbers.format(given[k])
                    + " follows " + Numbers.format(given[k - 1]));
        }
        return given.clone();
    }

    /**
     * The bytes a trajectory may use (half the heap), after checking that the average, one
     * series per thread in flight and the integrators' work arrays fit in it.
     */
    private static long checkMemory(int n, int times, int threads) {
        double series = 16.0 * n * n * times;
        double working = 40.0 * 8 * n * n;
        double needed = series * (2 + threads) + working * threads;
        long available = Runtime.getRuntime().maxMemory() / 2;
        if (needed > available) {
            throw new IllegalArgumentException("a trajectory in dimension " + n + " at " + times + " times needs about "
                    + Math.round(needed / 1e6) + " MB, over the " + available / 1_000_000 + " MB it may use; "
                    + "ask for fewer times, or give Java more memory (JAVA_OPTS=-Xmx…)");
        }
        return available;
    }

    /** Whether every branch's ρ(t) can be kept besides the average. */
    private static boolean keepBranches(int branches, int n, int times, int threads, long available) {
        double series = 16.0 * n * n * times;
        return branches <= KEEP_BRANCHES && series * (branches + 2 + threads) + 320.0 * n * n * threads <= available;
    }

    private static SignPattern pattern(double[] weights, int[] order, double[] lambda) {
        int n = order.length;
        if (lambda.length != n - 1) {
            throw new IllegalArgumentException("λ needs " + (n - 1) + " values |λ_2|² … |λ_N|² for N = " + n + ", got " + lambda.length);
        }
        double[] s = CollapseRule.cumulative(weights, order);
        boolean[] positive = new boolean[n];
        for (int p = 1; p < n; p++) {
            double x = lambda[p - 1];
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("|λ_" + (p + 1) + "|² = " + Numbers.format(x) + " is outside [0, 1]");
            positive[p] = CollapseRule.positive(s, p, x);
        }
        return new SignPattern(positive);
    }

    /** Every branch of nonzero weight, if there are few enough; false otherwise. */
    private static boolean enumerate(double[] weights, List<int[]> orders, LambdaDistribution distribution, List<Job> jobs) {
        int n = weights.length;
        for (int[] order : orders) {
            double[] s = CollapseRule.cumulative(weights, order);
            double[] r = CollapseRule.positiveProbabilities(s, distribution);
            List<Integer> uncertain = new ArrayList<>();
            boolean[] base = new boolean[n];
            for (int p = 1; p < n; p++) {
                if (r[p] >= 1) base[p] = true;
                else if (r[p] > 0) uncertain.add(p);
            }
            if (uncertain.size() > 20 || jobs.size() + (1L << uncertain.size()) > MAX_EXACT_BRANCHES) return false;
            for (int mask = 0; mask < 1 << uncertain.size(); mask++) {
                boolean[] positive = base.clone();
                double w = 1.0 / orders.size();
                for (int u = 0; u < uncertain.size(); u++) {
                    int p = uncertain.get(u);
                    positive[p] = (mask & (1 << u)) != 0;
                    w *= positive[p] ? r[p] : distribution.probabilityAtMost(s[p - 1] / s[p]);
                }
                if (w > 0) jobs.add(new Job(order, new SignPattern(positive), w));
            }
        }
        return true;
    }

    /** Draws of (order, λ) from the seed; equal branches are solved once, weighted by their count. */
    private static void sample(double[] weights, int[] fixedOrder, LambdaDistribution distribution, Options options, int combination,
                               List<Job> jobs) {
        if (options.samples() < 1) throw new IllegalArgumentException("samples must be at least 1, got " + options.samples());
        int n = weights.length;
        UniformRandomProvider rng = RandomStreams.stream(options.seed(), StreamIds.TRAJECTORY, combination);
        Map<String, Job> distinct = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < options.samples(); k++) {
            int[] order = fixedOrder != null ? fixedOrder : TreeSampler.randomOrder(n, rng);
            double[] lambda = new double[n - 1];
            for (int p = 0; p < n - 1; p++) lambda[p] = distribution.sample(rng);
            SignPattern pattern = pattern(weights, order, lambda);
            String key = Arrays.toString(order) + pattern.label();
            distinct.putIfAbsent(key, new Job(order, pattern, 0));
            counts.merge(key, 1, Integer::sum);
        }
        for (Map.Entry<String, Job> e : distinct.entrySet()) {
            Job j = e.getValue();
            jobs.add(new Job(j.order(), j.pattern(), counts.get(e.getKey()) / (double) options.samples()));
        }
    }

    private static List<List<CMatrix>> solveAll(List<Job> jobs, DetectionPlan.Detection detection, CMatrix rho0,
                                                List<MasterEquation.Segment> segments, double[] times, double kappa,
                                                boolean closedForm, Options options, ForkJoinPool pool, long[] evaluations) {
        List<List<CMatrix>> out = new ArrayList<>();
        if (pool == null) {
            for (Job job : jobs) out.add(solve(job, detection, rho0, segments, times, kappa, closedForm, options, evaluations));
            return out;
        }
        List<Future<List<CMatrix>>> futures = new ArrayList<>();
        long[][] counted = new long[jobs.size()][1];
        for (int k = 0; k < jobs.size(); k++) {
            Job job = jobs.get(k);
            long[] mine = counted[k];
            futures.add(pool.submit(() -> solve(job, detection, rho0, segments, times, kappa, closedForm, options, mine)));
        }
        try {
            for (Future<List<CMatrix>> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            options.cancellation().cancel();
            options.cancellation().throwIfCancelled();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        for (long[] c : counted) evaluations[0] += c[0];
        return out;
    }

    /** One branch in its own detection basis. */
    private static List<CMatrix> solve(Job job, DetectionPlan.Detection detection, CMatrix rho0, List<MasterEquation.Segment> segments,
                                       double[] times, double kappa, boolean closedForm, Options options, long[] evaluations) {
        CMatrix v = basisMatrix(detection, job.order());
        CMatrix vt = v.adjoint();
        CMatrix start = vt.times(rho0).times(v);
        if (closedForm) return ClosedForm.solve(start, job.pattern(), kappa, times);
        List<MasterEquation.Segment> inBasis = new ArrayList<>();
        for (MasterEquation.Segment s : segments) {
            inBasis.add(new MasterEquation.Segment(isZero(s.hamiltonian()) ? null : vt.times(s.hamiltonian()).times(v), s.end()));
        }
        MasterEquation equation = new MasterEquation(v.rows, kappa, job.pattern(), options.cancellation());
        List<CMatrix> rho = equation.solve(start, inBasis, times, options.absoluteTolerance(), options.relativeTolerance());
        evaluations[0] += equation.evaluations();
        return rho;
    }

    /** Columns: the kets of the basis in the given order. */
    static CMatrix basisMatrix(DetectionPlan.Detection detection, int[] order) {
        int n = order.length;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int p = 0; p < n; p++) {
            CMatrix ket = detection.kets()[order[p]];
            for (int r = 0; r < n; r++) {
                re[r * n + p] = ket.re(r, 0);
                im[r * n + p] = ket.im(r, 0);
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    /** acc += w ρ re-indexed from a branch's order to the reporting order (the same kets, permuted). */
    private static void addPermuted(CMatrix rho, int[] reporting, int[] branchPosition, double w, double[] re, double[] im, int n) {
        for (int i = 0; i < n; i++) {
            int bi = branchPosition[reporting[i]];
            for (int j = 0; j < n; j++) {
                int bj = branchPosition[reporting[j]];
                re[i * n + j] += w * rho.re(bi, bj);
                im[i * n + j] += w * rho.im(bi, bj);
            }
        }
    }

    private static boolean isZero(CMatrix h) {
        if (h == null) return true;
        double[] re = h.reals();
        double[] im = h.imags();
        for (int k = 0; k < re.length; k++) if (re[k] != 0 || im[k] != 0) return false;
        return true;
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int p = 0; p < order.length; p++) inv[order[p]] = p;
        return inv;
    }

    /** All orders of n states, or null when there are too many to average over exactly. */
    private static List<int[]> permutations(int n) {
        return n > 7 ? null : Permutations.all(n);
    }
}
