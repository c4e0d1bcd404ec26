package org.beable.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beable.interp.Interpreter;
import org.beable.interp.ValueType;
import org.beable.interp.ValueTypes;
import org.junit.jupiter.api.Test;

/** The package arrows of README's "Architecture", read from the sources: a reference that runs the wrong way fails here. */
class ArchitectureTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path MAIN = ROOT.resolve("src/main/java/org/beable");
    private static final Pattern REFERENCE = Pattern.compile("org\\.beable\\.(\\w+)");

    /** For each package, the Beable packages it must never name. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "interp", Set.of("model", "analysis", "experiment", "quantum", "output", "bindings", "cli", "repl", "study", "lsp"),
            // studies (shards, merge, resume) work on the rows and files the core and the exporter make, below the front ends
            "study", Set.of("model", "analysis", "experiment", "quantum", "bindings", "cli", "repl", "lsp"),
            "output", Set.of("model", "analysis", "interp", "bindings", "cli", "repl", "study", "lsp"),
            "model", Set.of("interp", "bindings", "output", "cli", "repl", "lsp"),
            "analysis", Set.of("interp", "bindings", "output", "cli", "repl", "lsp"),
            "experiment", Set.of("interp", "bindings", "model", "analysis", "output", "cli", "repl", "lsp"),
            "quantum", Set.of("interp", "bindings", "model", "analysis", "experiment", "output", "cli", "repl", "lsp"),
            "syntax", Set.of("interp", "bindings", "model", "analysis", "experiment", "quantum", "output", "cli", "repl", "lsp"),
            // the language server is a front end: it checks through the core and never reaches the domain (it runs nothing)
            "lsp", Set.of("model", "analysis", "experiment", "quantum", "cli"));

    /** Packages at the bottom: they name no other Beable package at all. */
    private static final Set<String> LEAVES = Set.of("format", "random", "concurrent", "files");

    @Test
    void packageArrowsRunOneWay() {
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            Set<String> forbidden = FORBIDDEN.getOrDefault(pkg, Set.of());
            Matcher m = REFERENCE.matcher(code(file));
            while (m.find()) {
                String target = m.group(1);
                boolean leafBreaks = LEAVES.contains(pkg) && !target.equals(pkg);
                if (forbidden.contains(target) || leafBreaks) wrong.add(MAIN.relativize(file) + " names org.beable." + target);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Spark stays out of the default jar: only src/spark (the `spark` artifact) names it; the command line finds the glue by name. */
    @Test
    void onlyTheSparkGlueNamesSpark() {
        List<String> wrong = new ArrayList<>();
        Pattern spark = Pattern.compile("org\\.apache\\.spark|org\\.beable\\.spark");
        for (Path file : javaFiles(MAIN)) {
            if (spark.matcher(code(file)).find()) wrong.add(MAIN.relativize(file) + " names Spark");
        }
        assertEquals(List.of(), wrong);
        List<String> glue = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("src/spark/java"))) {
            Matcher m = REFERENCE.matcher(code(file));
            while (m.find()) {
                if (!Set.of("study", "spark").contains(m.group(1))) glue.add(ROOT.relativize(file) + " names org.beable." + m.group(1));
            }
        }
        assertEquals(List.of(), glue, "the Spark glue talks to Beable through the study package's Farm and TaskRunner");
    }

    /**
     * The Jupyter kernel is a front end like the REPL: only the command line names it, and it
     * reaches the physics through the language (interp, bindings), never model/analysis/… directly.
     */
    @Test
    void jupyterIsAFrontEnd() {
        Set<String> kernelMustNotName = Set.of("model", "analysis", "experiment", "quantum", "cli");
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            Matcher m = REFERENCE.matcher(code(file));
            while (m.find()) {
                String target = m.group(1);
                boolean intoKernel = target.equals("jupyter") && !pkg.equals("jupyter") && !pkg.equals("cli");
                boolean fromKernel = pkg.equals("jupyter") && kernelMustNotName.contains(target);
                if (intoKernel || fromKernel) wrong.add(MAIN.relativize(file) + " names org.beable." + target);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyScriptVisibleFieldIsInTheReadme() throws IOException {
        new Interpreter(Interpreter.Options.defaults(), values -> { });     // installs the bindings, which declare the types
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (ValueType<?> type : ValueTypes.all()) {
            for (String field : type.fields().keySet()) {
                String row = "(`" + type.javaClass().getSimpleName() + "`) |";
                int at = readme.indexOf(row);
                int end = at < 0 ? -1 : readme.indexOf('\n', at);
                if (at < 0 || !readme.substring(at, end).contains("`" + field + "`")) missing.add(type.javaClass().getSimpleName() + "." + field);
            }
        }
        assertEquals(List.of(), missing, "README's table of fields is missing these");
        assertTrue(ValueTypes.all().size() > 20);
    }

    /** The source without comments and string literals, so prose may mention any package. */
    private static String code(Path file) {
        try {
            return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
