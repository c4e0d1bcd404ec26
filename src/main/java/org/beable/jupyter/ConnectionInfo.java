package org.beable.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The connection file Jupyter hands a kernel it starts: where to bind the five sockets and the
 * key that signs every message.
 */
record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int heartbeatPort,
                      String signatureScheme, String key) {

    static ConnectionInfo read(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        return new ConnectionInfo(text(json, "transport", "tcp"), text(json, "ip", "127.0.0.1"),
                json.path("shell_port").asInt(), json.path("iopub_port").asInt(), json.path("stdin_port").asInt(),
                json.path("control_port").asInt(), json.path("hb_port").asInt(),
                text(json, "signature_scheme", "hmac-sha256"), text(json, "key", ""));
    }

    private static String text(JsonNode json, String field, String otherwise) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }

    /** The address a socket binds: tcp://IP:PORT (or ipc://IP-PORT). */
    String address(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
