package io.fieldlink.protocol.coap;

/**
 * CoAP option numbers (RFC 7252 §5.10, RFC 7641, RFC 7959, RFC 7967) and the properties encoded in
 * them (§5.4.6): odd numbers are critical, bit 1 marks unsafe-to-forward.
 */
public final class CoapOption {
    public static final int IF_MATCH = 1;
    public static final int URI_HOST = 3;
    public static final int ETAG = 4;
    public static final int IF_NONE_MATCH = 5;
    public static final int OBSERVE = 6;
    public static final int URI_PORT = 7;
    public static final int LOCATION_PATH = 8;
    public static final int URI_PATH = 11;
    public static final int CONTENT_FORMAT = 12;
    public static final int MAX_AGE = 14;
    public static final int URI_QUERY = 15;
    public static final int ACCEPT = 17;
    public static final int LOCATION_QUERY = 20;
    public static final int BLOCK2 = 23;
    public static final int BLOCK1 = 27;
    public static final int SIZE2 = 28;
    public static final int PROXY_URI = 35;
    public static final int PROXY_SCHEME = 39;
    public static final int SIZE1 = 60;
    public static final int NO_RESPONSE = 258;

    /** The largest option number the 16-bit option delta arithmetic can reach. */
    public static final int MAX_NUMBER = 65535;

    private CoapOption() {
    }

    /** True when a recipient that does not understand the option must reject the message (odd number). */
    public static boolean isCritical(int number) {
        return (number & 1) != 0;
    }

    /** True when a proxy that does not understand the option must not forward it. */
    public static boolean isUnsafe(int number) {
        return (number & 2) != 0;
    }

    /** True for the options this codec knows (those listed as constants here). */
    public static boolean isKnown(int number) {
        return minLength(number) >= 0;
    }

    /** The smallest valid value length of a known option, or -1 for an unknown option. */
    public static int minLength(int number) {
        switch (number) {
            case ETAG: case URI_HOST: case PROXY_URI: case PROXY_SCHEME:
                return 1;
            case IF_MATCH: case IF_NONE_MATCH: case OBSERVE: case URI_PORT: case LOCATION_PATH:
            case URI_PATH: case CONTENT_FORMAT: case MAX_AGE: case URI_QUERY: case ACCEPT:
            case LOCATION_QUERY: case BLOCK2: case BLOCK1: case SIZE2: case SIZE1: case NO_RESPONSE:
                return 0;
            default:
                return -1;
        }
    }

    /** The largest valid value length of a known option, or -1 for an unknown option. */
    public static int maxLength(int number) {
        switch (number) {
            case IF_NONE_MATCH: return 0;
            case NO_RESPONSE: return 1;
            case URI_PORT: case CONTENT_FORMAT: case ACCEPT: return 2;
            case OBSERVE: case BLOCK2: case BLOCK1: return 3;
            case MAX_AGE: case SIZE2: case SIZE1: return 4;
            case IF_MATCH: case ETAG: return 8;
            case URI_HOST: case LOCATION_PATH: case URI_PATH: case URI_QUERY: case LOCATION_QUERY:
            case PROXY_SCHEME: return 255;
            case PROXY_URI: return 1034;
            default: return -1;
        }
    }

    /** True when the option may appear more than once in a message. */
    public static boolean isRepeatable(int number) {
        switch (number) {
            case IF_MATCH: case ETAG: case LOCATION_PATH: case URI_PATH: case URI_QUERY:
            case LOCATION_QUERY:
                return true;
            default:
                return !isKnown(number);
        }
    }
}
