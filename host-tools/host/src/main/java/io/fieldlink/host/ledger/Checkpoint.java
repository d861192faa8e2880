package io.fieldlink.host.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signed statement of the ledger's size and root at a time. The signed message is the text
 * <pre>
 * fieldlink-ledger/v1
 * &lt;size&gt;
 * &lt;root, base64&gt;
 * &lt;time, epoch ms&gt;
 * </pre>
 * and the encoded checkpoint appends one line {@code "sig <key id> <signature, base64>"}.
 */
public record Checkpoint(long size, byte[] root, long timeMillis, String keyId, byte[] signature) {
    static final String ORIGIN = "fieldlink-ledger/v1";

    public Checkpoint {
        root = root.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature covers. */
    public byte[] signedMessage() {
        return signedMessage(size, root, timeMillis);
    }

    static byte[] signedMessage(long size, byte[] root, long timeMillis) {
        String text = ORIGIN + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + timeMillis + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public boolean verify(SignatureCheck check) {
        return check.verify(keyId, signedMessage(), signature);
    }

    public String encode() {
        return new String(signedMessage(), StandardCharsets.US_ASCII)
                + "sig " + keyId + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** Parses {@link #encode()}'s text; anything else is an {@link IllegalArgumentException} saying which line. */
    public static Checkpoint decode(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 6 || !lines[5].isEmpty()) {
            throw new IllegalArgumentException("checkpoint must be 5 lines, was " + (lines.length - 1));
        }
        if (!ORIGIN.equals(lines[0])) {
            throw new IllegalArgumentException("checkpoint line 1 must be " + ORIGIN);
        }
        long size = parseLong(lines[1], "size");
        byte[] root = parseBase64(lines[2], "root");
        if (root.length != MerkleHashing.HASH_LENGTH) {
            throw new IllegalArgumentException("checkpoint root must be 32 bytes, was " + root.length);
        }
        long time = parseLong(lines[3], "time");
        String[] sig = lines[4].split(" ");
        if (sig.length != 3 || !sig[0].equals("sig") || sig[1].isEmpty()) {
            throw new IllegalArgumentException("checkpoint line 5 must be 'sig <key id> <signature>'");
        }
        return new Checkpoint(size, root, time, sig[1], parseBase64(sig[2], "signature"));
    }

    private static long parseLong(String text, String field) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException("checkpoint " + field + " is negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint " + field + " is not a number: " + text, e);
        }
    }

    private static byte[] parseBase64(String text, String field) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + field + " is not base64", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && size == c.size && timeMillis == c.timeMillis && keyId.equals(c.keyId)
                && Arrays.equals(root, c.root) && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "checkpoint size=" + size + " time=" + timeMillis + " key=" + keyId;
    }
}
