package org.beable.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.beable.bindings.Bindings;
import org.beable.bindings.ModelValue;
import org.beable.cli.TextOutput;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.interp.Interpreter;
import org.beable.model.OntologicalModel;
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
        Interpreter interpreter = new Interpreter(Interpreter.Options.defaults(), new TextOutput(new PrintStream(new ByteArrayOutputStream())));
        interpreter.run(new Source("bench", "use models\nmodel qm = quantum\n"
                + "system alice, bob : qubit\n"
                + "detector A on alice = spin(a)\n"
                + "detector B on bob = spin(b)\n"
                + "experiment chsh {\n"
                + "  prepare (|01> - |10>) / sqrt(2)\n"
                + "  measure A, B\n"
                + "  settings a in {0, pi/2}, b in {pi/4, -pi/4}\n"
                + "  trials " + TRIALS + "\n"
                + "  choose random\n"
                + "}\n"));
        chosen = ((ModelValue) interpreter.lookup(model.equals("quantum") ? "qm" : model)).model();
        chsh = Bindings.experiment(interpreter, "chsh");
    }

    @Benchmark
    public SampledRun run() {
        return new Runner(2, Cancellation.none(), null).run(chsh, chosen, 2026);
    }
}
