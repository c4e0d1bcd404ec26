package org.beable.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** A language client wired to a server in this JVM through pipes: the real protocol, JSON and all, without a process. */
final class LspConnection implements AutoCloseable {
    final LanguageServer server;
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logged = new LinkedBlockingQueue<>();
    private final Thread serving;
    private final PipedOutputStream toServer;

    LspConnection() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream fromServer = new PipedOutputStream(clientIn);
        serving = new Thread(() -> BeableLanguageServer.serve(serverIn, fromServer), "lsp-under-test");
        serving.setDaemon(true);
        serving.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    InitializeResult initialize() throws Exception {
        InitializeResult result = server.initialize(new InitializeParams()).get(20, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "beable", 1, text)));
    }

    /** The next diagnostics published for a document (others are dropped). */
    PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
            if (p == null) throw new AssertionError("no diagnostics for " + uri + " within 20 s; logged: " + logged);
            if (p.getUri().equals(uri)) return p;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(5, TimeUnit.SECONDS);
            server.exit();
        } finally {
            toServer.close();
            serving.join(5000);
        }
    }

    private final class Client implements LanguageClient {
        @Override public void telemetryEvent(Object object) { }
        @Override public void publishDiagnostics(PublishDiagnosticsParams params) { diagnostics.add(params); }
        @Override public void showMessage(MessageParams params) { logged.add(params); }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) { return CompletableFuture.completedFuture(null); }
        @Override public void logMessage(MessageParams params) { logged.add(params); }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\r?\n", -1));
    }
}
