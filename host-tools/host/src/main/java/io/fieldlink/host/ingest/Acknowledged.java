package io.fieldlink.host.ingest;

/**
 * What is stored of one device's sequence numbers, as an Ack reports it.
 *
 * @param highestContiguous every seq from 1 up to and including it is stored; 0 when seq 1 is not
 * @param ranges flattened inclusive pairs first0, last0, first1, last1 ... of seqs stored beyond
 *            it, ascending (may stop before the last stored range; the device resends the rest)
 */
public record Acknowledged(long highestContiguous, long[] ranges) {
}
