package org.beable.lsp;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.interp.StandardLibrary;

/**
 * Where a `use` leads, as a file an editor can open: `use "x.beable"` beside the document,
 * `use bell` to stdlib/bell.beable of the checkout or installation the server runs from.
 */
final class Modules {
    private Modules() {}

    /** The file of a `use` target (a module name or a quoted path), or null when there is none on disk. */
    static Path file(Analysis analysis, String target, boolean quoted) {
        if (quoted) {
            Path base = analysis.file == null ? Path.of("").toAbsolutePath() : analysis.file.toAbsolutePath().getParent();
            Path file = base.resolve(target).normalize();
            return Files.isRegularFile(file) ? file : null;
        }
        if (!StandardLibrary.modules().contains(target)) return null;
        Path folder = stdlibFolder();
        if (folder == null) return null;
        Path file = folder.resolve(target + ".beable");
        return Files.isRegularFile(file) ? file : null;
    }

    private static boolean inBuildFolder(Path path) {
        for (Path part : path) if (part.toString().equals("target")) return true;
        return false;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** stdlib/ beside target/ of the jar (or classes) the server runs from, else in the working folder; -Dbeable.stdlib overrides. */
    static Path stdlibFolder() {
        String property = System.getProperty("beable.stdlib");
        if (property != null) return Path.of(property);
        try {
            Path code = Path.of(Modules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                Path candidate = p.resolve("stdlib");
                if (inBuildFolder(candidate)) continue;     // target/classes/stdlib is a copy: the editor should open the source
                if (Files.isDirectory(candidate) && Files.isRegularFile(candidate.resolve("bell.beable"))) return candidate.toAbsolutePath();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // fall through to the working folder
        }
        Path local = Path.of("stdlib");
        return Files.isDirectory(local) ? local.toAbsolutePath() : null;
    }
}
