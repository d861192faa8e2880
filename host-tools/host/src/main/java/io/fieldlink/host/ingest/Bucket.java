package io.fieldlink.host.ingest;

/**
 * One rollup bucket of a channel.
 *
 * @param start bucket start, epoch milliseconds (UTC-aligned)
 * @param min smallest value
 * @param max largest value
 * @param sum sum of values
 * @param count number of readings
 */
public record Bucket(long start, double min, double max, double sum, long count) {
    /** @return sum / count */
    public double mean() {
        return sum / count;
    }
}
