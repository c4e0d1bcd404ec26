package org.beable.interp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.beable.concurrent.Cancellation;
import org.beable.concurrent.CancelledException;
import org.beable.random.RandomStreams;
import org.beable.random.StreamIds;
import org.beable.syntax.BeableError;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * One Beable session: the globals, the seed, where output goes. The command line runs a file
 * through it once; the REPL keeps one alive and feeds it entry after entry.
 */
public final class Interpreter {
    private final Globals globals = new Globals();
    private final Compiler compiler = new Compiler(this, globals);
    private Physics physics;
    private final Options options;
    /**
     * Script calls in progress at most: runaway recursion fails after a fraction of a second, not
     * after filling a 512 MB stack and gigabytes of frames; honest recursion 10⁵ deep still runs.
     */
    static final int MAX_CALL_DEPTH = 150_000;
    private int callDepth;
    private Thread scriptThread;
    private final Set<String> loadedModules = new HashSet<>();
    /** The files being run, the innermost first: a `use` of one of them is a cycle. */
    private final java.util.ArrayDeque<String> loading = new java.util.ArrayDeque<>();
    private final java.util.Map<String, Builtin> builtins = new java.util.TreeMap<>();
    private Output output;
    private final Cancellation cancellation = new Cancellation();
    private long seed;
    private long runsSinceSeed;
    private Path baseDirectory = Path.of(".");
    private Progress progress;
    private String scriptName = "<none>";
    private String scriptText;
    private org.apache.commons.rng.UniformRandomProvider random;
    // ---- sweeps: the cell a thread is running, where cells run, where rows go
    private final ThreadLocal<CellContext> cell = new ThreadLocal<>();
    private StudyHook study = StudyHook.LOCAL;
    private int sweepsStarted;
    private java.util.function.Consumer<KeptRow> rowSink;

    /**
     * Settings fixed for a session: thread count, limits, and a seed that overrides the script's.
     * {@code maxDimension} (--max-dim) bounds dense matrices, whose memory grows with the square of
     * the dimension; {@code maxSparseDimension} (--max-sparse-dim) bounds the state space itself —
     * declared systems, kets and sparse operators, whose memory grows with the dimension.
     */
    public record Options(int threads, Long seedOverride, long maxTrials, int maxDimension, Path outputDirectory,
                          List<Path> writableFolders, int maxSparseDimension) {
        public static final long DEFAULT_MAX_TRIALS = 100_000_000L;
        public static final int DEFAULT_MAX_DIMENSION = 4096;
        /** 16 qubits. */
        public static final int DEFAULT_MAX_SPARSE_DIMENSION = 1 << 16;

        /** Files are written only inside the output folder (no --allow-write folders); the default sparse limit. */
        public Options(int threads, Long seedOverride, long maxTrials, int maxDimension, Path outputDirectory) {
            this(threads, seedOverride, maxTrials, maxDimension, outputDirectory, List.of(), DEFAULT_MAX_SPARSE_DIMENSION);
        }

        /** Files written with a relative path (export, plot) land in the current directory. */
        public Options(int threads, Long seedOverride, long maxTrials, int maxDimension) {
            this(threads, seedOverride, maxTrials, maxDimension, Path.of(""));
        }

        public static Options defaults() {
            return new Options(0, null, DEFAULT_MAX_TRIALS, DEFAULT_MAX_DIMENSION);
        }

        /** The largest state space (systems, kets, sparse operators). */
        public int sparseLimit() {
            return maxSparseDimension;
        }
    }

    /** The options of the session running on this thread, so values can check a dense form they are about to make. */
    private static final ThreadLocal<Options> RUNNING = new ThreadLocal<>();

    public Interpreter(Options options, Output output) {
        this.options = options;
        this.output = output;
        this.seed = options.seedOverride() == null ? 0 : options.seedOverride();
        Builtins.install(this);
        for (Binding binding : BINDINGS) binding.install(this);
    }

    /** The bindings listed in META-INF/services, found once: each session installs them in that order. */
    private static final List<Binding> BINDINGS = java.util.ServiceLoader.load(Binding.class).stream()
            .map(java.util.ServiceLoader.Provider::get).toList();

