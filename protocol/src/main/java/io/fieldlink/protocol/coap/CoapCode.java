package io.fieldlink.protocol.coap;

/**
 * CoAP codes (RFC 7252 §5.2, §12.1; RFC 7959 §2.9) as the one-byte wire value {@code class << 5 | detail},
 * written {@code c.dd}. Codes are plain ints so that a hot path never allocates; {@link #name(int)}
 * and {@link #toString(int)} render them.
 */
public final class CoapCode {
    /** 0.00: an empty message (ACK, RST or ping). */
    public static final int EMPTY = 0;
    public static final int GET = 1;
    public static final int POST = 2;
    public static final int PUT = 3;
    public static final int DELETE = 4;
    public static final int FETCH = 5;
    public static final int PATCH = 6;
    public static final int IPATCH = 7;

    public static final int CREATED = of(2, 1);
    public static final int DELETED = of(2, 2);
    public static final int VALID = of(2, 3);
    public static final int CHANGED = of(2, 4);
    public static final int CONTENT = of(2, 5);
    public static final int CONTINUE = of(2, 31);
    public static final int BAD_REQUEST = of(4, 0);
    public static final int UNAUTHORIZED = of(4, 1);
    public static final int BAD_OPTION = of(4, 2);
    public static final int FORBIDDEN = of(4, 3);
    public static final int NOT_FOUND = of(4, 4);
    public static final int METHOD_NOT_ALLOWED = of(4, 5);
    public static final int NOT_ACCEPTABLE = of(4, 6);
    public static final int REQUEST_ENTITY_INCOMPLETE = of(4, 8);
    public static final int CONFLICT = of(4, 9);
    public static final int PRECONDITION_FAILED = of(4, 12);
    public static final int REQUEST_ENTITY_TOO_LARGE = of(4, 13);
    public static final int UNSUPPORTED_CONTENT_FORMAT = of(4, 15);
    public static final int UNPROCESSABLE_ENTITY = of(4, 22);
    public static final int TOO_MANY_REQUESTS = of(4, 29);
    public static final int INTERNAL_SERVER_ERROR = of(5, 0);
    public static final int NOT_IMPLEMENTED = of(5, 1);
    public static final int BAD_GATEWAY = of(5, 2);
    public static final int SERVICE_UNAVAILABLE = of(5, 3);
    public static final int GATEWAY_TIMEOUT = of(5, 4);
    public static final int PROXYING_NOT_SUPPORTED = of(5, 5);

    private CoapCode() {
    }

    /**
     * The code {@code codeClass.detail}.
     *
     * @throws IllegalArgumentException if the class is not 0..7 or the detail not 0..31
     */
    public static int of(int codeClass, int detail) {
        if (codeClass < 0 || codeClass > 7 || detail < 0 || detail > 31) {
            throw new IllegalArgumentException("CoAP code must be 0..7.00..31, got " + codeClass + "." + detail);
        }
        return codeClass << 5 | detail;
    }

    /** The class (0..7) of a code. */
    public static int codeClass(int code) {
        return (code >> 5) & 7;
    }

    /** The detail (0..31) of a code. */
    public static int detail(int code) {
        return code & 31;
    }

    /** True for 0.00. */
    public static boolean isEmpty(int code) {
        return code == EMPTY;
    }

    /** True for a method code 0.01..0.31. */
    public static boolean isRequest(int code) {
        return codeClass(code) == 0 && code != EMPTY;
    }

    /** True for a response code of class 2, 4 or 5. */
    public static boolean isResponse(int code) {
        int c = codeClass(code);
        return c == 2 || c == 4 || c == 5;
    }

    /** True for a 2.xx code. */
    public static boolean isSuccess(int code) {
        return codeClass(code) == 2;
    }

    /** The code as {@code c.dd}, e.g. {@code 2.05}. */
    public static String toString(int code) {
        int d = detail(code);
        return codeClass(code) + (d < 10 ? ".0" : ".") + d;
    }

    /** The code with its registered name, e.g. {@code 2.05 Content}; just {@code c.dd} when unregistered. */
    public static String name(int code) {
        String n = registeredName(code);
        return n == null ? toString(code) : toString(code) + " " + n;
    }

    private static String registeredName(int code) {
        switch (code) {
            case 0: return "Empty";
            case 1: return "GET";
            case 2: return "POST";
            case 3: return "PUT";
            case 4: return "DELETE";
            case 5: return "FETCH";
            case 6: return "PATCH";
            case 7: return "iPATCH";
            case 65: return "Created";
            case 66: return "Deleted";
            case 67: return "Valid";
            case 68: return "Changed";
            case 69: return "Content";
            case 95: return "Continue";
            case 128: return "Bad Request";
            case 129: return "Unauthorized";
            case 130: return "Bad Option";
            case 131: return "Forbidden";
            case 132: return "Not Found";
            case 133: return "Method Not Allowed";
            case 134: return "Not Acceptable";
            case 136: return "Request Entity Incomplete";
            case 137: return "Conflict";
            case 140: return "Precondition Failed";
            case 141: return "Request Entity Too Large";
            case 143: return "Unsupported Content-Format";
            case 150: return "Unprocessable Entity";
            case 157: return "Too Many Requests";
            case 160: return "Internal Server Error";
            case 161: return "Not Implemented";
            case 162: return "Bad Gateway";
            case 163: return "Service Unavailable";
            case 164: return "Gateway Timeout";
            case 165: return "Proxying Not Supported";
            default: return null;
        }
    }
}
