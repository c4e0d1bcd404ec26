package org.beable.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.beable.lsp.BeableLanguageServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `beable lsp`: the language server, speaking LSP on standard input and output (editors/vscode starts it). */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Starts the language server for editors: the Language Server Protocol on standard input and output.")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "talk over standard input and output (the only transport; clients often pass it)")
    boolean stdio;

    private final PrintStream out;

    LspCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        return BeableLanguageServer.serve(System.in, out);
    }
}
