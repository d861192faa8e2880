package io.fieldlink.host.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest log's entries: what an accepted uplink, batch or hello did, in a compact binary form
 * that redoes it. Layout (big-endian): a kind byte, then for {@link Kind#UPLINK} one uplink; for
 * {@link Kind#BATCH} the device, receive time, count and that many uplinks without their device; for
 * {@link Kind#HELLO} device, firmware, boot count and time; for {@link Kind#RAW_BATCH} the device,
 * receive time and the batch's payload as received (an int length and the bytes), which
 * {@link BatchReader} turns into the same uplinks again. An uplink is device (UPLINK only), seq,
 * receive time, readings (channel, time, value) and events (type, time, body); strings are an int
 * length and UTF-8. Stateless.
 */
public final class LogEntries {
    private LogEntries() {
    }

    /** What an entry records. */
    public enum Kind {
        /** One uplink ({@link Ingest#submit}). */
        UPLINK,
        /** One device's batch ({@link Ingest#submitBatch}). */
        BATCH,
        /** A device's hello ({@link Ingest#hello}). */
        HELLO,
        /**
         * One device's batch as the payload it arrived in ({@link Ingest#submitBatch(String, List,
         * byte[], long, int)}): no re-encoding on the way in, decoded again only by a replay.
         */
        RAW_BATCH
    }

    /** A decoded entry: exactly one of {@code uplinks} (for UPLINK and BATCH) or the hello fields is meaningful. */
    public record Entry(Kind kind, String device, long receivedAt, List<Uplink> uplinks, String firmware, long bootCount) {
    }

    /** @return the entry for one uplink */
    public static byte[] uplink(Uplink u) {
        Out out = new Out(64 + 32 * u.records());
        out.b(Kind.UPLINK.ordinal());
        out.s(u.device());
        uplinkBody(out, u);
        return out.bytes();
    }

    /** @return the entry for one device's batch */
    public static byte[] batch(String device, List<Uplink> uplinks, long receivedAt) {
        int records = 0;
        for (Uplink u : uplinks) {
            records += u.records();
        }
        Out out = new Out(64 + 24 * uplinks.size() + 32 * records);
        out.b(Kind.BATCH.ordinal());
        out.s(device);
        out.l(receivedAt);
        out.i(uplinks.size());
        for (Uplink u : uplinks) {
            uplinkBody(out, u);
        }
        return out.bytes();
    }

    /**
     * @param payload the validated {@code UplinkBatch} payload, which {@link BatchReader#read} with
     *     this device and receive time turns into the batch's uplinks
     * @return the entry for one device's batch, holding the payload as received
     */
    public static byte[] rawBatch(String device, byte[] payload, long receivedAt) {
        // written straight into an array of the exact size: this runs for every batch
        byte[] d = device.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(1 + 4 + d.length + 8 + 4 + payload.length);
        out.put((byte) Kind.RAW_BATCH.ordinal()).putInt(d.length).put(d).putLong(receivedAt).putInt(payload.length)
                .put(payload);
        return out.array();
    }

    /** @return the entry for a hello */
    public static byte[] hello(String device, String firmware, long bootCount, long atMillis) {
        Out out = new Out(64);
        out.b(Kind.HELLO.ordinal());
        out.s(device);
        out.s(firmware);
        out.l(bootCount);
        out.l(atMillis);
        return out.bytes();
    }

    private static void uplinkBody(Out out, Uplink u) {
        out.l(u.seq());
        out.l(u.receivedAt());
        out.i(u.readings().size());
        for (Reading r : u.readings()) {
            out.s(r.channel());
            out.l(r.timeMillis());
            out.d(r.value());
        }
        out.i(u.events().size());
        for (Event e : u.events()) {
            out.s(e.type());
            out.l(e.timeMillis());
            out.s(e.body());
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when the bytes are not an entry
     */
    public static Entry decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int kind = in.readUnsignedByte();
            Entry e;
            if (kind == Kind.UPLINK.ordinal()) {
                String device = s(in);
                Uplink u = uplinkBody(in, device);
                e = new Entry(Kind.UPLINK, device, u.receivedAt(), List.of(u), null, 0);
            } else if (kind == Kind.BATCH.ordinal()) {
                String device = s(in);
                long at = in.readLong();
                int n = count(in);
                List<Uplink> us = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    us.add(uplinkBody(in, device));
                }
                e = new Entry(Kind.BATCH, device, at, us, null, 0);
            } else if (kind == Kind.RAW_BATCH.ordinal()) {
                String device = s(in);
                long at = in.readLong();
                byte[] payload = new byte[count(in)];
                in.readFully(payload);
                List<Uplink> us;
                try {
                    us = BatchReader.read(payload, device, at);
                } catch (MalformedUplinkException x) {
                    throw new IllegalArgumentException("the logged batch of " + device + " does not decode: " + x.getMessage(), x);
                }
                e = new Entry(Kind.BATCH, device, at, us, null, 0);
            } else if (kind == Kind.HELLO.ordinal()) {
                String device = s(in);
                String firmware = s(in);
                long boot = in.readLong();
                long at = in.readLong();
                e = new Entry(Kind.HELLO, device, at, List.of(), firmware, boot);
            } else {
                throw new IllegalArgumentException("unknown ingest log entry kind " + kind);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the end of a " + e.kind() + " entry");
            }
            return e;
        } catch (IOException x) {
            throw new IllegalArgumentException("truncated ingest log entry: " + x, x);
        }
    }

    private static Uplink uplinkBody(DataInputStream in, String device) throws IOException {
        long seq = in.readLong();
        long at = in.readLong();
        int nr = count(in);
        List<Reading> rs = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            rs.add(new Reading(s(in), in.readLong(), in.readDouble()));
        }
        int ne = count(in);
        List<Event> es = new ArrayList<>(ne);
        for (int i = 0; i < ne; i++) {
            es.add(new Event(s(in), in.readLong(), s(in)));
        }
        return new Uplink(device, seq, rs, es, at);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IllegalArgumentException("count " + n + " does not fit the entry");
        }
        return n;
    }

    private static String s(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A growing big-endian byte buffer. */
    private static final class Out {
        private final ByteArrayOutputStream bytes;
        private final DataOutputStream out;

        Out(int size) {
            bytes = new ByteArrayOutputStream(size);
            out = new DataOutputStream(bytes);
        }

        void b(int v) {
            bytes.write(v);
        }

        void i(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void l(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void d(double v) {
            try {
                out.writeDouble(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void s(String v) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            i(b.length);
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