    /** Gives the session its physics: what systems, detectors, experiments and models mean. One binding calls this. */
    public void bind(Physics physics) {
        this.physics = physics;
    }

    /** The session's physics; the binding that installed it reads its own state back through this. */
    public Physics physics() {
        if (physics == null) throw new IllegalStateException("no binding gave this session its physics (META-INF/services/org.beable.interp.Binding)");
        return physics;
    }

    // ------------------------------------------------------------------ running code

    /** Told after each top-level statement of a source completes, with its value (NONE for most statements). */
    @FunctionalInterface
    public interface StatementDone {
        void done(Stmt statement, Object value);

        StatementDone NOTHING = (statement, value) -> { };
    }

    /** Parses, compiles and runs a whole source; the value of its last statement is returned. */
    public Object run(Source source) {
        return run(source, StatementDone.NOTHING);
    }

    /**
     * Runs a source, telling `done` about each top-level statement that completed. A statement that
     * fails or is cancelled leaves the random streams where they stood before it: what took effect
     * (the statements before it) then replays to the same numbers, in a REPL's saved script too.
     */
    public Object run(Source source, StatementDone done) {
        scriptThread = Thread.currentThread();
        List<Stmt> program;
        List<Compiler.Unit> units = new ArrayList<>();
        try {
            program = Parser.parse(source);
            for (Stmt stmt : program) units.add(compiler.compileTopLevel(stmt));
        } catch (StackOverflowError e) {
            throw tooDeep(source);
        }
        if (scriptText == null) {
            scriptName = source.name();
            scriptText = source.text();
        }
        Object last = NoneValue.NONE;
        Options outer = RUNNING.get();
        RUNNING.set(options);
        try {
            for (int k = 0; k < units.size(); k++) {
                RandomPosition before = randomPosition();
                try {
                    last = guarded(units.get(k));
                } catch (RuntimeException | Error e) {
                    restore(before);
                    throw e;
                }
                done.done(program.get(k), last);
            }
        } finally {
            if (outer == null) RUNNING.remove();
            else RUNNING.set(outer);
        }
        return last;
    }

    public Object runFile(Path file) throws IOException {
        return runFile(file, StatementDone.NOTHING);
    }

    public Object runFile(Path file, StatementDone done) throws IOException {
        Path previous = baseDirectory;
        baseDirectory = file.toAbsolutePath().getParent();
        loading.push(fileKey(file));
        try {
            return run(Source.read(file), done);
        } finally {
            loading.pop();
            baseDirectory = previous;
        }
    }

