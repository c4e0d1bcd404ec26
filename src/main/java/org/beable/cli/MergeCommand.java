package org.beable.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.beable.study.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `beable merge PART… --to FILE`: the parts of a sharded run as the file the unsharded run writes. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines the parts written by `beable FILE --shard I/K` into the file the unsharded run writes, byte for byte.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "the parts (NAME.part-I-of-K), all K of them")
    List<Path> parts;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "the file to write (.csv or .json)")
    Path to;

    private final PrintStream out;
    private final PrintStream err;

    MergeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Merge.merge(parts, to);
            return Main.OK;
        } catch (Merge.Refused e) {
            err.println("beable merge: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        } catch (IllegalArgumentException e) {
            err.println("beable merge: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        } catch (IOException e) {
            err.println("beable merge: cannot write " + to + ": " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
    }
}
