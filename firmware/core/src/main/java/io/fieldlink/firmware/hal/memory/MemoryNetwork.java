package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's side of a simulated network link to its host. What the board sends is queued for the
 * test or simulated host ({@link #takeSent()}); what the host sends is delivered now
 * ({@link #deliver}) or later ({@link #deliverAfter}, released by {@link #deliverDue()} once the clock
 * has moved). Sends can be dropped ({@link #dropNextSends}, {@link #setOffline}).
 */
public final class MemoryNetwork implements DatagramTransport {
    private final Clock clock;
    private final int maxSize;
    private final List<byte[]> sent = new ArrayList<byte[]>();
    private final List<byte[]> delayed = new ArrayList<byte[]>();
    private final List<Long> delayedDue = new ArrayList<Long>();
    private DatagramReceiver receiver;
    private int dropSends;
    private boolean offline;
    private long dropped;

    /**
     * @param clock the board's clock, for delayed deliveries
     * @param maxDatagramSize the largest datagram, in bytes
     */
    public MemoryNetwork(Clock clock, int maxDatagramSize) {
        this.clock = clock;
        this.maxSize = maxDatagramSize;
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        if (offline || length > maxSize) {
            dropped++;
            return;
        }
        if (dropSends > 0) {
            dropSends--;
            dropped++;
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        sent.add(copy);
    }

    @Override
    public void setReceiver(DatagramReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public int maxDatagramSize() {
        return maxSize;
    }

    /** @return the oldest datagram the board sent and nobody took yet, or null */
    public byte[] takeSent() {
        return sent.isEmpty() ? null : sent.remove(0);
    }

    /** @return how many sent datagrams wait in the queue */
    public int sentCount() {
        return sent.size();
    }

    /** @param count the next {@code count} datagrams the board sends are lost */
    public void dropNextSends(int count) {
        dropSends = count;
    }

    /** @param down true to lose everything the board sends until set false again */
    public void setOffline(boolean down) {
        offline = down;
    }

    /** @return datagrams lost so far */
    public long droppedCount() {
        return dropped;
    }

    /**
     * Hands a datagram from the host to the board now (lost if the link is offline or no receiver).
     *
     * @param datagram the bytes
     */
    public void deliver(byte[] datagram) {
        if (offline || receiver == null) {
            dropped++;
            return;
        }
        receiver.onDatagram(datagram, 0, datagram.length);
    }

    /**
     * @param datagram the bytes from the host
     * @param delayMillis delivered by the first {@link #deliverDue()} at least this much later
     */
    public void deliverAfter(byte[] datagram, long delayMillis) {
        delayed.add(datagram);
        delayedDue.add(Long.valueOf(clock.monotonicMillis() + delayMillis));
    }

    /** @return how many delayed datagrams were delivered (in the order they were queued) */
    public int deliverDue() {
        int n = 0;
        long now = clock.monotonicMillis();
        for (int i = 0; i < delayed.size();) {
            if (delayedDue.get(i).longValue() <= now) {
                byte[] d = delayed.remove(i);
                delayedDue.remove(i);
                deliver(d);
                n++;
            } else {
                i++;
            }
        }
        return n;
    }
}
