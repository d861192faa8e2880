package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;
import java.util.Arrays;

/**
 * The host's acknowledgement in the response to {@code up}: every seq up to and including {@code
 * highestContiguous} is stored, and so is every seq in the ranges beyond it (stored out of order).
 * The device may drop those records from its journal. Sequence numbers are unsigned 64-bit bits.
 *
 * <pre>{0: version 1, 1: highest contiguous seq (uint64), 2: ranges (array of [first, last] uint64
 *  pairs, inclusive, ascending; absent when empty), 3: commands (array of commands; absent when none)}</pre>
 */
public final class Ack extends CborRecord {
    public static final long VERSION = 1;

    private final long highestContiguous;
    private final long[] ranges;
    private final Command[] commands;

    /**
     * @param ranges flattened inclusive pairs: first0, last0, first1, last1 ...
     * @param commands commands riding on this response (may be empty)
     */
    public Ack(long highestContiguous, long[] ranges, Command[] commands) {
        if (ranges.length % 2 != 0) {
            throw new RecordException("ack.ranges: needs first, last pairs");
        }
        for (int i = 0; i < ranges.length; i += 2) {
            if (Long.compare(ranges[i] + Long.MIN_VALUE, ranges[i + 1] + Long.MIN_VALUE) > 0) {
                throw new RecordException("ack.ranges[" + i / 2 + "]: first is after last");
            }
        }
        this.highestContiguous = highestContiguous;
        this.ranges = ranges.clone();
        this.commands = commands.clone();
    }

    public long highestContiguous() {
        return highestContiguous;
    }

    /** Flattened inclusive pairs (a copy). */
    public long[] ranges() {
        return ranges.clone();
    }

    public Command[] commands() {
        return commands.clone();
    }

    /** True if {@code seq} (unsigned) is acknowledged. */
    public boolean acknowledges(long seq) {
        long s = seq + Long.MIN_VALUE;
        if (s <= highestContiguous + Long.MIN_VALUE) {
            return true;
        }
        for (int i = 0; i < ranges.length; i += 2) {
            if (s >= ranges[i] + Long.MIN_VALUE && s <= ranges[i + 1] + Long.MIN_VALUE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String recordName() {
        return "ack";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(2 + (ranges.length > 0 ? 1 : 0) + (commands.length > 0 ? 1 : 0))
                .writeInt(0).writeInt(VERSION).writeInt(1).writeUnsigned(highestContiguous);
        if (ranges.length > 0) {
            w.writeInt(2).writeArrayHeader(ranges.length / 2);
            for (int i = 0; i < ranges.length; i += 2) {
                w.writeArrayHeader(2).writeUnsigned(ranges[i]).writeUnsigned(ranges[i + 1]);
            }
        }
        if (commands.length > 0) {
            w.writeInt(3);
            Command.writeAll(commands, w);
        }
    }

    public static Ack decode(byte[] encoded) {
        FieldMap m = FieldMap.read(encoded, "ack", VERSION);
        long highest = m.uint64(1, "highestContiguous");
        long[] ranges = new long[0];
        if (m.has(2)) {
            CborReader r = m.reader(2, "ranges", CborType.ARRAY, "array");
            int i = 0;
            try {
                int n = r.readArrayHeader();
                if (n < 0) {
                    throw m.invalid("ranges", "must have a definite length");
                }
                ranges = new long[n * 2];
                for (; i < n; i++) {
                    if (r.readArrayHeader() != 2) {
                        throw m.invalid("ranges[" + i + "]", "expected [first, last]");
                    }
                    ranges[2 * i] = r.readUnsigned();
                    ranges[2 * i + 1] = r.readUnsigned();
                }
            } catch (CborException e) {
                throw new RecordException("ack.ranges[" + i + "]: " + e.getMessage(), e);
            }
        }
        Command[] commands = m.has(3) ? Command.readAll(m, 3, "commands") : new Command[0];
        return new Ack(highest, ranges, commands);
    }

    @Override
    public String toString() {
        return "ack " + highestContiguous + " " + Arrays.toString(ranges) + " " + commands.length + " commands";
    }
}
