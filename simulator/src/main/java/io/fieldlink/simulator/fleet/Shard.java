package io.fieldlink.simulator.fleet;

import io.fieldlink.protocol.memory.BufferPool;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One scheduler thread's part of the fleet: its boards' events in time order, the datagrams the host
 * sent them, their requests with the host, the working memory they borrow, and its counters. A
 * board belongs to one shard for the whole run; everything here is touched by that shard's thread
 * only, except {@link #inbox} (the host's threads add to it), the published {@link #floor} and the
 * wake-up fields other shards read and write.
 */
final class Shard {
    final int index;
    final PriorityQueue<Fleet.Ev> queue = new PriorityQueue<>();
    final LinkedBlockingQueue<Fleet.Arrival> inbox = new LinkedBlockingQueue<>();
    /** Requests with the host by exchange: the first to reach it, then its copies, in the order answers match them. */
    final Map<Long, ArrayDeque<Fleet.Waiting>> outstanding = new HashMap<>();
    /** How many outstanding requests reached the host at each fleet time (the oldest bounds the run-ahead). */
    final TreeMap<Long, Integer> handed = new TreeMap<>();
    /** The working memory every board of this shard borrows for its exchanges (one thread uses it). */
    final BufferPool buffers = new BufferPool();
    /** Requests in {@link #outstanding}. */
    int withHost;
    /** Ties between events at the same fleet time go in the order they were scheduled (per shard). */
    long order;
    /** The time of the event being run: what this shard's boards' clocks read. */
    long now;
    /** The furthest time this shard has run. */
    long frontier;
    /**
     * What bounds the other shards' run-ahead: the fleet time of its oldest request with the host,
     * or, when it has none, its next event plus {@link Fleet#SHARD_SLACK_MILLIS}.
     */
    volatile long floor;
    /** The furthest fleet time this shard has run (for the host's clock). */
    volatile long progress;
    /** While waiting for another shard to get on: the floor it needs, else MAX_VALUE. */
    volatile long wantFloor = Long.MAX_VALUE;
    /** While waiting for another shard: that shard's index. */
    volatile int blocker = -1;
    long dropped;
    long duplicated;
    long uplinks;
    long hellos;
    long retransmissions;
    long hostTimeouts;
    long hostWaits;
    long hostWaitNanos;
    long hostWaitOutstanding;
    long parkedEvents;
    /** Waits for another shard to get on (the shared look-ahead), and how long they took (real ns). */
    long shardWaits;
    long shardWaitNanos;
    long unmatchedResponses;

    Shard(int index, long start) {
        this.index = index;
        this.now = start;
        this.frontier = start;
        this.floor = start;
        this.progress = start;
    }

    /** @return the time of the event being run (a board's own time while one of its events runs) */
    long millis() {
        return now;
    }

    /** @return the fleet time of this shard's oldest request with the host, or MAX_VALUE */
    long oldestHanded() {
        return handed.isEmpty() ? Long.MAX_VALUE : handed.firstKey();
    }
}
