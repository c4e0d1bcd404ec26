package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.beable.interp.Interpreter;
import org.beable.syntax.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a sweep's cell costs beyond its body, beside the same body in a `for` loop: 10⁴ cells that
 * keep one row each, and 10⁴ cells that each make a tiny CHSH run (4 × 10 trials) and keep its S.
 * Scores are microseconds per cell, on all cores (the sweep) or the loop's one thread.
 * {@link #chshStudy} is the yardstick: 10⁴ cells × 4·10⁴ trials of CHSH under `quantum`,
 * seconds for the whole sweep, beside {@link #chshOneRunOfATenthOfTheTrials}.
 *
 * <p>{@code bench/run SweepBench -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SweepBench {
    static final int CELLS = 10_000;

    static final String CHSH = """
            seed 1
            system alice : qubit
            system bob : qubit
            state psi = (|01> - |10>) / sqrt(2)
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            experiment tiny {
              prepare psi
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
              trials 10
            }
            experiment chsh {
              prepare psi
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
              trials 10000
            }
            """;

    static final Source SWEEP_ROW = new Source("sweep-row", "sweep x in 1 .. 10000 { row x = x, y = x * 2 }\n");
    static final Source FOR_ROW = new Source("for-row", "for x in 1 .. 10000 { row x = x, y = x * 2 }\n");
    static final Source SWEEP_RUN = new Source("sweep-run", "sweep x in 1 .. 10000 { row x = x, S = chsh(run tiny) }\n");
    static final Source FOR_RUN = new Source("for-run", "for x in 1 .. 10000 { row x = x, S = chsh(run tiny) }\n");
    static final Source STUDY = new Source("study", "sweep x in 1 .. 10000 { row x = x, S = chsh(run chsh) }\n");
    /**
     * A tenth of the study's trials (4·10⁷) as one run, so ten times its score is the study's
     * sampling alone (the whole 4·10⁸ would need 3 GB of per-trial records until runs keep counts).
     */
    static final Source ONE_RUN = new Source("one-run", "experiment big {\n prepare psi\n measure A, B\n"
            + " settings a in {0, pi/2}, b in {pi/4, -pi/4}\n trials 10000000\n}\nrow S = chsh(run big)\n");

    private Interpreter interpreter;

    @Setup(Level.Invocation)
    public void setUp() {
        interpreter = new Interpreter(new Interpreter.Options(0, null, 1_000_000_000L, Interpreter.Options.DEFAULT_MAX_DIMENSION), values -> { });
        interpreter.run(new Source("setup", CHSH));
    }

    private Object run(Source script) {
        interpreter.run(script);
        return interpreter.lookup("results");
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public Object sweepRowCell() {
        return run(SWEEP_ROW);
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public Object forRowCell() {
        return run(FOR_ROW);
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public Object sweepTinyRunCell() {
        return run(SWEEP_RUN);
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public Object forTinyRunCell() {
        return run(FOR_RUN);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Object chshStudy() {
        return run(STUDY);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public Object chshOneRunOfATenthOfTheTrials() {
        return run(ONE_RUN);
    }
}
