package org.beable.golden;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every script under {@code src/test/resources/golden/<feature>/<behaviour>.beable} through
 * the real command line ({@code beable --threads 2 [# args] SCRIPT}, in-process) and compares
 * stdout line by line, stderr line by line and the exit code with the expectations written in
 * the script (see {@link GoldenScript} for the comment syntax).
 *
 * <p>Files and folders whose name starts with '_' are not run: {@code _bugs/} holds goldens that
 * document interpreter bugs (they fail until the bug is fixed; run them with
 * {@code -Dgolden.bugs=true}), and {@code _name.beable} files are helper modules that other
 * scripts {@code use}. {@code -Dgolden.only=ket} runs only the scripts whose name contains "ket".
 */
class GoldenTest {
    static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicNode> goldenScripts() throws IOException {
        return byFeature(scripts(root(), false));
    }

    /** The known-bug goldens; skipped unless -Dgolden.bugs=true. */
    @TestFactory
    Stream<DynamicNode> knownBugs() throws IOException {
        if (!Boolean.getBoolean("golden.bugs")) return Stream.empty();
        return byFeature(scripts(root().resolve("_bugs"), true));
    }

    /**
     * The golden folder in the source tree (so a deleted or renamed script is not run from a
     * stale copy in the build directory), or the copy on the test classpath.
     */
    static Path root() {
        Path source = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "resources", "golden");
        if (Files.isDirectory(source)) return source;
        URL url = GoldenTest.class.getResource("/golden");
        if (url == null) throw new IllegalStateException("no golden/ folder on the test classpath");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every runnable golden script below a folder, sorted by relative name. */
    static List<GoldenScript> scripts(Path folder, boolean includeBugs) throws IOException {
        Path root = root();
        String only = System.getProperty("golden.only", "");
        List<GoldenScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(p) || !p.toString().endsWith(".beable")) continue;
                Path relative = root.relativize(p);
                if (!runnable(relative, includeBugs)) continue;
                String name = relative.toString().replace('\\', '/').replaceFirst("\\.beable$", "");
                if (!name.contains(only)) continue;
                scripts.add(GoldenScript.read(p, name));
            }
        }
        return scripts;
    }

    private static boolean runnable(Path relative, boolean includeBugs) {
        for (int k = 0; k < relative.getNameCount(); k++) {
            String part = relative.getName(k).toString();
            if (part.startsWith("_") && !(includeBugs && k == 0 && part.equals("_bugs"))) return false;
        }
        return true;
    }

    private static Stream<DynamicNode> byFeature(List<GoldenScript> scripts) {
        Map<String, List<DynamicNode>> features = new TreeMap<>();
        for (GoldenScript s : scripts) {
            String feature = s.name().contains("/") ? s.name().substring(0, s.name().lastIndexOf('/')) : "";
            String behaviour = s.name().substring(s.name().lastIndexOf('/') + 1);
            features.computeIfAbsent(feature, f -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(behaviour, s.path().toUri(), () -> check(s)));
        }
        return features.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue()));
    }

    /** Runs one script and fails with a readable report of every difference. */
    static void check(GoldenScript script) {
        List<String> args = new ArrayList<>(List.of("--threads", "2"));
        args.addAll(script.args());
        args.add(script.path().toString());
        InProcess.Result result;
        try {
            result = assertTimeoutPreemptively(TIME_LIMIT, () -> InProcess.run(args),
                    () -> "golden/" + script.name() + " ran longer than " + TIME_LIMIT.toSeconds() + " s");
        } catch (AssertionFailedError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionFailedError("golden/" + script.name() + ".beable: Main.run threw " + t
                    + " instead of returning an exit code", t);
        }

        // File names in messages are shown relative to the script's folder.
        String folder = script.path().getParent().toString() + java.io.File.separator;
        List<String> err = InProcess.lines(result.err().replace(folder, ""));
        List<String> out = result.outLines();

        StringBuilder report = new StringBuilder();
        if (!GoldenScript.matches(script.stdout(), out)) {
            report.append("stdout differs (- expected, + actual):\n").append(LineDiff.of(script.stdout(), out));
        }
        if (!GoldenScript.matches(script.stderr(), err)) {
            report.append("stderr differs (- expected, + actual):\n").append(LineDiff.of(script.stderr(), err));
        }
        if (result.exit() != script.exit()) {
            report.append("exit code: expected ").append(script.exit()).append(", got ").append(result.exit()).append('\n');
        }
        if (report.length() > 0) {
            fail("golden/" + script.name() + ".beable (beable " + String.join(" ", args.subList(0, args.size() - 1))
                    + " …)\n" + report);
        }
    }
}
