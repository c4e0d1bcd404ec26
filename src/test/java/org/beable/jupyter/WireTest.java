package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing and framing, against a reference HMAC and the protocol's frame layout. */
class WireTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signaturesAreHexHmacSha256OfTheFourParts() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" (split over two parts: HMAC runs over their concatenation)
        Signer signer = new Signer("hmac-sha256", "Jefe");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signer.sign(utf8("what do ya want "), utf8("for nothing?")));
        assertTrue(signer.verify("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", utf8("what do ya want for nothing?")));
        assertFalse(signer.verify("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844", utf8("what do ya want for nothing?")));
        assertEquals("", new Signer("hmac-sha256", "").sign(utf8("x")));
        assertThrows(IllegalArgumentException.class, () -> new Signer("hmac-md5", "k"));
    }

    @Test
    void framesAreIdentitiesDelimiterSignatureAndFourJsonParts() {
        Signer signer = new Signer("hmac-sha256", "secret");
        Wire wire = new Wire(signer);
        ObjectNode content = Message.JSON.objectNode().put("code", "1 + 1");
        ObjectNode header = Message.header("execute_request", "session-1", "me");
        byte[][] parts = {Wire.bytes(header), utf8("{}"), utf8("{}"), Wire.bytes(content)};
        List<byte[]> frames = new ArrayList<>(List.of(utf8("route-a"), utf8("route-b"), Wire.DELIMITER, utf8(signer.sign(parts))));
        frames.addAll(List.of(parts));
        frames.add(utf8("a binary buffer"));
        Message message = wire.decode(frames);
        assertNotNull(message);
        assertEquals(2, message.identities().size());
        assertEquals("route-b", new String(message.identities().get(1), StandardCharsets.UTF_8));
        assertEquals("execute_request", message.type());
        assertEquals("1 + 1", message.content().path("code").asText());

        Message reply = message.reply("execute_reply", Message.JSON.objectNode().put("status", "ok"));
        assertEquals(message.identities(), reply.identities());
        assertEquals(header.path("msg_id").asText(), reply.parentHeader().path("msg_id").asText());
        assertEquals("session-1", reply.header().path("session").asText());
        assertEquals("5.3", reply.header().path("version").asText());

        frames.set(6, utf8("{\"code\": \"2 + 2\"}"));     // tampered content: the signature no longer fits
        assertNull(wire.decode(frames));
        assertNull(wire.decode(List.of(utf8("no delimiter"))));
    }
}
