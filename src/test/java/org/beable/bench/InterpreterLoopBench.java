package org.beable.bench;

import java.util.concurrent.TimeUnit;
import org.beable.interp.Interpreter;
import org.beable.syntax.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter's per-iteration cost: each benchmark runs one script whose loop has a
 * million iterations through {@link Interpreter#run}, so the score is nanoseconds per loop
 * iteration (parsing and compiling the few-line script is included, and negligible).
 * The yardstick is CPython running the same loop, about 60 ns per iteration on this machine.
 *
 * <p>{@code bench/run InterpreterLoop -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class InterpreterLoopBench {

    static final int N = 1_000_000;

    /** s = s + k * 0.5: a global accumulator, arithmetic on the loop variable. */
    static final Source ARITHMETIC = new Source("arithmetic",
            "let s = 0\nfor k in 1 .. 1000000 { s = s + k * 0.5 }\n");

    /** A one-line user function called once per iteration. */
    static final Source CALL = new Source("call",
            "fn f(x) = x * x + 1\nlet s = 0\nfor k in 1 .. 1000000 { s = s + f(k) }\n");

    /** Subtraction, division and a comparison in an `if`, inside a function (local variables). */
    static final Source BRANCH = new Source("branch",
            "fn g(n) {\n  let c = 0\n  for k in 1 .. n {\n    if k / 3 - 1 >= 10 { c = c + 1 } else { c = c - 1 }\n  }\n  c\n}\n"
            + "let s = g(1000000)\n");

    /** A while loop with its own counter and comparison. */
    static final Source WHILE = new Source("while",
            "let s = 0\nlet k = 0\nwhile k < 1000000 { k = k + 1\n s = s + k }\n");

    private Interpreter interpreter;

    @Setup
    public void setUp() {
        interpreter = new Interpreter(Interpreter.Options.defaults(), values -> { });
    }

    private Object run(Source script) {
        interpreter.run(script);
        return interpreter.lookup("s");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object arithmeticLoop() {
        return run(ARITHMETIC);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object functionCallLoop() {
        return run(CALL);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object branchLoop() {
        return run(BRANCH);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object whileLoop() {
        return run(WHILE);
    }
}
