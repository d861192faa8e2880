package io.fieldlink.host.config;

import io.fieldlink.host.HostException;

/** An unknown key or an invalid value in the host configuration; the message names the key. */
public final class ConfigException extends HostException {
    private static final long serialVersionUID = 1L;

    /** @param message starts with the key's name */
    public ConfigException(String message) {
        super(message);
    }
}
