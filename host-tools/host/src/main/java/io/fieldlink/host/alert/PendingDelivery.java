package io.fieldlink.host.alert;

/**
 * A webhook delivery waiting to be sent (first try or a retry). Immutable.
 *
 * @param id unique per host, increasing
 * @param url where it goes
 * @param body the JSON body
 * @param attempts attempts made so far
 * @param dueMillis when it is next sent, epoch ms
 */
public record PendingDelivery(long id, String url, String body, int attempts, long dueMillis) {
    /** @return this delivery after a failed attempt, next due at {@code due} */
    public PendingDelivery retriedAt(int attemptsMade, long due) {
        return new PendingDelivery(id, url, body, attemptsMade, due);
    }
}
