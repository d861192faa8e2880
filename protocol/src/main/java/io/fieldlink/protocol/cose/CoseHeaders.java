package io.fieldlink.protocol.cose;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;

/**
 * The two header parameters a COSE_Sign1 verifier here needs (alg and kid), read from the protected
 * header bytes and the unprotected map, protected first (RFC 9052 §3). Other labels are skipped; crit,
 * a label present in both buckets, or a repeated label in one bucket is an error.
 */
final class CoseHeaders {
    private boolean hasAlgorithm;
    private long algorithm;
    private byte[] keyId;

    private CoseHeaders() {
    }

    static CoseHeaders parse(byte[] protectedBytes, byte[] unprotectedMap) {
        CoseHeaders headers = new CoseHeaders();
        long[] protectedLabels = new long[0];
        if (protectedBytes.length > 0) {
            protectedLabels = headers.read(protectedBytes, "protected", null);
        }
        headers.read(unprotectedMap, "unprotected", protectedLabels);
        return headers;
    }

    private long[] read(byte[] map, String bucket, long[] forbidden) {
        CborReader reader = new CborReader(map);
        if (reader.peekType() != CborType.MAP) {
            throw new ProtocolException("cose: " + bucket + " header must be a map, found " + reader.peekType());
        }
        int n = reader.readMapHeader();
        long[] labels = new long[n < 0 || n > 8 ? 8 : n];
        int count = 0;
        for (int i = 0; n < 0 ? !reader.isBreak() : i < n; i++) {
            CborType keyType = reader.peekType();
            if (keyType != CborType.UNSIGNED && keyType != CborType.NEGATIVE) {
                reader.skip();
                reader.skip();
                continue;
            }
            long label = reader.readInt();
            if (contains(labels, count, label) || (forbidden != null && contains(forbidden, forbidden.length, label))) {
                throw new ProtocolException("cose: header label " + label + " appears twice (" + bucket + ")");
            }
            if (count == labels.length) {
                long[] grown = new long[labels.length * 2];
                System.arraycopy(labels, 0, grown, 0, count);
                labels = grown;
            }
            labels[count++] = label;
            readValue(reader, label, bucket);
        }
        if (n < 0) {
            reader.readBreak();
        }
        if (reader.hasMore()) {
            throw new ProtocolException("cose: trailing bytes after the " + bucket + " header map");
        }
        long[] out = new long[count];
        System.arraycopy(labels, 0, out, 0, count);
        return out;
    }

    private void readValue(CborReader reader, long label, String bucket) {
        if (label == CoseSign1.LABEL_CRIT) {
            throw new ProtocolException("cose: crit header (2) in the " + bucket
                    + " header names extensions this verifier does not understand");
        }
        if (label == CoseSign1.LABEL_ALG) {
            CborType type = reader.peekType();
            if (type != CborType.UNSIGNED && type != CborType.NEGATIVE) {
                throw new ProtocolException("cose: alg (1) must be an integer, found " + type);
            }
            algorithm = reader.readInt();
            hasAlgorithm = true;
        } else if (label == CoseSign1.LABEL_KID) {
            if (reader.peekType() != CborType.BYTES) {
                throw new ProtocolException("cose: kid (4) must be a byte string, found " + reader.peekType());
            }
            keyId = reader.readBytes();
        } else {
            reader.skip();
        }
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    boolean hasAlgorithm() {
        return hasAlgorithm;
    }

    long algorithm() {
        return algorithm;
    }

    byte[] keyId() {
        return keyId;
    }
}
