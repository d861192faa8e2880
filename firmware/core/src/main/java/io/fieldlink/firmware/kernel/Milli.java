package io.fieldlink.firmware.kernel;

/** Formats integer milli-units as decimals without floating point: 230500 is {@code 230.500}. */
public final class Milli {
    private Milli() {
    }

    /**
     * @param milli a value in thousandths
     * @return it as a decimal with three places
     */
    public static String format(long milli) {
        StringBuilder sb = new StringBuilder();
        if (milli < 0) {
            sb.append('-');
        }
        long abs = milli == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(milli);
        sb.append(abs / 1000).append('.');
        long frac = abs % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
