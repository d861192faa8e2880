package io.fieldlink.host.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert. Immutable: state changes return a new value.
 *
 * @param id unique, increasing
 * @param key what condition it is about, e.g. {@code anomaly/m-17/theft-bypass/energy}; at most one
 *     alert per key is not cleared
 * @param kind the rule family
 * @param device the device it concerns
 * @param message one line for people
 * @param state where it is
 * @param raisedAt epoch ms
 * @param updatedAt epoch ms of the last state change or evidence update
 * @param acknowledgedBy who acknowledged it, empty if nobody
 * @param evidence named values that support it
 */
public record Alert(long id, String key, AlertKind kind, String device, String message, AlertState state, long raisedAt,
        long updatedAt, String acknowledgedBy, Map<String, String> evidence) {
    /** Copies the evidence, keeping its order. */
    public Alert {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** @return this alert acknowledged by {@code who} at {@code at} */
    public Alert acknowledged(String who, long at) {
        return new Alert(id, key, kind, device, message, AlertState.ACKNOWLEDGED, raisedAt, at, who, evidence);
    }

    /** @return this alert cleared at {@code at} */
    public Alert cleared(long at) {
        return new Alert(id, key, kind, device, message, AlertState.CLEARED, raisedAt, at, acknowledgedBy, evidence);
    }

    /** @return this alert with new message and evidence */
    public Alert updated(String newMessage, Map<String, String> newEvidence, long at) {
        return new Alert(id, key, kind, device, newMessage, state, raisedAt, at, acknowledgedBy, newEvidence);
    }
}
