package org.beable.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beable.golden.InProcess;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The language server through the protocol, in this JVM: a client on one end of a pipe, `beable lsp` on the other. */
class LanguageServerTest {
    private static LspConnection lsp;
    private static InitializeResult initialized;

    @BeforeAll
    static void start() throws Exception {
        lsp = new LspConnection();
        initialized = lsp.initialize();
    }

    @AfterAll
    static void stop() throws Exception {
        lsp.close();
    }

    private static String uri(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    private static TextDocumentIdentifier doc(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    /** The position just after the first occurrence of a marker in a text. */
    private static Position after(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, marker);
        int offset = at + marker.length();
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
    }

    @Test
    void initializeAnnouncesWhatTheServerDoes() {
        var caps = initialized.getCapabilities();
        assertNotNull(caps.getCompletionProvider());
        assertTrue(caps.getHoverProvider().getLeft());
        assertTrue(caps.getDefinitionProvider().getLeft());
        assertTrue(caps.getDocumentSymbolProvider().getLeft());
        assertNotNull(caps.getSignatureHelpProvider());
        assertTrue(caps.getSemanticTokensProvider().getLegend().getTokenTypes().contains("keyword"));
        assertEquals("beable", initialized.getServerInfo().getName());
    }

    private static final Pattern LOCATED = Pattern.compile("^(.*):(\\d+):(\\d+): (.*)$");

    /** A rendered command-line error as the diagnostic it should be: line, column, width of `^~~`, message and hint. */
    private static List<String> expectedFromCli(String stderr) {
        List<String> lines = LspConnection.lines(stderr.stripTrailing());
        List<String> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            Matcher m = LOCATED.matcher(lines.get(k));
            if (!m.matches()) continue;
            String message = m.group(4);
            int width = k + 2 < lines.size() ? lines.get(k + 2).strip().length() : 1;
            if (k + 3 < lines.size() && lines.get(k + 3).startsWith("hint: ")) message += "\n" + lines.get(k + 3);
            out.add((Integer.parseInt(m.group(2)) - 1) + ":" + (Integer.parseInt(m.group(3)) - 1) + "+" + width + " " + message);
        }
        return out;
    }

