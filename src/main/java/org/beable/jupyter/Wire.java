package org.beable.jupyter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The protocol's multipart framing: routing identities, the delimiter `<IDS|MSG>`, the HMAC
 * signature, then header, parent header, metadata and content as JSON (extra binary buffers are
 * read and ignored). A message with a wrong signature is dropped, as the protocol asks.
 */
final class Wire {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Signer signer;

    Wire(Signer signer) {
        this.signer = signer;
    }

    /** Sends a message; the caller owns the socket (ZeroMQ sockets are not thread-safe). */
    void send(ZMQ.Socket socket, Message message) {
        byte[][] parts = {bytes(message.header()), bytes(message.parentHeader()), bytes(message.metadata()), bytes(message.content())};
        for (byte[] identity : message.identities()) socket.sendMore(identity);
        socket.sendMore(DELIMITER);
        socket.sendMore(signer.sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3], 0);
    }

    /** The next message, or null when none came before the socket's receive timeout or it was not valid. */
    Message receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        return decode(frames);
    }

    /** The message these frames carry, or null (no delimiter, too few frames, a bad signature, bad JSON). */
    Message decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int k = 0; k < frames.size(); k++) {
            if (Arrays.equals(frames.get(k), DELIMITER)) {
                delimiter = k;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) return null;
        byte[][] parts = new byte[4][];
        for (int k = 0; k < 4; k++) parts[k] = frames.get(delimiter + 2 + k);
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        if (!signer.verify(signature, parts)) return null;
        try {
            return new Message(List.copyOf(frames.subList(0, delimiter)), object(parts[0]), object(parts[1]), object(parts[2]), object(parts[3]));
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode object(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return node instanceof ObjectNode o ? o : Message.JSON.objectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message part did not serialise", e);
        }
    }
}
