package io.fieldlink.protocol.cbor;

/** IEEE 754 half precision (binary16), as CBOR major type 7, additional information 25, carries it. */
final class HalfFloat {
    /** Returned by {@link #fromFloatBits(int)} when a value has no exact half form. */
    static final int NONE = -1;

    private HalfFloat() {
    }

    static double toDouble(int half) {
        int exp = (half >> 10) & 0x1f;
        int mant = half & 0x3ff;
        double value;
        if (exp == 0) {
            value = Math.scalb((double) mant, -24);
        } else if (exp != 31) {
            value = Math.scalb((double) (mant + 1024), exp - 25);
        } else {
            value = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    /**
     * The half-precision bits holding exactly the single-precision value {@code floatBits} (not a
     * NaN), or {@link #NONE}.
     */
    static int fromFloatBits(int floatBits) {
        int sign = (floatBits >>> 16) & 0x8000;
        int e = (floatBits >>> 23) & 0xff;
        int mant = floatBits & 0x7fffff;
        if (e == 255) {
            return sign | 0x7c00;
        }
        if (e == 0) {
            return mant == 0 ? sign : NONE;
        }
        int exp = e - 127;
        if (exp > 15) {
            return NONE;
        }
        if (exp >= -14) {
            return (mant & 0x1fff) != 0 ? NONE : sign | ((exp + 15) << 10) | (mant >>> 13);
        }
        if (exp >= -24) {
            int full = mant | 0x800000;
            int shift = -1 - exp;
            return (full & ((1 << shift) - 1)) != 0 ? NONE : sign | (full >>> shift);
        }
        return NONE;
    }
}