    private static List<String> described(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            var r = d.getRange();
            out.add(r.getStart().getLine() + ":" + r.getStart().getCharacter() + "+"
                    + Math.max(1, r.getEnd().getCharacter() - r.getStart().getCharacter()) + " " + d.getMessage());
        }
        return out;
    }

    /** Every failing golden the check can see without running: the diagnostics are the command line's errors, text and place. */
    @TestFactory
    Stream<DynamicTest> diagnosticsEqualTheCommandLine() throws Exception {
        List<Path> goldens;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            goldens = files.filter(p -> p.toString().endsWith("_error.beable") && !p.toString().contains("/_")).sorted().toList();
        }
        return goldens.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String uri = uri(file);
            lsp.open(uri, text);
            List<Diagnostic> diagnostics = lsp.nextDiagnostics(uri).getDiagnostics();
            if (diagnostics.isEmpty()) return;       // an error only running finds (a failed assert, a bad value)
            InProcess.Result cli = InProcess.run("--threads", "1", file.toString());
            List<String> expected = expectedFromCli(cli.err());
            List<String> ours = described(diagnostics);
            if (expected.size() == 1) ours = ours.subList(0, 1);     // the command line stops at its first error after parsing
            assertEquals(expected, ours, cli.describe());
        }));
    }

    @Test
    void garbageAndDeepNestingGetDiagnosticsAndTheServerCarriesOn() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/garbage.beable";
        lsp.open(uri, "print " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "\n");
        List<Diagnostic> deep = lsp.nextDiagnostics(uri).getDiagnostics();
        // refused before parsing, as the command line refuses it: brackets deeper than the parser's limit
        assertEquals(1, deep.size(), deep.toString());
        assertTrue(deep.get(0).getMessage().startsWith("brackets nested more than 256 deep"), deep.toString());
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent("\u0000|<>|{ \"\n\uD83D\uDE00 let = fn ( { [ ]\n"))));
        assertFalse(lsp.nextDiagnostics(uri).getDiagnostics().isEmpty());
        assertEquals(List.of(), labels(uri, new Position(5, 0)).stream().filter(l -> l.isEmpty()).toList());
        assertTrue(lsp.logged.isEmpty(), "no internal error was logged: " + lsp.logged);
    }

    @Test
    void anErrorAppearsAndAFixClearsIt() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/fix.beable";
        lsp.open(uri, "let amplitude = 0.5\nprint amplitud * 2\n");
        List<Diagnostic> first = lsp.nextDiagnostics(uri).getDiagnostics();
        assertEquals(1, first.size());
        assertEquals("'amplitud' is not defined\nhint: did you mean 'amplitude'?", first.get(0).getMessage());
        assertEquals(new Position(1, 6), first.get(0).getRange().getStart());
        assertEquals(new Position(1, 14), first.get(0).getRange().getEnd());
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent("let amplitude = 0.5\nprint amplitude * 2\n"))));
        assertEquals(List.of(), lsp.nextDiagnostics(uri).getDiagnostics());
    }

    private static final String EXPERIMENT = """
            system alice : qubit
            system bob : qubit
            detector A on alice = spin(a)
            detector B on bob = spin(b)
            fn angle(k, scale) = k * scale
            experiment chsh {
              prepare (|01> - |10>) / sqrt(2)
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
            }
            let m = retrocausal(gamma = 0.1, )
            print chsh(predict chsh under m), atan2(1, angle(2, 3))
            """;

    private List<String> labels(String uri, Position at) throws Exception {
        List<CompletionItem> items = lsp.server.getTextDocumentService().completion(new CompletionParams(doc(uri), at))
                .get(20, TimeUnit.SECONDS).getLeft();
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completionInsideAnExperimentOffersItsDetectorsAndSettings() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/complete.beable";
        lsp.open(uri, EXPERIMENT);
        lsp.nextDiagnostics(uri);
        List<String> inMeasure = labels(uri, after(EXPERIMENT, "measure A, "));
        assertTrue(inMeasure.containsAll(List.of("A", "B", "a", "b", "trials", "alice")), inMeasure.toString());
        List<String> inModelCall = labels(uri, after(EXPERIMENT, "retrocausal(gamma = 0.1, "));
        assertTrue(inModelCall.contains("gamma"), inModelCall.toString());
        List<String> afterUnder = labels(uri, after(EXPERIMENT, "under "));
        assertTrue(afterUnder.containsAll(List.of("quantum", "retrocausal", "m")), afterUnder.toString());
        assertFalse(afterUnder.contains("sqrt"), afterUnder.toString());
        List<String> inFunction = labels(uri, after(EXPERIMENT, "= k * "));
        assertTrue(inFunction.containsAll(List.of("k", "scale", "sqrt", "angle")), inFunction.toString());
        List<String> outside = labels(uri, after(EXPERIMENT, "print "));
        assertFalse(outside.contains("k"), "a parameter is not in scope outside its function: " + outside);
    }

    private String hover(String uri, Position at) throws Exception {
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(doc(uri), at)).get(20, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void hoverShowsABuiltinsSignatureAndAModelsHelp() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/hover.beable";
        lsp.open(uri, EXPERIMENT);
        lsp.nextDiagnostics(uri);
        String sqrt = hover(uri, after(EXPERIMENT, "sq"));
        assertTrue(sqrt.contains("sqrt(x)"), sqrt);
        String model = hover(uri, after(EXPERIMENT, "retro"));
        assertTrue(model.contains("gamma") && model.contains("Bell's conditions"), model);
        String detector = hover(uri, after(EXPERIMENT, "measure A"));
        assertTrue(detector.contains("detector A on alice = spin(a)"), detector);
    }

    @Test
    void signatureHelpMarksTheArgumentBeingTyped() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/signature.beable";
        lsp.open(uri, EXPERIMENT);
        lsp.nextDiagnostics(uri);
        SignatureHelp atan2 = lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(uri), after(EXPERIMENT, "atan2(1, ")))
                .get(20, TimeUnit.SECONDS);
        assertEquals("atan2(y, x)", atan2.getSignatures().get(0).getLabel());
        assertEquals(1, atan2.getActiveParameter());
        SignatureHelp own = lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(uri), after(EXPERIMENT, "angle(2, ")))
                .get(20, TimeUnit.SECONDS);
        assertEquals("angle(k, scale)", own.getSignatures().get(0).getLabel());
        SignatureHelp model = lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(uri), after(EXPERIMENT, "retrocausal(gam")))
                .get(20, TimeUnit.SECONDS);
        assertTrue(model.getSignatures().get(0).getLabel().startsWith("retrocausal(gamma = …"), model.toString());
    }

    private List<? extends Location> definition(String uri, Position at) throws Exception {
        return lsp.server.getTextDocumentService().definition(new DefinitionParams(doc(uri), at)).get(20, TimeUnit.SECONDS).getLeft();
    }

    @Test
    void definitionOfAFunctionAndOfAUsedFile() throws Exception {
        Path folder = Files.createTempDirectory("beable-lsp-");
        Path helper = folder.resolve("helper.beable");
        Files.writeString(helper, "fn double(x) = 2 * x\n");
        String text = "use \"helper.beable\"\nuse bell\nfn half(x) = x / 2\nprint half(double(1)), tsirelson\n";
        Path main = folder.resolve("main.beable");
        Files.writeString(main, text);
        String uri = uri(main);
        lsp.open(uri, text);
        assertEquals(List.of(), lsp.nextDiagnostics(uri).getDiagnostics());

        List<? extends Location> half = definition(uri, after(text, "print ha"));
        assertEquals(uri, half.get(0).getUri());
        assertEquals(new Position(2, 3), half.get(0).getRange().getStart());

        List<? extends Location> file = definition(uri, after(text, "use \"hel"));
        assertEquals(helper.toUri().toString(), file.get(0).getUri());

        List<? extends Location> inHelper = definition(uri, after(text, "half(dou"));
        assertEquals(helper.toUri().toString(), inHelper.get(0).getUri());
        assertEquals(new Position(0, 3), inHelper.get(0).getRange().getStart());

        List<? extends Location> stdlib = definition(uri, after(text, "use be"));
        assertTrue(stdlib.get(0).getUri().endsWith("stdlib/bell.beable"), stdlib.toString());
        List<? extends Location> constant = definition(uri, after(text, ", tsir"));
        assertTrue(constant.get(0).getUri().endsWith("stdlib/bell.beable"), constant.toString());
    }

    @Test
    void symbolsOfAnExample() throws Exception {
        Path example = Path.of("examples/chsh_quantum.beable");
        String uri = uri(example);
        lsp.open(uri, Files.readString(example));
        lsp.nextDiagnostics(uri);
        List<DocumentSymbol> symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(uri)))
                .get(20, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
        List<String> described = symbols.stream().map(s -> s.getName() + ":" + s.getKind()).toList();
        assertTrue(described.containsAll(List.of("alice:" + SymbolKind.Namespace, "bob:" + SymbolKind.Namespace,
                "A:" + SymbolKind.Field, "B:" + SymbolKind.Field)), described.toString());
        assertTrue(described.stream().anyMatch(s -> s.endsWith(":" + SymbolKind.Class)), "an experiment: " + described);
    }

    @Test
    void semanticTokensCoverKeywordsNumbersAndKets() throws Exception {
        String uri = "file:///tmp/beable-lsp-test/tokens.beable";
        String text = "# a comment\nlet x = 1.5\nstate s = |0>\n";
        lsp.open(uri, text);
        lsp.nextDiagnostics(uri);
        SemanticTokens tokens = lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc(uri))).get(20, TimeUnit.SECONDS);
        List<Integer> data = tokens.getData();
        List<String> types = new ArrayList<>();
        for (int k = 3; k < data.size(); k += 5) types.add(SemanticTokenEncoder.TYPES.get(data.get(k)));
        assertEquals(List.of("comment", "keyword", "variable", "number", "keyword", "variable", "macro"), types);
    }
}
