package io.fieldlink.protocol.cose;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.crypto.Crypto;

/**
 * One COSE_Sign1 message (RFC 9052 §4.2): {@code 18([protected: bstr .cbor header_map, unprotected:
 * header_map, payload: bstr, signature: bstr])}. Only attached payloads; only alg EdDSA (-8) verifies.
 *
 * <p>Parsing keeps the protected header bytes exactly as received (the signature covers them) and reads
 * two header labels from them or, when absent there, from the unprotected map: alg (1, an integer) and
 * kid (4, a byte string). A crit header (2) is refused, since no critical extension is understood.
 * Immutable; accessors return copies.
 */
public final class CoseSign1 {
    /** CBOR tag of a COSE_Sign1 message (RFC 9052 §2). */
    public static final int TAG = 18;
    /** COSE algorithm id of EdDSA (RFC 9053 §2.2). */
    public static final int ALG_EDDSA = -8;
    /** Header label of the algorithm. */
    public static final int LABEL_ALG = 1;
    /** Header label of the critical-headers list. */
    public static final int LABEL_CRIT = 2;
    /** Header label of the key id. */
    public static final int LABEL_KID = 4;

    private static final byte[] EMPTY_MAP = {(byte) 0xa0};
    private static final byte[] NONE = new byte[0];

    private final byte[] protectedBytes;
    private final byte[] unprotectedBytes;
    private final byte[] payload;
    private final byte[] signature;
    private final CoseHeaders headers;

    private CoseSign1(byte[] protectedBytes, byte[] unprotectedBytes, byte[] payload, byte[] signature,
            CoseHeaders headers) {
        this.protectedBytes = protectedBytes;
        this.unprotectedBytes = unprotectedBytes;
        this.payload = payload;
        this.signature = signature;
        this.headers = headers;
    }

    /**
     * Signs {@code payload} with {@code signer}: protected header {@code {1: -8, 4: kid}}, empty
     * unprotected header, empty external AAD.
     */
    public static CoseSign1 sign(byte[] payload, Signer signer) {
        byte[] kid = signer.keyId();
        byte[] prot = new CborWriter(16 + kid.length).writeMapHeader(2)
                .writeInt(LABEL_ALG).writeInt(ALG_EDDSA)
                .writeInt(LABEL_KID).writeBytes(kid)
                .toByteArray();
        byte[] body = payload.clone();
        byte[] signature = signer.sign(toBeSigned(prot, NONE, body));
        return new CoseSign1(prot, EMPTY_MAP.clone(), body, signature, CoseHeaders.parse(prot, EMPTY_MAP));
    }

    /**
     * Parses a COSE_Sign1 message, tagged (18) or untagged, that fills {@code bytes} exactly.
     *
     * @throws ProtocolException (a CBOR error with its offset, or a "cose:" message naming the field)
     *     when the bytes are not such a message
     */
    public static CoseSign1 decode(byte[] bytes) {
        CborReader reader = new CborReader(bytes);
        if (reader.peekType() == CborType.TAG) {
            long tag = reader.readTag();
            if (tag != TAG) {
                throw new ProtocolException("cose: tag " + tag + " is not COSE_Sign1 (18)");
            }
        }
        int n = reader.readArrayHeader();
        if (n != 4) {
            throw new ProtocolException("cose: COSE_Sign1 must be an array of 4 items, found "
                    + (n < 0 ? "an indefinite-length array" : n + " items"));
        }
        byte[] prot = readBytes(reader, "protected header");
        if (reader.peekType() != CborType.MAP) {
            throw new ProtocolException("cose: unprotected header must be a map, found " + reader.peekType());
        }
        byte[] unprot = reader.readRawItem();
        if (reader.peekType() == CborType.SIMPLE && reader.isNull()) {
            throw new ProtocolException("cose: detached payload (nil) is not supported");
        }
        byte[] payload = readBytes(reader, "payload");
        byte[] signature = readBytes(reader, "signature");
        if (reader.hasMore()) {
            throw new ProtocolException("cose: " + (bytes.length - reader.position())
                    + " trailing bytes after COSE_Sign1 at offset " + reader.position());
        }
        return new CoseSign1(prot, unprot, payload, signature, CoseHeaders.parse(prot, unprot));
    }

    private static byte[] readBytes(CborReader reader, String field) {
        if (reader.peekType() != CborType.BYTES) {
            throw new ProtocolException("cose: " + field + " must be a byte string, found " + reader.peekType()
                    + " at offset " + reader.position());
        }
        return reader.readBytes();
    }

    /**
     * Returns the Sig_structure (RFC 9052 §4.4) {@code ["Signature1", protected, external_aad, payload]}
     * encoded as CBOR: the bytes that are signed and verified.
     */
    public static byte[] toBeSigned(byte[] protectedBytes, byte[] externalAad, byte[] payload) {
        return new CborWriter(32 + protectedBytes.length + externalAad.length + payload.length)
                .writeArrayHeader(4)
                .writeText("Signature1")
                .writeBytes(protectedBytes)
                .writeBytes(externalAad)
                .writeBytes(payload)
                .toByteArray();
    }

    /** Returns the Sig_structure of this message with an empty external AAD. */
    public byte[] toBeSigned() {
        return toBeSigned(protectedBytes, NONE, payload);
    }

    /**
     * Checks the signature: the algorithm must be EdDSA (-8) and the Ed25519 signature must verify
     * under {@code publicKey} over {@link #toBeSigned()}. Never throws for a bad message or key.
     */
    public boolean verify(Crypto crypto, byte[] publicKey) {
        return headers.hasAlgorithm() && headers.algorithm() == ALG_EDDSA
                && crypto.ed25519Verify(publicKey, toBeSigned(), signature);
    }

    /** Encodes the message, tagged 18. */
    public byte[] encode() {
        return new CborWriter(16 + protectedBytes.length + unprotectedBytes.length + payload.length + signature.length)
                .writeTag(TAG)
                .writeArrayHeader(4)
                .writeBytes(protectedBytes)
                .writeRaw(unprotectedBytes, 0, unprotectedBytes.length)
                .writeBytes(payload)
                .writeBytes(signature)
                .toByteArray();
    }

    /** Returns the key id (protected header first, then unprotected), or {@code null} when there is none. */
    public byte[] keyId() {
        byte[] kid = headers.keyId();
        return kid == null ? null : kid.clone();
    }

    /** Returns whether an alg header is present. */
    public boolean hasAlgorithm() {
        return headers.hasAlgorithm();
    }

    /** Returns the alg header; meaningful only when {@link #hasAlgorithm()}. */
    public long algorithm() {
        return headers.algorithm();
    }

    /** Returns a copy of the encoded protected header (empty when the header is empty). */
    public byte[] protectedHeader() {
        return protectedBytes.clone();
    }

    /** Returns a copy of the encoded unprotected header map. */
    public byte[] unprotectedHeader() {
        return unprotectedBytes.clone();
    }

    /** Returns a copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Returns a copy of the signature. */
    public byte[] signature() {
        return signature.clone();
    }
}
