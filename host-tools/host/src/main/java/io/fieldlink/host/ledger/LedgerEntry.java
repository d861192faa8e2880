package io.fieldlink.host.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One money event as the ledger keeps it. {@code key} makes the event unique (for example
 * {@code "topup:<request id>"} or {@code "redeem:<meter>:<token id>"}): the ledger appends a key once.
 * {@code account} is the meter, station or well the money belongs to, {@code amountMilli} the signed
 * amount in milli-units, {@code payload} the event's own fields (canonical bytes chosen by the caller).
 * The encoded form is the Merkle leaf data.
 *
 * @param timeMillis the event's time, epoch milliseconds
 */
public record LedgerEntry(MoneyEventKind kind, String key, String account, long amountMilli, long timeMillis, byte[] payload) {
    private static final int VERSION = 1;
    private static final int MAX_TEXT = 1024;
    private static final int MAX_PAYLOAD = 64 * 1024;

    public LedgerEntry {
        requireText("key", key);
        requireText("account", account);
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload is " + payload.length + " bytes, at most " + MAX_PAYLOAD);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The canonical bytes: version, kind, key, account, amount, time, payload; big-endian, length-prefixed. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + payload.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind.code());
            writeText(out, key);
            writeText(out, account);
            out.writeLong(amountMilli);
            out.writeLong(timeMillis);
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Decodes {@link #encode()}'s bytes; a bad entry is an {@link IllegalArgumentException} naming the field. */
    public static LedgerEntry decode(byte[] bytes) {
        String field = "version";
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("ledger entry version " + version + " is not " + VERSION);
            }
            field = "kind";
            MoneyEventKind kind = MoneyEventKind.ofCode(in.readUnsignedByte());
            field = "key";
            String key = readText(in);
            field = "account";
            String account = readText(in);
            field = "amount";
            long amount = in.readLong();
            field = "time";
            long time = in.readLong();
            field = "payload";
            int length = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD || length > in.available()) {
                throw new IllegalArgumentException("ledger entry payload length " + length + " is out of range");
            }
            byte[] payload = in.readNBytes(length);
            if (in.available() > 0) {
                throw new IllegalArgumentException("ledger entry has " + in.available() + " trailing bytes");
            }
            return new LedgerEntry(kind, key, account, amount, time, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("ledger entry is truncated at its " + field, e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        if (length > MAX_TEXT || length > in.available()) {
            throw new IllegalArgumentException("ledger entry text length " + length + " is out of range");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX_TEXT + " bytes of text");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerEntry e && kind == e.kind && key.equals(e.key) && account.equals(e.account)
                && amountMilli == e.amountMilli && timeMillis == e.timeMillis && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + key + " " + account + " " + amountMilli + " @" + timeMillis;
    }
}
