package io.fieldlink.simulator.fleet;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.simulator.net.HostPort;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;

/**
 * A board's network link as its HAL transport: what the board sends is tapped (the "sent" side of
 * the report), then suffers the fleet's network faults (partition, loss, latency and jitter,
 * reordering, duplication) on its way to the {@link HostPort}; what the host answers suffers the same
 * on its way back. Decisions come from seeded generators (uplink in send order; downlink from each
 * datagram's content and how often it was seen) so a run repeats. Scheduler thread only, except
 * {@link #fromHost}, which the port calls on its threads.
 */
final class BoardLink implements DatagramTransport {
    static final int MAX_DATAGRAM = 1152;

    final VirtualBoard board;
    final int index;
    private final Fleet fleet;
    private final Random up;
    private final long downSeed;
    private final Map<Integer, Integer> downSeen = new HashMap<>();
    final LinkedHashSet<Long> recentMids = new LinkedHashSet<>();
    HostPort.Connection connection;
    byte[] psk;
    private DatagramReceiver receiver;
    long partitionedUntil;
    long partitionedFrom;
    /** The host's last answer to this board was a 4.xx (it refuses what the board sends). */
    boolean refusedByHost;

    BoardLink(Fleet fleet, VirtualBoard board, long seed) {
        this.fleet = fleet;
        this.board = board;
        this.index = board.index;
        this.up = new Random(seed * 31 + 7);
        this.downSeed = seed * 131 + 11;
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        byte[] bytes = Arrays.copyOfRange(data, offset, offset + length);
        fleet.tap(this, bytes);
        FleetSpec spec = fleet.spec();
        boolean faults = fleet.faultsOn();
        if (fleet.partitioned(this)) {
            fleet.dropped++;
            return;
        }
        if (faults && spec.loss > 0 && up.nextDouble() < spec.loss) {
            fleet.dropped++;
            return;
        }
        long delay = latency(up, spec, faults);
        fleet.at(fleet.now() + delay, () -> fleet.toHost(this, bytes));
        if (faults && spec.duplication > 0 && up.nextDouble() < spec.duplication) {
            fleet.duplicated++;
            fleet.at(fleet.now() + delay + 1 + up.nextInt(300), () -> fleet.toHostCopy(this, bytes));
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

    /** Scheduler thread: the host's datagram suffers the faults and is delivered after the latency. */
    void downlink(byte[] bytes, long leftHostAt, boolean counted) {
        byte[] keyed = bytes.clone();
        if (keyed.length >= 4) {
            keyed[2] = 0; // the host picks its own message ids: they must not steer the faults
            keyed[3] = 0;
        }
        int h = Arrays.hashCode(keyed);
        int seen = downSeen.merge(h, 1, Integer::sum);
        if (downSeen.size() > 4096) {
            downSeen.clear();
        }
        Random r = new Random(downSeed ^ (h * 0x9E3779B97F4A7C15L) ^ seen);
        FleetSpec spec = fleet.spec();
        boolean faults = fleet.faultsOn();
        if (fleet.partitionedAt(this, leftHostAt) || (faults && spec.loss > 0 && r.nextDouble() < spec.loss)) {
            if (counted) {
                fleet.dropped++;
            }
            return;
        }
        long delay = latency(r, spec, faults);
        fleet.at(leftHostAt + delay, () -> deliver(bytes));
        if (faults && spec.duplication > 0 && r.nextDouble() < spec.duplication) {
            if (counted) {
                fleet.duplicated++;
            }
            fleet.at(leftHostAt + delay + 1 + r.nextInt(300), () -> deliver(bytes));
        }
    }

    private void deliver(byte[] bytes) {
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

    @Override
    public int maxDatagramSize() {
        return MAX_DATAGRAM;
    }
}
