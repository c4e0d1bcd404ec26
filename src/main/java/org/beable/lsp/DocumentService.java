package org.beable.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.beable.interp.Interpreter;
import org.beable.repl.HelpTopics;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open documents, and every request about one. A document is analysed once per version,
 * on the server's one worker thread; a request that fails inside Beable answers "nothing here"
 * and logs the failure to the editor instead of taking the server down.
 */
final class DocumentService implements TextDocumentService {
    /** The text of an open document at its latest version, and the analysis of that text once made. */
    private static final class Open {
        final String text;
        final int version;
        Analysis analysis;

        Open(String text, int version) {
            this.text = text;
            this.version = version;
        }
    }

    /** What answers requests; made on the worker once the session exists, so `initialize` need not wait for it. */
    private record Features(Interpreter session, Completions completions, Hovers hovers, Signatures signatures,
                            SemanticTokenEncoder semanticTokens) {
        Features(Interpreter session) {
            this(session, HelpTopics.load());
        }

        private Features(Interpreter session, HelpTopics help) {
            this(session, new Completions(session), new Hovers(session, help), new Signatures(session, help), new SemanticTokenEncoder(session));
        }
    }

    private final CompletableFuture<Interpreter> session;
    private final ExecutorService worker;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    /** Read and written on the worker thread only. */
    private Features features;
    private volatile LanguageClient client;

    DocumentService(CompletableFuture<Interpreter> session, ExecutorService worker) {
        this.session = session;
        this.worker = worker;
    }

    private Features features() {
        if (features == null) features = new Features(session.join());
        return features;
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    // ------------------------------------------------------------------ document lifecycle

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        changed(params.getTextDocument().getUri(), params.getTextDocument().getText(), params.getTextDocument().getVersion());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) return;
        // Full sync: the last change holds the whole text.
        changed(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText(), params.getTextDocument().getVersion());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        worker.execute(() -> publish(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text was sent with every change; a save changes nothing the check sees (files it uses are read afresh).
    }

    private void changed(String uri, String text, int version) {
        Open document = new Open(text == null ? "" : text, version);
        open.put(uri, document);
        worker.execute(() -> {
            if (open.get(uri) != document) return;     // a newer version is already queued: check that one
            try {
                publish(uri, Diagnostics.of(analysis(uri, document)));
            } catch (RuntimeException | StackOverflowError e) {
                log("checking " + uri, e);
            }
        });
    }

    private Analysis analysis(String uri, Open document) {
        if (document.analysis == null) document.analysis = new Analysis(features().session(), uri, document.text);
        return document.analysis;
    }

    private void publish(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }

    // ------------------------------------------------------------------ requests

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(),
                (a, offset) -> Either.forLeft(features().completions().at(a, offset)), () -> Either.forLeft(List.of()));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(), (a, offset) -> features().hovers().at(a, offset), () -> null);
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(), (a, offset) -> features().signatures().at(a, offset), () -> null);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(),
                (a, offset) -> Either.forLeft(Definitions.at(a, offset)), () -> Either.forLeft(List.of()));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return whole(params.getTextDocument().getUri(),
                a -> Symbols.of(a).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList(), List::of);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return whole(params.getTextDocument().getUri(), a -> features().semanticTokens().of(a), () -> new SemanticTokens(List.of()));
    }

    /** A function of a position in an open document, answered on the worker; an unknown document or a failure answers `none`. */
    private <T> CompletableFuture<T> answer(String uri, Position position, java.util.function.BiFunction<Analysis, Integer, T> at, Supplier<T> none) {
        return whole(uri, a -> at.apply(a, a.positions.offset(position)), none);
    }

    private <T> CompletableFuture<T> whole(String uri, Function<Analysis, T> of, Supplier<T> none) {
        return CompletableFuture.supplyAsync(() -> {
            Open document = open.get(uri);
            if (document == null) return none.get();
            try {
                T result = of.apply(analysis(uri, document));
                return result == null ? none.get() : result;
            } catch (RuntimeException | StackOverflowError e) {
                log("answering about " + uri, e);
                return none.get();
            }
        }, worker);
    }

    /** A failure inside Beable while answering: the editor's log says so (it is a bug), and the server carries on. */
    private void log(String what, Throwable e) {
        LanguageClient c = client;
        if (c == null) return;
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        c.logMessage(new MessageParams(MessageType.Error, "beable: internal error while " + what + ": " + trace));
    }
}
