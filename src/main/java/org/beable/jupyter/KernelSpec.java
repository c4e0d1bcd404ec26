package org.beable.jupyter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernelspec Jupyter finds Beable by: `kernels/beable/kernel.json` under a Jupyter data
 * folder, naming the display name, the language, and the command that starts this kernel with
 * the Java and the Beable build that installed it. Interrupts are sent as messages (the control
 * channel), which a JVM receives as reliably as any other request.
 */
final class KernelSpec {
    static final String NAME = "beable";

    private KernelSpec() {}

    /** The folder of the kernelspec: under PREFIX/share/jupyter, or the user's Jupyter data folder. */
    static Path folder(Path prefix, Map<String, String> environment, String userHome, String osName) {
        Path data = prefix != null ? prefix.resolve("share").resolve("jupyter") : userDataFolder(environment, userHome, osName);
        return data.resolve("kernels").resolve(NAME);
    }

    /** Where Jupyter looks for a user's kernels (jupyter_core's rules). */
    static Path userDataFolder(Map<String, String> environment, String userHome, String osName) {
        String override = environment.get("JUPYTER_DATA_DIR");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) return Path.of(userHome, "Library", "Jupyter");
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : Path.of(userHome, "AppData", "Roaming", "jupyter");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share")).resolve("jupyter");
    }

    /** Writes kernel.json into the folder (created when missing); the file written. */
    static Path install(Path folder, List<String> command) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("kernel.json");
        Files.writeString(file, json(command));
        return file;
    }

    /** Removes the kernelspec folder; false when there was none. */
    static boolean remove(Path folder) throws IOException {
        Path file = folder.resolve("kernel.json");
        if (!Files.isRegularFile(file)) return false;
        try (var entries = Files.list(folder)) {
            for (Path entry : entries.toList()) Files.delete(entry);
        }
        Files.delete(folder);
        return true;
    }

    static String json(List<String> command) throws IOException {
        ObjectNode spec = Message.JSON.objectNode();
        ArrayNode argv = spec.putArray("argv");
        command.forEach(argv::add);
        argv.add("jupyter").add("kernel").add("{connection_file}");
        spec.put("display_name", "Beable");
        spec.put("language", "beable");
        spec.put("interrupt_mode", "message");
        spec.putObject("metadata").put("debugger", false);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
    }

    /**
     * The command that starts this build of Beable: this JVM's java with the jar it runs from
     * (and the jar's class-data-sharing archive when `./beable` made one), or with this class path.
     */
    static List<String> launcher() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path code = codeLocation();
        if (code != null && code.toString().endsWith(".jar")) {
            Path archive = code.resolveSibling(code.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
            if (Files.isRegularFile(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
                command.add("-Xlog:cds=off");
                command.add("-Xlog:cds+dynamic=off");
            }
            command.add("-jar");
            command.add(code.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.beable.cli.Main");
        }
        return command;
    }

    private static Path codeLocation() {
        try {
            return Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
