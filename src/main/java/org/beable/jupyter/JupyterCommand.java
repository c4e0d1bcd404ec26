package org.beable.jupyter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beable.interp.Interpreter;
import org.jline.utils.Signals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `beable jupyter install | remove | kernel`: the kernelspec, and the kernel process Jupyter starts. */
@Command(name = "jupyter", description = "Beable in Jupyter: install or remove the kernelspec; `kernel` is what Jupyter runs.",
        mixinStandardHelpOptions = true, exitCodeOnInvalidInput = JupyterCommand.USAGE, subcommands = {JupyterCommand.Install.class, JupyterCommand.Remove.class, JupyterCommand.Run.class})
public final class JupyterCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    private JupyterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs `beable jupyter ARGS…`; the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** `beable jupyter` with its subcommands, ready to run or to be a subcommand of `beable`. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        JupyterCommand command = new JupyterCommand(out, err);
        CommandLine cli = new CommandLine(command, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == Install.class) return type.cast(new Install(command));
                if (type == Remove.class) return type.cast(new Remove(command));
                if (type == Run.class) return type.cast(new Run(command));
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli;
    }

    @Override
    public Integer call() {
        err.println("beable jupyter: say `install`, `remove` or `kernel CONNECTION_FILE` (`beable jupyter --help`)");
        return USAGE;
    }

    /** Where the kernelspec goes: the user's Jupyter folder (the default) or PREFIX/share/jupyter. */
    static final class Place {
        @Option(names = "--user", description = "the user's Jupyter data folder (the default)")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", description = "DIR/share/jupyter/kernels/beable (a virtual environment, a CI folder)")
        Path prefix;

        Path folder() {
            return KernelSpec.folder(prefix, System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
        }
    }

    @Command(name = "install", exitCodeOnInvalidInput = JupyterCommand.USAGE, description = "write the kernelspec `beable` (display name \"Beable\") that starts this build's kernel")
    static final class Install implements Callable<Integer> {
        private final JupyterCommand parent;

        @CommandLine.ArgGroup(exclusive = true)
        Place place = new Place();

        Install(JupyterCommand parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() {
            try {
                Path file = KernelSpec.install(place.folder(), KernelSpec.launcher());
                parent.out.println("installed the Beable kernel: " + file);
                return OK;
            } catch (IOException e) {
                parent.err.println("beable jupyter install: cannot write the kernelspec: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "remove", exitCodeOnInvalidInput = JupyterCommand.USAGE, description = "remove the kernelspec `beable`")
    static final class Remove implements Callable<Integer> {
        private final JupyterCommand parent;

        @CommandLine.ArgGroup(exclusive = true)
        Place place = new Place();

        Remove(JupyterCommand parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() {
            Path folder = place.folder();
            try {
                if (KernelSpec.remove(folder)) {
                    parent.out.println("removed the Beable kernel from " + folder);
                    return OK;
                }
                parent.err.println("beable jupyter remove: no Beable kernel is installed at " + folder);
                return FAILED;
            } catch (IOException e) {
                parent.err.println("beable jupyter remove: cannot remove " + folder + ": " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "kernel", exitCodeOnInvalidInput = JupyterCommand.USAGE, description = "run the kernel on a connection file (Jupyter starts this; you do not need to)")
    static final class Run implements Callable<Integer> {
        private final JupyterCommand parent;

        @Parameters(paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
        Path connectionFile;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads for sampling (default: all cores)")
        int threads;

        Run(JupyterCommand parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(connectionFile)) {
                parent.err.println("beable jupyter kernel: cannot read the connection file '" + connectionFile + "'");
                return USAGE;
            }
            Interpreter.Options defaults = Interpreter.Options.defaults();
            Interpreter.Options options = new Interpreter.Options(Math.max(0, threads), null, defaults.maxTrials(), defaults.maxDimension(), Path.of(""));
            try (Kernel kernel = Kernel.start(connectionFile, options)) {
                // Jupyter's "signal" interrupt and Ctrl-C in a terminal: cancel the cell, keep the kernel.
                Signals.register("INT", kernel::interrupt);
                kernel.awaitShutdown();
                return OK;
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                parent.err.println("beable jupyter kernel: " + e.getMessage());
                return FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FAILED;
            }
        }
    }
}