    /** One name per file, however a script spells its path: the key for `use` cycles and loading once. */
    private static String fileKey(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Source nested beyond what the parser's stack holds: point at the deepest bracket (or the longest line). */
    static BeableError tooDeep(Source source) {
        String text = source.text();
        int depth = 0, deepest = -1, at = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '(' || c == '[') {
                if (++depth > deepest) { deepest = depth; at = k; }
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        String[] lines = text.split("\n", -1);
        int line = 1, column = 1;
        if (deepest >= 50) {
            line = (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
            column = at - text.lastIndexOf('\n', at - 1);
        } else {
            for (int k = 0; k < lines.length; k++) if (lines[k].length() > lines[line - 1].length()) line = k + 1;
        }
        return new BeableError(BeableError.Kind.SYNTAX, new Span(source, line, column, 1),
                "expression nested too deeply (or too long) to read", "split it into smaller pieces with `let`");
    }

    private Object guarded(Compiler.Unit unit) {
        try {
            return unit.run();
        } catch (ReturnSignal r) {
            return r.value;
        } catch (StackOverflowError e) {
            throw new BeableError(unit.span(), "recursion too deep", "check the base case of your recursive function");
        } catch (BeableError | CancelledException | InternalFailure e) {
            throw e;
        } catch (LimitExceeded e) {
            throw new BeableError(BeableError.Kind.LIMIT, unit.span(), e.getMessage(), e.hint());
        } catch (RuntimeException e) {
            throw new InternalFailure(unit.span(), "this statement", e);
        }
    }

    /**
     * Calls any callable value. A builtin or model that refuses its input throws
     * IllegalArgumentException with a plain sentence: that becomes a located Beable error. Any
     * other exception is a bug in Beable, reported as one, with its cause kept for --debug.
     */
    Object invoke(Object fn, List<Object> args, Map<String, Object> named, Span span) {
        if (!(fn instanceof Callable callable)) {
            throw new BeableError(span, Values.aTypeName(fn) + " cannot be called like a function");
        }
        boolean counted = Thread.currentThread() == scriptThread;     // worker threads have small stacks that overflow fast anyway
        if (counted && ++callDepth > MAX_CALL_DEPTH) {
            callDepth--;
            throw new BeableError(BeableError.Kind.LIMIT, span, "recursion too deep: more than " + MAX_CALL_DEPTH + " calls in progress",
                    "check the base case of your recursive function");
        }
        try {
            Object result = callable.call(this, args, named, span);
            if (callable instanceof Builtin) {
                BeableError error = !Values.isFinite(result) ? NotFinite.ofBuiltin(callable.name(), args, named, result, span)
                        : NotFinite.ofParameters(callable.name(), args, named, result, span);
                if (error != null) throw error;
            }
            return result;
        } catch (BeableError | ReturnSignal | CancelledException | InternalFailure e) {
            throw e;
        } catch (StackOverflowError e) {
            throw e;
        } catch (LimitExceeded e) {
            throw new BeableError(BeableError.Kind.LIMIT, span, callable.name() + "(): " + e.getMessage(), e.hint());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : PlainNumbers.of(e.getMessage());
            throw new BeableError(span, callable.name() + "(): " + message);
        } catch (RuntimeException e) {
            throw new InternalFailure(span, callable.name() + "()", e);
        } finally {
            if (counted) callDepth--;
        }
    }

    /** Calls a script function from Java (a setting rule, a user weight): positional arguments only. */
    public Object call(Object fn, Span span, Object... args) {
        return invoke(fn, List.of(args), Map.of(), span);
    }

    /** Compiles an expression as a function of the given parameters, resolving other names as globals. */
    public synchronized FunctionValue compileFunction(String name, List<String> params, org.beable.syntax.Expr body) {
        org.beable.syntax.Expr.Lambda lambda = new org.beable.syntax.Expr.Lambda(body.span(), params, null, body);
        return (FunctionValue) compiler.lambda(lambda, name, Scope.topLevel()).eval(new Frame(0, null));
    }

    /** A progress callback for a run of this many trials; null when nobody is watching. */
    public java.util.function.LongConsumer progress(long total) {
        return progress == null || cell.get() != null ? null : progress.start(total);
    }

    /** A progress callback counting {@code total} things of a kind other than trials (a sweep's cells). */
    public java.util.function.LongConsumer progress(long total, String unit) {
        return progress == null || cell.get() != null ? null : progress.start(total, unit);
    }

    /** The REPL installs a progress display; the command line does not. */
    public interface Progress {
        java.util.function.LongConsumer start(long total);

        /** A bar counting {@code unit} ("cells") rather than trials. */
        default java.util.function.LongConsumer start(long total, String unit) {
            return start(total);
        }
    }

    public void setProgress(Progress progress) { this.progress = progress; }

    /** The session's own generator (for random()), restarted by every `seed`. */
    org.apache.commons.rng.UniformRandomProvider random() {
        CellContext c = cell.get();
        if (c != null) return c.random();
        if (random == null) random = RandomStreams.stream(seed, StreamIds.SCRIPT_RANDOM);
        return random;
    }

    /** Refuses a dense matrix larger than --max-dim before anything that size is allocated. */
    public void checkDimension(long dimension, Span span, String what) {
        if (dimension > options.maxDimension()) {
            throw new BeableError(BeableError.Kind.LIMIT, span, denseMessage(dimension, options.maxDimension(), what), DENSE_HINT);
        }
    }

    /** Refuses a state space (systems, kets, sparse operators) larger than --max-sparse-dim. */
    public void checkSparseDimension(long dimension, Span span, String what) {
        if (dimension > options.sparseLimit()) {
            throw new BeableError(BeableError.Kind.LIMIT, span, what + " has dimension " + dimension + ", over the limit of "
                    + options.sparseLimit() + " for state spaces and sparse operators", SPARSE_HINT);
        }
    }

    /**
     * For values that are about to make a dense matrix of the given dimension without a span at
     * hand (a sparse operator's dense form): throws {@link LimitExceeded} over the running
     * session's --max-dim. Off the interpreter's thread (model workers) there is no session to ask.
     */
    public static void checkDenseHere(long dimension, String what) {
        Options running = RUNNING.get();
        if (running != null && dimension > running.maxDimension()) {
            throw new LimitExceeded(denseMessage(dimension, running.maxDimension(), what), DENSE_HINT);
        }
    }

    private static final String DENSE_HINT = "raise the limit with --max-dim N (memory grows as N²), or keep the operator sparse";
    private static final String SPARSE_HINT = "raise the limit with --max-sparse-dim N";

    private static String denseMessage(long dimension, int limit, String what) {
        return what + " has dimension " + dimension + ", over the limit of " + limit + " for dense matrices";
    }

    public BeableError undefined(String name, Span span) {
        return Undefined.read(name, span, globals.definedNames(), n -> "detector".equals(Values.typeName(lookup(n))));
    }

    // ------------------------------------------------------------------ modules

    void use(Stmt.Use use) {
        String key = use.module() != null ? "module:" + use.module() : fileKey(baseDirectory.resolve(use.path()));
        if (use.module() == null && !use.path().endsWith(".beable")) {
            // Never read it: an error in a file that is not a script would echo its lines (a password file, the environment).
            throw new BeableError(use.span(), "`use` loads Beable scripts (.beable files), not '" + use.path() + "'",
                    "name a .beable file, or a standard module: use " + StandardLibrary.modules().iterator().next());
        }
        if (loading.contains(key)) {
            List<String> cycle = new ArrayList<>();
            for (java.util.Iterator<String> it = loading.descendingIterator(); it.hasNext(); ) cycle.add(Path.of(it.next()).getFileName().toString());
            int from = cycle.indexOf(Path.of(key).getFileName().toString());
            List<String> shown = new ArrayList<>(cycle.subList(Math.max(0, from), cycle.size()));
            shown.add(Path.of(key).getFileName().toString());
            throw new BeableError(use.span(), "`use` cycle: " + String.join(" → ", shown),
                    "a script cannot use, directly or through others, a script that uses it; move what both need into a third file");
        }
        if (!loadedModules.add(key)) return;
        try {
            if (use.module() != null) {
                String text = StandardLibrary.read(use.module());
                if (text == null) {
                    loadedModules.remove(key);
                    throw noModule(use);
                }
                run(new Source("stdlib/" + use.module() + ".beable", text));
            } else {
                Path file = baseDirectory.resolve(use.path());
                if (!Files.isRegularFile(file)) {
                    loadedModules.remove(key);
                    throw noFile(use);
                }
                runFile(file);
            }
        } catch (IOException e) {
            loadedModules.remove(key);
            throw new BeableError(use.span(), "cannot read '" + use.path() + "': " + e.getMessage());
        }
    }

    static BeableError noModule(Stmt.Use use) {
        return new BeableError(use.span(), "no standard module '" + use.module() + "'",
                "the standard modules are: " + String.join(", ", StandardLibrary.modules()));
    }

    static BeableError noFile(Stmt.Use use) {
        return new BeableError(use.span(), "cannot read '" + use.path() + "': no such file", "paths are relative to the script's folder");
    }

    // ------------------------------------------------------------------ session state

    public void define(String name, Object value) {
        globals.define(name, value);
        if (value instanceof Builtin b) builtins.putIfAbsent(name, b);
    }

    /** The builtin of this name, when a script's own value of the name cannot be called. */
    Object builtinOr(String name, Object value) {
        Builtin b = builtins.get(name);
        return b != null ? b : value;
    }

    public java.util.Map<String, Builtin> builtins() { return java.util.Collections.unmodifiableMap(builtins); }
    public Object lookup(String name) { return globals.get(name); }
    public SortedSet<String> names() { return globals.definedNames(); }

    /** The script that ran first in this session, by name and text (files written record it). */
    public String scriptName() { return scriptName; }
    public String scriptText() { return scriptText; }

    /** Names the session's script (the REPL calls itself "<repl>" and passes its inputs so far). */
    public void setScript(String name, String text) {
        this.scriptName = name;
        this.scriptText = text;
    }
    public Options options() { return options; }
    /** Where printed values go; a sweep cell's lines are held back until the cells before it have printed theirs. */
    public Output output() {
        CellContext c = cell.get();
        return c != null ? c.output : output;
    }
    public void setOutput(Output output) { this.output = output; }
    /** The session's one cancel flag: compiled loops hold it, the REPL resets it before each command. */
    public Cancellation cancellation() { return cancellation; }

    public long seed() { return seed; }

    /** `seed N` in a script restarts the streams; --seed on the command line replaces N, so it always wins. */
    public void setSeed(long value) {
        seed = options.seedOverride() != null ? options.seedOverride() : value;
        runsSinceSeed = 0;
        random = null;
    }

    /** How far the session's random numbers have gone: the seed, the runs since it, the state of random()'s stream. */
    private record RandomPosition(long seed, long runsSinceSeed, org.apache.commons.rng.RandomProviderState scriptRandom) {}

    private RandomPosition randomPosition() {
        org.apache.commons.rng.RandomProviderState state = random instanceof org.apache.commons.rng.RestorableUniformRandomProvider r ? r.saveState() : null;
        return new RandomPosition(seed, runsSinceSeed, state);
    }

    private void restore(RandomPosition position) {
        seed = position.seed();
        runsSinceSeed = position.runsSinceSeed();
        if (position.scriptRandom() == null) {
            random = null;
        } else {
            if (random == null) random = RandomStreams.stream(seed, StreamIds.SCRIPT_RANDOM);     // a `seed` in between dropped it
            ((org.apache.commons.rng.RestorableUniformRandomProvider) random).restoreState(position.scriptRandom());
        }
    }

    /** Each run after a `seed` gets its own seed, so two runs differ but the script as a whole repeats. */
    public long nextRunSeed() {
        CellContext c = cell.get();
        if (c != null) return c.nextRunSeed();
        return RandomStreams.seed(seed, StreamIds.RUN_SEEDS, runsSinceSeed++)[0];
    }

    // ------------------------------------------------------------------ sweeps and the rows they keep

    /** Threads a run may use: all the session has, except inside a sweep cell, whose parallelism is the sweep's. */
    public int threads() {
        return cell.get() != null ? 1 : options.threads();
    }

    /** Shards, resumed runs and Spark plug in here (the command line sets it); by default every cell runs here. */
    public void setStudy(StudyHook study) { this.study = study; }
    public StudyHook study() { return study; }

    /** The bindings' table-keeping: where a row goes once it is its turn. */
    public void setRowSink(java.util.function.Consumer<KeptRow> sink) { this.rowSink = sink; }

    /** A `row`: appended to its table now, or, inside a sweep cell, when the cells before it have kept theirs. */
    public void keepRow(KeptRow row) {
        CellContext c = cell.get();
        if (c != null) c.effects.add(row);
        else applyRow(row, -1, -1);
    }

    /** Appends a row to its table (a resumed or remote cell's rows too); sweep and cell say who made it. */
    public void applyRow(KeptRow row, int sweep, long cellIndex) {
        if (rowSink == null) throw new IllegalStateException("no binding keeps rows in this session");
        rowSink.accept(row);
        study.rowKept(row, sweep, cellIndex);
    }

    /** Numbers the session's sweeps 0, 1, 2, … in the order they start: with the seed, what a cell's streams derive from. */
    int startSweep() { return sweepsStarted++; }

    /** How many sweeps this session has started. */
    public int sweepsStarted() { return sweepsStarted; }

    boolean inCell() { return cell.get() != null; }
    void enterCell(CellContext context) { cell.set(context); }
    void leaveCell() { cell.remove(); }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
