package io.fieldlink.host.ledger.forward;

/** Sends one ledger record to one external endpoint. Called from the forwarder's thread only. */
public interface Delivery {
    /**
     * @param idempotencyKey the same for every retry of the same record, so the endpoint can drop repeats
     * @param json the record
     * @return null when the endpoint accepted it, otherwise why not (it will be retried)
     */
    String deliver(String idempotencyKey, String json);
}
