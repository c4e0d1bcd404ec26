package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A front end for the tests, speaking the real protocol over ZeroMQ as Jupyter does: DEALER
 * sockets on shell and control, SUB on IOPub, REQ on the heartbeat, every message signed.
 */
final class KernelClient implements AutoCloseable {
    static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private final ZContext context = new ZContext();
    private final Wire wire = new Wire(new Signer("hmac-sha256", KEY));
    private final String session = UUID.randomUUID().toString();
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;

    KernelClient(ConnectionInfo info) {
        shell = connect(SocketType.DEALER, info.address(info.shellPort()));
        control = connect(SocketType.DEALER, info.address(info.controlPort()));
        iopub = connect(SocketType.SUB, info.address(info.iopubPort()));
        iopub.subscribe(new byte[0]);
        heartbeat = connect(SocketType.REQ, info.address(info.heartbeatPort()));
    }

    private ZMQ.Socket connect(SocketType type, String address) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setReceiveTimeOut(200);
        socket.connect(address);
        return socket;
    }

    /** A connection file on free loopback ports, signed with {@link #KEY}. */
    static Path connectionFile(Path folder) throws IOException {
        ObjectNode json = Message.JSON.objectNode();
        json.put("transport", "tcp");
        json.put("ip", "127.0.0.1");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) json.put(port, freePort());
        json.put("signature_scheme", "hmac-sha256");
        json.put("key", KEY);
        Path file = folder.resolve("kernel-" + UUID.randomUUID() + ".json");
        Files.write(file, Wire.bytes(json));
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends a request; its header's msg_id is returned so replies and broadcasts can be matched. */
    String send(ZMQ.Socket socket, String type, ObjectNode content) {
        Message message = new Message(List.of(), Message.header(type, session, "test"), Message.JSON.objectNode(), Message.JSON.objectNode(), content);
        wire.send(socket, message);
        return message.header().path("msg_id").asText();
    }

    /** Sends raw frames (a tampered message). */
    void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int k = 0; k < frames.size() - 1; k++) socket.sendMore(frames.get(k));
        socket.send(frames.get(frames.size() - 1), 0);
    }

    Message receive(ZMQ.Socket socket, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Message m = wire.receive(socket);
            if (m != null) return m;
        }
        return null;
    }

    /** The reply to a request on that socket. */
    Message reply(ZMQ.Socket socket, String requestId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Message m = receive(socket, Duration.ofMillis(200));
            if (m != null && m.parentHeader().path("msg_id").asText().equals(requestId)) return m;
        }
        return null;
    }

    /** IOPub messages caused by a request, up to and including its idle status. */
    List<Message> broadcasts(String requestId, Duration timeout) {
        return broadcastsUntil(requestId, m -> m.type().equals("status") && m.content().path("execution_state").asText().equals("idle"), timeout);
    }

    List<Message> broadcastsUntil(String requestId, Predicate<Message> last, Duration timeout) {
        List<Message> seen = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Message m = receive(iopub, Duration.ofMillis(200));
            if (m == null || !m.parentHeader().path("msg_id").asText().equals(requestId)) continue;
            seen.add(m);
            if (last.test(m)) return seen;
        }
        return seen;
    }

    /** Waits until IOPub delivers (a SUB socket misses what was published before it joined). */
    void awaitIopub(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String id = send(shell, "kernel_info_request", Message.JSON.objectNode());
            assertNotNull(reply(shell, id, Duration.ofSeconds(30)), "no kernel_info_reply");
            if (!broadcasts(id, Duration.ofMillis(500)).isEmpty()) return;
        }
        throw new AssertionError("IOPub delivered nothing");
    }

    /** One cell: its reply and what it broadcast. */
    record Cell(Message reply, List<Message> outputs) {
        List<Message> of(String type) {
            return outputs.stream().filter(m -> m.type().equals(type)).toList();
        }
    }

    Cell execute(String code, Duration timeout) {
        ObjectNode content = Message.JSON.objectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.putObject("user_expressions");
        content.put("allow_stdin", false);
        String id = send(shell, "execute_request", content);
        List<Message> outputs = broadcasts(id, timeout);
        Message reply = reply(shell, id, timeout);
        assertNotNull(reply, "no execute_reply for " + code);
        return new Cell(reply, outputs);
    }

    @Override
    public void close() {
        context.close();
    }
}
