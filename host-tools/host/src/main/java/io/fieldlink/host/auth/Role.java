package io.fieldlink.host.auth;

import java.util.Locale;

/** What an API key may do. Each role may do everything the roles after it may. */
public enum Role {
    /** Everything, including creating keys. */
    OPERATOR,
    /** Provisioning devices, and reading. */
    TECHNICIAN,
    /** Reading only. */
    VIEWER;

    /** @return true when this role may do what {@code needed} may */
    public boolean covers(Role needed) {
        return ordinal() <= needed.ordinal();
    }

    /** @return the role as written in the API, e.g. {@code viewer} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted roles
     */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of operator, technician, viewer; got '" + name + "'");
    }
}
