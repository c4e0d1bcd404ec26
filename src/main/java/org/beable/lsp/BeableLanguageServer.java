package org.beable.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beable.interp.Interpreter;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * `beable lsp`: the Language Server Protocol over a pair of streams. It parses and checks
 * documents with the static check the command line's messages come from; it never runs an
 * experiment and never writes a file. All work happens on one thread with a deep stack (as the
 * command line gives the interpreter), in the order the editor sent it.
 */
public final class BeableLanguageServer implements LanguageServer, LanguageClientAware {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            r -> { Thread t = new Thread(null, r, "beable-lsp", 256L << 20); t.setDaemon(true); return t; });
    /**
     * The session whose predefined names (builtins, models, constants) documents are checked
     * against; nothing is ever run in it. Made on the worker while the protocol starts up, so
     * `initialize` is answered at once and the first document waits only for what is left.
     */
    private final CompletableFuture<Interpreter> session =
            CompletableFuture.supplyAsync(() -> new Interpreter(Interpreter.Options.defaults(), values -> { }), worker);
    private final DocumentService documents = new DocumentService(session, worker);
    private final WorkspaceService workspace = new Workspace();
    private volatile boolean shutdown;
    private volatile Future<Void> listening;

    /** Serves one client on these streams until it exits; the exit code LSP asks for (0 after shutdown, 1 otherwise). */
    public static int serve(InputStream in, OutputStream out) {
        ProtocolLog.install(System.err);
        BeableLanguageServer server = new BeableLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.listening = listening;
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // `exit` stopped the listener, or the stream closed under us: the editor went away
        }
        return server.shutdown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of("(", ",", " ", "|")));
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(",")));
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(SemanticTokenEncoder.LEGEND, true, false);
        capabilities.setSemanticTokensProvider(tokens);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities,
                new ServerInfo("beable", org.beable.output.Version.current())));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        worker.shutdownNow();
        Future<Void> l = listening;
        if (l != null) l.cancel(true);      // `exit` ends the process: stop reading, so serve() returns
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** Nothing in the workspace changes what the server says about a document. */
    private static final class Workspace implements WorkspaceService {
        @Override public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) { }
        @Override public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) { }
    }
}
