package org.beable.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beable.concurrent.Cancellation;
import org.beable.model.ModelArguments;
import org.beable.model.ensemble.EnsembleHistory;
import org.beable.model.ensemble.EnsembleModel;
import org.beable.quantum.CMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real-ensemble model's two simulations, end to end (preparation, the step-size check, the
 * dynamics and the comparison with exp(−iHt) at every step), on 2 threads. Issue 6's targets:
 * class level, P = 4 levels, N = 10⁶ members, 8000 steps under 0.5 s; member level, N = 10⁵
 * members, 1000 steps under 5 s. Scores are seconds per run.
 *
 * <p>{@code bench/run Ensemble -f 1 -wi 2 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EnsembleBench {
    static final int THREADS = 2;

    /** A dense four-level Hamiltonian (six coupled pairs, distinct ω) and a state with no nodes. */
    static final CMatrix H = CMatrix.of(
            new double[][] {{0.3, 0.5, 0.2, 0.1}, {0.5, -0.1, 0.4, 0.3}, {0.2, 0.4, 0.0, 0.6}, {0.1, 0.3, 0.6, 0.2}},
            new double[][] {{0, 0.1, -0.3, 0.2}, {-0.1, 0, 0.2, -0.1}, {0.3, -0.2, 0, 0.1}, {-0.2, 0.1, -0.1, 0}});
    static final CMatrix PSI = CMatrix.column(new double[] {0.5, 0.5, 0.5, 0.5}, null);

    private EnsembleModel classes;
    private EnsembleModel members;
    private long seed;

    private static EnsembleModel model(Map<String, Object> parameters) {
        return (EnsembleModel) EnsembleModel.SPEC.create(new ModelArguments(EnsembleModel.SPEC, parameters));
    }

    @Setup
    public void setUp() {
        classes = model(Map.of("members", 1e6, "dt", 1e-3));                       // 8000 steps over t = 8
        members = model(Map.of("members", 1e5, "dt", 8e-3, "level", "member"));   // 1000 steps over t = 8
    }

    @Benchmark
    public EnsembleHistory classLevel4Levels1e6Members8000Steps() {
        EnsembleHistory h = classes.history(H, PSI, 8, 8.0, seed++, THREADS, Cancellation.none());
        if (h.steps() != 8000) throw new IllegalStateException("expected 8000 steps, got " + h.steps());
        return h;
    }

    @Benchmark
    public EnsembleHistory memberLevel4Levels1e5Members1000Steps() {
        EnsembleHistory h = members.history(H, PSI, 8, 8.0, seed++, THREADS, Cancellation.none());
        if (h.steps() != 1000) throw new IllegalStateException("expected 1000 steps, got " + h.steps());
        return h;
    }
}
