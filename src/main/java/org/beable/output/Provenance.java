package org.beable.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every written file records about how it was made: the Beable version, the seed, the
 * script (its name, text and SHA-256) and the command line.
 */
public record Provenance(String version, long seed, String script, String scriptText, List<String> commandLine) {

    public Provenance {
        commandLine = List.copyOf(commandLine);
    }

    /** Provenance of this process's command line ({@link Invocation}). */
    public Provenance(String version, long seed, String script, String scriptText) {
        this(version, seed, script, scriptText, Invocation.commandLine());
    }

    /** "beable 0.1.0, seed 2026, script examples/x.beable (sha256 1a2b…)" */
    public String line() {
        return "beable " + version + ", seed " + seed + ", script " + script
                + (scriptText == null ? "" : " (sha256 " + sha256(scriptText).substring(0, 16) + ")");
    }

    /** The script's SHA-256 in hex, or null without a script text (-e, the prompt). */
    public String scriptSha256() {
        return scriptText == null ? null : sha256(scriptText);
    }

    /**
     * The JSON object data files start with (a JSON export's first keys, a CSV file's side file):
     * {"beable", "seed" (a string: seeds exceed 2^53), "script", "script_sha256", "command_line"}.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("beable", version);
        o.put("seed", Long.toString(seed));
        o.put("script", script);
        o.put("script_sha256", scriptSha256());
        commandLine.forEach(o.putArray("command_line")::add);
        return o;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
