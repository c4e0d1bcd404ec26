package org.beable.jupyter;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of the protocol: the hex digest of header, parent header, metadata and content,
 * keyed with the connection file's key. An empty key means messages are not signed (the protocol
 * allows it); any other scheme than hmac-sha256 is refused at start.
 */
final class Signer {
    private static final String SCHEME = "hmac-sha256";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Signer(String scheme, String key) {
        if (!key.isEmpty() && !SCHEME.equals(scheme)) {
            throw new IllegalArgumentException("the connection file asks for signature scheme '" + scheme + "'; this kernel signs with " + SCHEME);
        }
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of the frames, in order; "" when messages are not signed. */
    String sign(byte[]... frames) {
        if (key == null) return "";
        Mac mac = mac();
        for (byte[] frame : frames) mac.update(frame);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether a received signature is the right one, compared in constant time. */
    boolean verify(String signature, byte[]... frames) {
        if (key == null) return true;
        return MessageDigest.isEqual(sign(frames).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK has no usable " + ALGORITHM, e);
        }
    }
}
