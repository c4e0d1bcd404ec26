package org.beable.interp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The modules in stdlib/, read from the jar (or from ./stdlib when running from a checkout). */
public final class StandardLibrary {
    private static final List<String> MODULES = List.of("bell", "detectors", "ensemble");

    private StandardLibrary() {}

    public static List<String> modules() {
        return MODULES;
    }

    static String read(String module) throws IOException {
        try (InputStream in = StandardLibrary.class.getResourceAsStream("/stdlib/" + module + ".beable")) {
            if (in != null) return Interpreter.read(in);
        }
        Path local = Path.of("stdlib", module + ".beable");
        return Files.isRegularFile(local) ? Files.readString(local) : null;
    }
}
