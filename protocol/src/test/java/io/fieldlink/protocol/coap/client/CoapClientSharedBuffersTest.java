package io.fieldlink.protocol.coap.client;

import static io.fieldlink.protocol.coap.client.FakeLink.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.memory.BufferPool;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Clients of many boards on one thread borrow their exchanges' memory from one pool. */
class CoapClientSharedBuffersTest {
    private final BufferPool pool = new BufferPool();
    private final FakeLink linkA = new FakeLink();
    private final FakeLink linkB = new FakeLink();
    private final CoapClient a = new CoapClient(linkA, linkA, new Random(1), new CoapClientConfig(), pool);
    private final CoapClient b = new CoapClient(linkB, linkB, new Random(2), new CoapClientConfig(), pool);
    private final RecordingHandler ha = new RecordingHandler();
    private final RecordingHandler hb = new RecordingHandler();

    private static CoapMessage uplink(int fill, int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) fill);
        return new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setUriPath("up")
                .setContentFormat(ContentFormat.CBOR).setPayload(payload);
    }

    private static CoapMessage ack(CoapMessage request) {
        return new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.CHANGED).setMessageId(request.messageId())
                .setToken(request.copyToken());
    }

    @Test
    void twoClientsOnOnePoolKeepTheirOwnExchangesIntactThroughRetransmissions() {
        a.request(uplink(0xAA, 120), ha);
        b.request(uplink(0xBB, 300), hb);
        byte[] firstA = linkA.sent.get(0);
        byte[] firstB = linkB.sent.get(0);
        assertThat(pool.lent()).as("one wire buffer per exchange in flight").isEqualTo(2);

        linkA.now = a.nextDeadline();
        linkB.now = b.nextDeadline();
        a.poll();
        b.poll();
        assertThat(linkA.sent.get(1)).isEqualTo(firstA);
        assertThat(linkB.sent.get(1)).isEqualTo(firstB);
        assertThat(linkA.last().payloadArray()[0]).isEqualTo((byte) 0xAA);

        deliver(a, ack(linkA.last()));
        assertThat(ha.responses).hasSize(1);
        assertThat(pool.lent()).isEqualTo(1);
        linkB.now = b.nextDeadline();
        b.poll();
        assertThat(linkB.sent.get(2)).as("B's wire untouched by A's answer").isEqualTo(firstB);
        deliver(b, ack(linkB.last()));
        assertThat(hb.responses).hasSize(1);
        assertThat(pool.lent()).as("idle clients hold nothing").isZero();
    }

    @Test
    void aWarmPoolAllocatesNothingMoreOverManyExchanges() {
        for (int i = 0; i < 3; i++) {
            a.request(uplink(1, 200), ha);
            b.request(uplink(2, 200), hb);
            deliver(a, ack(linkA.last()));
            deliver(b, ack(linkB.last()));
        }
        long warm = pool.allocatedBytes();
        for (int i = 0; i < 200; i++) {
            a.request(uplink(1, 200), ha);
            b.request(uplink(2, 200), hb);
            deliver(b, ack(linkB.last()));
            deliver(a, ack(linkA.last()));
        }
        assertThat(pool.allocatedBytes()).isEqualTo(warm);
        assertThat(ha.responses).hasSize(203);
        assertThat(pool.lent()).isZero();
    }

    @Test
    void abandoningAClientGivesItsExchangesBuffersBackWithoutAnswering() {
        a.request(uplink(1, 500), ha);
        a.request(uplink(2, 100), ha);
        assertThat(pool.lent()).isEqualTo(2);
        a.abandonAll();
        assertThat(pool.lent()).isZero();
        assertThat(a.pendingCount()).isZero();
        assertThat(ha.outcomes()).isZero();
    }

    @Test
    void aFailedOrCancelledExchangeGivesItsBufferBack() {
        int id = a.request(uplink(1, 100), ha);
        assertThat(a.cancel(id)).isTrue();
        assertThat(pool.lent()).isZero();
        b.request(uplink(2, 100), hb);
        for (int i = 0; i < 5; i++) {
            linkB.now = b.nextDeadline();
            b.poll();
        }
        assertThat(hb.failures).containsExactly(FailureReason.TIMEOUT);
        assertThat(pool.lent()).isZero();
    }
}
