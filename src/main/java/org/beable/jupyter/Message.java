package org.beable.jupyter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of the Jupyter protocol: the routing identities it came with, and its four JSON
 * parts. Replies and broadcasts are made from the request they answer, so they carry its header
 * as their parent and go back to the same identities.
 */
record Message(List<byte[]> identities, ObjectNode header, ObjectNode parentHeader, ObjectNode metadata, ObjectNode content) {
    static final String PROTOCOL_VERSION = "5.3";
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    String type() {
        return header.path("msg_type").asText();
    }

    /** The reply to this request: same identities and session, this header as the parent. */
    Message reply(String type, ObjectNode content) {
        return new Message(identities, header(type, header.path("session").asText(), header.path("username").asText("beable")),
                header, JSON.objectNode(), content);
    }

    /** A broadcast on IOPub caused by this request (its topic is the message type). */
    Message broadcast(String type, ObjectNode content) {
        return new Message(List.of(type.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                header(type, header.path("session").asText(), header.path("username").asText("beable")), header, JSON.objectNode(), content);
    }

    /** A broadcast caused by no request (the kernel's "starting" status). */
    static Message unprompted(String session, String type, ObjectNode content) {
        return new Message(List.of(type.getBytes(java.nio.charset.StandardCharsets.UTF_8)), header(type, session, "beable"),
                JSON.objectNode(), JSON.objectNode(), content);
    }

    Message withMetadata(ObjectNode metadata) {
        return new Message(identities, header, parentHeader, metadata, content);
    }

    static ObjectNode header(String type, String session, String username) {
        ObjectNode header = JSON.objectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", username);
        header.put("date", Instant.now().toString());
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }
}
