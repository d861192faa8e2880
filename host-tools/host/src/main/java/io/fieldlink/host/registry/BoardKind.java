package io.fieldlink.host.registry;

import java.util.Locale;

/**
 * The board kinds a device may be provisioned as. Mirrors the boards module's kinds (meter, pump,
 * wellhead) until that module publishes its list.
 */
public enum BoardKind {
    METER, PUMP, WELLHEAD;

    /** @return the kind as written in the API, e.g. {@code meter} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the kind named {@code name} (lower case)
     * @throws IllegalArgumentException naming the accepted kinds
     */
    public static BoardKind parse(String name) {
        for (BoardKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("board must be one of meter, pump, wellhead; got '" + name + "'");
    }
}
