package io.fieldlink.host.registry;

/**
 * The rule for device ids: 1 to {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 . _ -},
 * starting with a letter or digit. The id is the DTLS PSK identity, so it must stay plain ASCII.
 */
public final class DeviceId {
    /** Longest id accepted. */
    public static final int MAX_LENGTH = 64;

    private DeviceId() {
    }

    /**
     * @return {@code id} when valid
     * @throws IllegalArgumentException saying which rule {@code id} breaks
     */
    public static String check(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("id is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (i == 0 && !alnum) {
                throw new IllegalArgumentException("id must start with a letter or digit");
            }
            if (!alnum && c != '.' && c != '_' && c != '-') {
                throw new IllegalArgumentException("id has a character outside A-Z a-z 0-9 . _ - at index " + i);
            }
        }
        return id;
    }
}
