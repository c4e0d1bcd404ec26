package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.beable.bindings.Bindings;
import org.beable.bindings.ModelValue;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;
import org.beable.model.OntologicalModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
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
 * `run` of CHSH with the combination chosen per trial (`choose random`), 2·10⁷ trials on 2
 * threads, under a script model (decided in blocks, {@code ChosenBlocks}) and under quantum
 * mechanics (one alias-table draw per trial). Score: milliseconds per run.
 *
 * <p>{@code bench/run ChosenRun}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ChosenRunBench {
    static final long TRIALS = 20_000_000;

    @Param({"bell64", "quantum"})
    public String model;

    private OntologicalModel chosen;
    private Experiment chsh;

    @Setup
    public void setUp() {
        Interpreter interpreter = ChshScript.session("model qm = quantum\n" + ChshScript.experiment("chsh", false, TRIALS, "choose random"));
        chosen = ((ModelValue) interpreter.lookup(model.equals("quantum") ? "qm" : model)).model();
        chsh = Bindings.experiment(interpreter, "chsh");
    }

    @Benchmark
    public SampledRun run() {
        return new Runner(2, Cancellation.none(), null).run(chsh, chosen, 2026);
    }
}
