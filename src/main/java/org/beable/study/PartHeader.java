package org.beable.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.beable.output.Provenance;

/**
 * The first line of a shard's part or a resume journal: what made it (the provenance every
 * exported file records, with the script's hash to compare; its command line leaves out the
 * shard, so the merged file records the unsharded run's), the table, and the shard.
 * Parts whose headers disagree on version, seed or script are never combined.
 */
record PartHeader(String version, long seed, String script, String scriptText, List<String> commandLine, String table, String shard) {
    static final String MARK = "beable-part";

    static PartHeader of(Provenance provenance, String table, Shard shard) {
        return new PartHeader(provenance.version(), provenance.seed(), provenance.script(), provenance.scriptText(), provenance.commandLine(), table,
                shard == null ? null : shard.toString());
    }

    Provenance provenance() {
        return new Provenance(version, seed, script, scriptText, commandLine);
    }

    String scriptHash() {
        return sha256(scriptText == null ? "" : scriptText);
    }

    /** Whether a part made under {@code other} belongs to the same study: same version, seed and script. */
    String differenceFrom(PartHeader other) {
        if (!scriptHash().equals(other.scriptHash())) {
            return "another script (sha256 " + scriptHash().substring(0, 16) + " vs " + other.scriptHash().substring(0, 16) + ")";
        }
        if (seed != other.seed) return "another seed (" + seed + " vs " + other.seed + ")";
        if (!version.equals(other.version)) return "another Beable version (" + version + " vs " + other.version + ")";
        if (!java.util.Objects.equals(table, other.table)) return "another table ('" + table + "' vs '" + other.table + "')";
        return null;
    }

    ObjectNode json() {
        ObjectNode node = Cells.JSON.createObjectNode();
        node.put(MARK, 1);
        node.put("version", version);
        node.put("seed", Long.toString(seed));
        node.put("script", script);
        node.put("script_sha256", scriptHash());
        if (scriptText != null) node.put("script_text", scriptText);
        commandLine.forEach(node.putArray("command_line")::add);
        if (table != null) node.put("table", table);
        if (shard != null) node.put("shard", shard);
        return node;
    }

    /** Reads a header line; null when the line is not one. */
    static PartHeader read(JsonNode node) {
        if (node == null || !node.has(MARK)) return null;
        return new PartHeader(node.path("version").asText(), Long.parseLong(node.path("seed").asText("0")), node.path("script").asText(),
                node.has("script_text") ? node.get("script_text").asText() : null, words(node.path("command_line")), node.has("table") ? node.get("table").asText() : null,
                node.has("shard") ? node.get("shard").asText() : null);
    }

    private static List<String> words(JsonNode array) {
        List<String> words = new java.util.ArrayList<>();
        array.forEach(w -> words.add(w.asText()));
        return words;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
