package io.fieldlink.firmware.hal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryNetworkTest {
    private final MemoryClock clock = new MemoryClock();
    private final MemoryNetwork net = new MemoryNetwork(clock, 100);
    private final List<byte[]> received = new ArrayList<>();

    @Test
    void queuesSendsAndDropsOnRequest() {
        net.send(new byte[] {1, 2}, 0, 2);
        net.dropNextSends(1);
        net.send(new byte[] {3}, 0, 1);
        net.setOffline(true);
        net.send(new byte[] {4}, 0, 1);
        assertThat(net.sentCount()).isEqualTo(1);
        assertThat(net.takeSent()).containsExactly(1, 2);
        assertThat(net.droppedCount()).isEqualTo(2);
    }

    @Test
    void delayedDeliveriesArriveOnceTheClockHasMoved() {
        net.setReceiver((d, o, l) -> received.add(java.util.Arrays.copyOfRange(d, o, o + l)));
        net.deliverAfter(new byte[] {7}, 500);
        assertThat(net.deliverDue()).isZero();
        clock.advance(500);
        assertThat(net.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
    }
}
