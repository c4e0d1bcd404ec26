package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.beable.bindings.Bindings;
import org.beable.bindings.ModelValue;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;
import org.beable.model.OntologicalModel;
import org.beable.model.Prediction;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.syntax.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Models written in the script (issue 11), through the whole path a script takes: the block
 * compiled by the interpreter (RuleCompiler → closures over the trial's context), then
 * `run` (Runner, all combinations, 2 threads) and `predict`.
 *
 * <ul>
 * <li>{@code run}: CHSH under the model, {@code TRIALS} trials per combination (4 combinations);
 *     for gisin_gisin Bob's detector may not click (its rule is drawn, outcome D ~ discrete);
 *     score = milliseconds per run, so trials/s = 4·TRIALS / score.</li>
 * <li>{@code predict}: the exact prediction of the four combinations (a fresh experiment each
 *     time, so nothing is cached); score = milliseconds per prediction, per combination = score / 4.</li>
 * </ul>
 *
 * <p>{@code bench/run ScriptModel -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScriptModelBench {
    static final long TRIALS = 5_000_000;

    @Param({"bell64", "toner_bacon", "sd_toy", "gisin_gisin"})
    public String model;

    private Interpreter interpreter;
    private OntologicalModel written;
    private Experiment chsh;
    private int fresh;

    @Setup
    public void setUp() {
        interpreter = ChshScript.session(ChshScript.experiment("chsh", model.equals("gisin_gisin"), TRIALS, ""));
        written = ((ModelValue) interpreter.lookup(model)).model();
        chsh = Bindings.experiment(interpreter, "chsh");
    }

    @Benchmark
    public SampledRun run() {
        return new Runner(2, Cancellation.none(), null).run(chsh, written, 2026);
    }

    @Benchmark
    public Prediction predict() {
        if (model.equals("toner_bacon")) return null;     // four dimensions: predict refuses, by design
        String name = "e" + fresh++;
        interpreter.run(new Source("bench", "experiment " + name + " {\n  prepare (|01> - |10>) / sqrt(2)\n  measure A, B\n"
                + "  settings a in {0, pi/2}, b in {pi/4, -pi/4}\n}\n"));
        return Prediction.of(Bindings.experiment(interpreter, name), written);
    }
}
