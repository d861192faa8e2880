package io.fieldlink.simulator.fleet;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.simulator.net.HostPort;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A board's network link as its HAL transport: what the board sends is tapped (the "sent" side of
 * the report), then suffers the fleet's network faults (partition, loss, latency and jitter,
 * reordering, duplication) on its way to the {@link HostPort}; what the host answers suffers the same
 * on its way back. Decisions come from seeded generators (uplink in send order; downlink from each
 * datagram's content and how often it was seen) so a run repeats. Its board's shard's thread only, except
 * {@link #fromHost}, which the port calls on its threads.
 */
final class BoardLink implements DatagramTransport {
    static final int MAX_DATAGRAM = 1152;
    private static final int DOWN_SEEN = 8;
    static final int RECENT_MIDS = 8;

    final VirtualBoard board;
    final int index;
    private final Fleet fleet;
    private final Random up;
    private final long downSeed;
    /** Recent downlink datagrams (content hash, times seen): a repeated answer draws its faults afresh. */
    private final int[] downSeen = new int[2 * DOWN_SEEN];
    private int downSeenNext;
    /** Recent uplink message ids + tokens: a repeat is a retransmission (one CON at a time per board). */
    final long[] recentMids = new long[RECENT_MIDS];
    int recentMidsNext;
    int recentMidsCount;
    HostPort.Connection connection;
    byte[] psk;
    private DatagramReceiver receiver;
    long partitionedUntil;
    /** Fleet times at which this board's outstanding requests reached the host (usually one). */
    private long[] waits;
    private int waitCount;
    /** This board's events held back until the host answers (virtual time). */
    private List<Fleet.Ev> parked;
    /** The host's last answer to this board was a 4.xx (it refuses what the board sends). */
    boolean refusedByHost;

    BoardLink(Fleet fleet, VirtualBoard board, long seed) {
        this.fleet = fleet;
        this.board = board;
        this.index = board.index;
        this.up = new Random(seed * 31 + 7);
        this.downSeed = seed * 131 + 11;
    }

    /** A request of this board reached the host at {@code handedAt}. */
    void waiting(long handedAt) {
        if (waits == null) {
            waits = new long[2];
        } else if (waitCount == waits.length) {
            waits = Arrays.copyOf(waits, waitCount * 2);
        }
        waits[waitCount++] = handedAt;
    }

    /**
     * The host answered the request that reached it at {@code handedAt}.
     *
     * @return the events held back so far (to be scheduled again; still blocked ones come back), or null
     */
    List<Fleet.Ev> answered(long handedAt) {
        for (int i = 0; i < waitCount; i++) {
            if (waits[i] == handedAt) {
                waits[i] = waits[--waitCount];
                break;
            }
        }
        if (waitCount == 0) {
            waits = null;
        }
        List<Fleet.Ev> out = parked;
        parked = null;
        return out;
    }

    /** @return true while a request of this board is with the host */
    boolean holdsBack() {
        return waitCount > 0;
    }

    /**
     * Holds {@code e} back when it is at or after the earliest moment an awaited answer could reach
     * the board (one latency after its request reached the host).
     *
     * @return true when held back
     */
    boolean heldBack(Fleet.Ev e) {
        if (waitCount == 0) {
            return false;
        }
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < waitCount; i++) {
            oldest = Math.min(oldest, waits[i]);
        }
        if (e.time < oldest + fleet.spec().latencyMillis) {
            return false;
        }
        if (parked == null) {
            parked = new ArrayList<>(4);
        }
        parked.add(e);
        return true;
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        byte[] bytes = Arrays.copyOfRange(data, offset, offset + length);
        fleet.tap(this, bytes);
        FleetSpec spec = fleet.spec();
        long now = board.shard.now;
        boolean faults = fleet.faultsOn(now);
        if (fleet.partitioned(this, now)) {
            board.shard.dropped++;
            return;
        }
        if (faults && spec.loss > 0 && up.nextDouble() < spec.loss) {
            board.shard.dropped++;
            return;
        }
        long delay = latency(up, spec, faults);
        fleet.at(now + delay, board, () -> fleet.toHost(this, bytes, false));
        if (faults && spec.duplication > 0 && up.nextDouble() < spec.duplication) {
            board.shard.duplicated++;
            fleet.at(now + delay + 1 + up.nextInt(300), board, () -> fleet.toHost(this, bytes, true));
        }
    }

    private static long latency(Random r, FleetSpec spec, boolean faults) {
        long d = spec.latencyMillis + (spec.latencyMillis > 0 ? (long) (r.nextDouble() * spec.latencyMillis) : 0);
        if (faults && spec.reorder > 0 && r.nextDouble() < spec.reorder) {
            d += 500 + r.nextInt(2500);
        }
        return d;
    }

    /** The host's datagram for this board, on the port's thread: queued for the scheduler. */
    void fromHost(byte[] bytes) {
        fleet.inbound(this, bytes);
    }

    /**
     * Scheduler thread: the host's datagram suffers the faults and is delivered after the latency
     * (a partition is looked at when it would arrive, in the board's own time).
     */
    void downlink(byte[] bytes, long leftHostAt, boolean counted) {
        byte[] keyed = bytes.clone();
        if (keyed.length >= 4) {
            keyed[2] = 0; // the host picks its own message ids: they must not steer the faults
            keyed[3] = 0;
        }
        int h = Arrays.hashCode(keyed);
        int seen = seen(h);
        Random r = new Random(downSeed ^ (h * 0x9E3779B97F4A7C15L) ^ seen);
        FleetSpec spec = fleet.spec();
        boolean faults = fleet.faultsOn(leftHostAt);
        if (faults && spec.loss > 0 && r.nextDouble() < spec.loss) {
            if (counted) {
                board.shard.dropped++;
            }
            return;
        }
        long delay = latency(r, spec, faults);
        fleet.at(leftHostAt + delay, board, () -> deliver(bytes, counted));
        if (faults && spec.duplication > 0 && r.nextDouble() < spec.duplication) {
            if (counted) {
                board.shard.duplicated++;
            }
            fleet.at(leftHostAt + delay + 1 + r.nextInt(300), board, () -> deliver(bytes, false));
        }
    }

    private int seen(int h) {
        for (int i = 0; i < DOWN_SEEN; i++) {
            if (downSeen[2 * i + 1] > 0 && downSeen[2 * i] == h) {
                return ++downSeen[2 * i + 1];
            }
        }
        downSeen[2 * downSeenNext] = h;
        downSeen[2 * downSeenNext + 1] = 1;
        downSeenNext = (downSeenNext + 1) % DOWN_SEEN;
        return 1;
    }

    /** @return true when {@code mid} was sent lately (noting it otherwise) */
    boolean repeatedMid(long mid) {
        for (int i = 0; i < recentMidsCount; i++) {
            if (recentMids[i] == mid) {
                return true;
            }
        }
        recentMids[recentMidsNext] = mid;
        recentMidsNext = (recentMidsNext + 1) % RECENT_MIDS;
        recentMidsCount = Math.min(recentMidsCount + 1, RECENT_MIDS);
        return false;
    }

    /** Forgets the recent message ids (a rebooted board starts new exchanges). */
    void forgetMids() {
        recentMidsCount = 0;
        recentMidsNext = 0;
    }

    private void deliver(byte[] bytes, boolean counted) {
        if (fleet.partitioned(this, board.shard.now)) {
            if (counted) {
                board.shard.dropped++;
            }
            return;
        }
        DatagramReceiver rx = receiver;
        if (board.alive && rx != null) {
            board.guarded(() -> rx.onDatagram(bytes, 0, bytes.length));
            fleet.touched(board);
        }
    }

    @Override
    public void setReceiver(DatagramReceiver receiver) {
        this.receiver = receiver;
    }

    /** @return its shard's buffer pool (one thread's), which this board borrows its exchanges' memory from */
    io.fieldlink.protocol.memory.BufferPool buffers() {
        return board.shard.buffers;
    }

    @Override
    public int maxDatagramSize() {
        return MAX_DATAGRAM;
    }
}
