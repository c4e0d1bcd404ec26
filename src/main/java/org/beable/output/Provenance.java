package org.beable.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What every written file records about how it was made: the Beable version, the seed, and the script. */
public record Provenance(String version, long seed, String script, String scriptText) {

    /** "beable 0.1.0, seed 2026, script examples/x.beable (sha256 1a2b…)" */
    public String line() {
        return "beable " + version + ", seed " + seed + ", script " + script
                + (scriptText == null ? "" : " (sha256 " + sha256(scriptText).substring(0, 16) + ")");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
