package org.beable.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beable.interp.InternalFailure;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.output.Version;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** `beable [FILE] [-e EXPR] [options]`: runs a script, evaluates an expression, or starts the REPL. Exit 0 / 1 / 2 / 3. */
@Command(name = "beable", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Runs Beable experiment scripts: exact and sampled predictions of quantum foundations models.",
        exitCodeOnInvalidInput = Main.USAGE, exitCodeOnExecutionException = Main.SCRIPT_ERROR)
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int SCRIPT_ERROR = 1;
    static final int USAGE = 2;
    /** A bug in Beable, not in the script. */
    static final int INTERNAL_ERROR = 3;

    enum Format { text, json, csv }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the script to run; without one, the REPL starts")
    Path file;

    @Option(names = "-e", paramLabel = "EXPR", description = "evaluate one line and print its value")
    String expression;

    @Option(names = "--seed", paramLabel = "N", description = "master seed; overrides `seed` in the script")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for sampling (default: all cores); results do not depend on it")
    int threads;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json (one JSON document with every printed value, the seed and the version) or csv (each printed table as CSV rows)")
    Format format = Format.text;

    @Option(names = "--max-trials", paramLabel = "N", description = "refuse runs with more trials than this (default ${DEFAULT-VALUE})")
    long maxTrials = Interpreter.Options.DEFAULT_MAX_TRIALS;

    @Option(names = "--max-dim", paramLabel = "N", description = "refuse dense matrices larger than this (default ${DEFAULT-VALUE})")
    int maxDimension = Interpreter.Options.DEFAULT_MAX_DIMENSION;

    // --- issue 12: the sparse limit (state spaces, kets, sparse operators) ---
    @Option(names = "--max-sparse-dim", paramLabel = "N",
            description = "refuse state spaces, kets and sparse operators larger than this (default ${DEFAULT-VALUE}: 16 qubits)")
    int maxSparseDimension = Interpreter.Options.DEFAULT_MAX_SPARSE_DIMENSION;
    // --- end issue 12 ---

    @Option(names = "--out", paramLabel = "DIR", description = "folder for files that export and plot write with a relative name (default: the current folder)")
    Path outputDirectory = Path.of("");

    // ---- files a script may write: --out above, and folders allowed besides it
    @Option(names = "--allow-write", paramLabel = "DIR", description = "also let scripts write files inside DIR (repeatable); by default they write only inside --out")
    java.util.List<Path> allowWrite = new java.util.ArrayList<>();
    // ----

    @Option(names = "--debug", description = "print Java stack traces for internal errors")
    boolean debug;

    // ---- studies: sweeps in shards (see org.beable.study and `beable merge`)
    @Option(names = "--shard", paramLabel = "I/K", description = "run only cells I, I+K, I+2K, … of each sweep; `export` writes NAME.part-I-of-K for `beable merge`")
    String shard;

    @Option(names = "--spark", paramLabel = "MASTER", description = "run the cells of each sweep as Spark tasks (local[2], spark://HOST:PORT, yarn); same output as a local run")
    String spark;

    @Option(names = "--check", description = "check FILE without running it: every error the static check finds "
            + "(the language server's diagnostics), then its warnings; exit 1 if there is an error")
    boolean check;

    private final PrintStream out;
    private final PrintStream err;

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"beable " + Version.current()};
        }
    }

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * The whole command line as a function, so tests run it in-process. It runs on a thread with a
     * large stack: recursion 10⁵ calls deep gets room (the interpreter refuses deeper), and the
     * tests meet the same limits as a user.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int[] exit = new int[1];
        Thread worker = new Thread(null, () -> exit[0] = runHere(args, out, err), "beable", 512L << 20);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return SCRIPT_ERROR;
        }
        return exit[0];
    }

    private static int runHere(String[] args, PrintStream out, PrintStream err) {
        org.beable.output.Invocation.record(args);   // data files record the command line
        CommandLine cli = new CommandLine(new Main(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.addSubcommand("merge", new MergeCommand(out, err));
        cli.addSubcommand("lsp", new LspCommand(out));
        cli.addSubcommand("jupyter", org.beable.jupyter.JupyterCommand.commandLine(out, err));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (file != null && expression != null) {
            err.println("beable: give a FILE or -e EXPR, not both");
            return USAGE;
        }
        if (!Files.isDirectory(outputDirectory.toAbsolutePath())) {
            err.println("beable: --out '" + outputDirectory + "' is not a folder");
            return USAGE;
        }
        for (Path folder : allowWrite) {
            if (!Files.isDirectory(folder)) {
                err.println("beable: --allow-write '" + folder + "' is not a folder");
                return USAGE;
            }
        }
        if (threads < 0 || maxTrials < 1 || maxDimension < 2 || maxSparseDimension < 2) {
            err.println("beable: --threads must be ≥ 0, --max-trials ≥ 1, --max-dim ≥ 2 and --max-sparse-dim ≥ 2");
            return USAGE;
        }
        org.beable.study.Shard split;
        try {
            split = shard == null ? null : org.beable.study.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            err.println("beable: --shard " + shard + ": " + e.getMessage());
            return USAGE;
        }
        Interpreter.Options options = new Interpreter.Options(threads, seed, maxTrials, maxDimension, outputDirectory, allowWrite, maxSparseDimension);
        Session session = switch (format) {
            case json -> Session.json(options, out);
            case csv -> Session.csv(options, out);
            case text -> Session.text(options, out);
        };
        org.beable.study.Farm farm;
        try {
            farm = spark == null || file == null ? null : SparkConnection.open(spark);
        } catch (IllegalArgumentException e) {
            err.println("beable: --spark " + spark + ": " + e.getMessage());
            return USAGE;
        }
        session.interpreter().setStudy(new org.beable.study.Study(session.interpreter(), split, err, farm));
        try {
            if (expression != null) {
                Object value = session.interpreter().run(new Source("-e", expression));
                if (value != NoneValue.NONE) session.echo(value);
            } else if (file != null) {
                String notAScript = notAScript(file);
                if (notAScript != null) {
                    err.println("beable: cannot read '" + file + "': " + notAScript);
                    return USAGE;
                }
                if (check) return check(session.interpreter());
                session.interpreter().runFile(file);
            } else {
                return Interactive.start(session, System.in, out, err);
            }
            session.finish(null);
            return OK;
        } catch (BeableError e) {
            session.finish(e);
            err.println(e.render());
            return SCRIPT_ERROR;
        } catch (IOException e) {
            err.println("beable: cannot read '" + file + "': " + e.getMessage());
            return USAGE;
        } catch (InternalFailure e) {
            err.println(e.render() + (debug ? "" : " (run with --debug for the Java stack trace)"));
            if (debug) e.getCause().printStackTrace(err);
            return INTERNAL_ERROR;
        } catch (org.beable.concurrent.CancelledException e) {
            err.println("cancelled");
            return SCRIPT_ERROR;
        } catch (RuntimeException | OutOfMemoryError e) {
            return internalError(e);
        } catch (StackOverflowError e) {
            err.println("beable: the script is nested or recursing too deeply for the stack");
            return SCRIPT_ERROR;
        } finally {
            if (farm != null) farm.close();
        }
    }

    /** Why FILE cannot be a script (a folder, a device…), or null when it is a regular file. */
    private static String notAScript(Path file) {
        if (Files.isRegularFile(file)) return null;
        if (Files.isDirectory(file)) return "it is a folder, not a script file";
        if (!Files.exists(file)) return "no such file";
        return "it is a device or another special file, not a script file";
    }

    /** `--check FILE`: the static check alone, rendered as the running script would render each error; nothing runs. */
    private int check(Interpreter interpreter) throws IOException {
        Source source = new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        org.beable.interp.StaticCheck.Report report = org.beable.interp.StaticCheck.check(interpreter, source,
                file.toAbsolutePath().getParent());
        for (BeableError e : report.errors()) err.println(e.render());
        for (BeableError w : report.warnings()) {
            err.println(new BeableError(w.kind(), w.span(), "warning: " + w.getMessage(), w.hint()).render());
        }
        return report.errors().isEmpty() ? OK : SCRIPT_ERROR;
    }

    private int internalError(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            err.println("beable: out of memory; lower `trials` or the systems' dimension, or give Java more memory (JAVA_OPTS=-Xmx…)");
            return SCRIPT_ERROR;
        }
        err.println("beable: internal error: " + e + "; this is a bug in Beable, not in the script"
                + (debug ? "" : " (run with --debug for the Java stack trace)"));
        if (debug) e.printStackTrace(err);
        return INTERNAL_ERROR;
    }
}
