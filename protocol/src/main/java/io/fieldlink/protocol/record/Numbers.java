package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/** Sensor values on the wire: an integer when the value holds one exactly, else the shortest float. */
final class Numbers {
    private static final double TWO_53 = 9007199254740992.0;

    private Numbers() {
    }

    static void write(CborWriter w, double v) {
        if (v == Math.rint(v) && Math.abs(v) < TWO_53 && !(v == 0 && 1 / v < 0)) {
            w.writeInt((long) v);
        } else {
            w.writeFloat(v);
        }
    }
}
