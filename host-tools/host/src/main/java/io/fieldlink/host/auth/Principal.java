package io.fieldlink.host.auth;

/**
 * The holder of an API key, as recorded in the audit log.
 *
 * @param keyId short public id of the key (first 12 hex digits of its hash)
 * @param role what the key may do
 * @param label free text given when the key was created
 */
public record Principal(String keyId, Role role, String label) {
    @Override
    public String toString() {
        return keyId + "(" + role.wireName() + ")";
    }
}
