package org.beable.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.beable.repl.Keywords;
import org.beable.syntax.Parser;
import org.beable.syntax.grammar.BeableLexer;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's TextMate grammar against the language's own lexer, on every example
 * and stdlib file: each keyword, number, string, comment and ket the lexer reads gets the
 * matching scope, and every non-blank character gets a scope. The grammar runs in node with
 * vscode-textmate and vscode-oniguruma (editors/vscode/test/grammar-test.js); the test installs
 * them with npm when node is present and skips when node, or the npm registry, is not there.
 */
class TextMateGrammarTest {
    private static final Path EXTENSION = Path.of("editors/vscode");

    @Test
    void theGrammarReadsEveryExampleAsTheLexerDoes() throws Exception {
        assumeTrue(succeeds(List.of("node", "--version"), Path.of("."), 30), "node is not installed: the grammar test is skipped");
        if (!Files.isDirectory(EXTENSION.resolve("node_modules/vscode-textmate"))) {
            List<String> install = Files.exists(EXTENSION.resolve("package-lock.json"))
                    ? List.of("npm", "ci", "--no-audit", "--no-fund") : List.of("npm", "install", "--no-audit", "--no-fund");
            assumeTrue(succeeds(install, EXTENSION, 300), "npm could not install the extension's packages: the grammar test is skipped");
        }
        Path expectations = Files.createTempFile("beable-grammar-", ".json");
        try {
            new ObjectMapper().writeValue(expectations.toFile(), Map.of("files", expectations()));
            Process node = new ProcessBuilder("node", "test/grammar-test.js", expectations.toAbsolutePath().toString())
                    .directory(EXTENSION.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS)) node.destroyForcibly();
            assertEquals(0, node.exitValue(), output);
        } finally {
            Files.deleteIfExists(expectations);
        }
    }

    /** For each file, the tokens the lexer reads as keyword, number, string, comment or ket: [line, start, end, kind], 0-based, UTF-16 columns. */
    private static List<Map<String, Object>> expectations() throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        for (String folder : List.of("examples", "stdlib")) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".beable")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    String[] lines = text.split("\r?\n", -1);
                    List<List<Object>> tokens = new ArrayList<>();
                    String previous = "";
                    for (Token t : Parser.tokens(text)) {
                        String kind = kind(t.getType());
                        // a word the lexer keeps for a clause but the grammar lets name things: after `fn` it names a function
                        if ("keyword".equals(kind) && previous.equals("fn")) kind = "function";
                        if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != BeableLexer.WS) previous = t.getText();
                        if (kind == null) continue;
                        String line = lines[t.getLine() - 1];
                        int start = line.offsetByCodePoints(0, t.getCharPositionInLine());
                        tokens.add(List.of(t.getLine() - 1, start, start + t.getText().length(), kind));
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", file.toAbsolutePath().toString());
                    entry.put("tokens", tokens);
                    files.add(entry);
                }
            }
        }
        return files;
    }

    private static String kind(int type) {
        if (Keywords.isKeyword(type)) return "keyword";
        return switch (type) {
            case BeableLexer.NUMBER, BeableLexer.IMAGINARY -> "number";
            case BeableLexer.STRING -> "string";
            case BeableLexer.COMMENT -> "comment";
            case BeableLexer.KET, BeableLexer.BRA -> "ket";
            default -> null;
        };
    }

    private static boolean succeeds(List<String> command, Path folder, int seconds) {
        try {
            Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
