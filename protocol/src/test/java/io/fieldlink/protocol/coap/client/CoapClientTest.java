package io.fieldlink.protocol.coap.client;

import static io.fieldlink.protocol.coap.client.FakeLink.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoapClientTest {
    private final FakeLink link = new FakeLink();
    private final RecordingHandler handler = new RecordingHandler();
    private CoapClient client = new CoapClient(link, link, new Random(1), new CoapClientConfig());

    static CoapMessage uplink() {
        return new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setUriPath("up")
                .setContentFormat(ContentFormat.CBOR).setPayload(new byte[120]);
    }

    static CoapMessage reply(CoapMessage request, CoapType type, int code, int mid) {
        return new CoapMessage().setType(type).setCode(code).setMessageId(mid).setToken(request.copyToken());
    }

    @Test
    void piggybackedResponseIsDeliveredOnce() {
        assertThat(client.request(uplink(), handler)).isPositive();
        CoapMessage sent = link.last();
        assertThat(sent.type()).isEqualTo(CoapType.CON);
        assertThat(sent.tokenLength()).isEqualTo(4);
        assertThat(sent.uriPath()).isEqualTo("up");
        CoapMessage ack = reply(sent, CoapType.ACK, CoapCode.CHANGED, sent.messageId());
        deliver(client, ack);
        deliver(client, ack);
        assertThat(handler.responses).hasSize(1);
        assertThat(handler.responses.get(0).code()).isEqualTo(CoapCode.CHANGED);
        assertThat(client.pendingCount()).isZero();
        assertThat(client.poll()).isEqualTo(-1);
    }

    @Test
    void retransmitsWithRandomisedExponentialBackOffThenTimesOut() {
        for (long seed = 0; seed < 50; seed++) {
            FakeLink l = new FakeLink();
            RecordingHandler h = new RecordingHandler();
            CoapClient c = new CoapClient(l, l, new Random(seed), new CoapClientConfig());
            long start = l.now;
            c.request(uplink(), h);
            long first = c.poll() - start;
            assertThat(first).isBetween(2000L, 3000L);
            for (int retransmit = 1; retransmit <= 4; retransmit++) {
                l.now = c.nextDeadline() - 1;
                c.poll();
                assertThat(l.sent).hasSize(retransmit);
                l.now++;
                long next = c.poll();
                assertThat(l.sent).hasSize(retransmit + 1);
                assertThat(l.sent.get(retransmit)).isEqualTo(l.sent.get(0));
                assertThat(next - l.now).isEqualTo(first << retransmit);
            }
            assertThat(h.outcomes()).isZero();
            l.now = c.nextDeadline();
            assertThat(c.poll()).isEqualTo(-1);
            assertThat(h.failures).containsExactly(FailureReason.TIMEOUT);
            assertThat(l.sent).hasSize(5);
            assertThat(c.retransmissionCount()).isEqualTo(4);
            assertThat(l.now - start).isBetween(62_000L, 93_000L);
        }
    }

    @Test
    void configurableTransmissionParameters() {
        CoapClientConfig cfg = new CoapClientConfig().ackTimeoutMillis(100).ackRandomFactorPercent(100).maxRetransmit(1);
        client = new CoapClient(link, link, new Random(5), cfg);
        long start = link.now;
        client.request(uplink(), handler);
        assertThat(client.poll()).isEqualTo(start + 100);
        link.now += 100;
        assertThat(client.poll()).isEqualTo(start + 300);
        link.now += 200;
        client.poll();
        assertThat(handler.failures).containsExactly(FailureReason.TIMEOUT);
        assertThat(link.sent).hasSize(2);
        assertThat(cfg.exchangeLifetimeMillis()).isEqualTo(100 + 200_000 + 100);
        assertThat(new CoapClientConfig().exchangeLifetimeMillis()).isEqualTo(247_000);
        assertThat(new CoapClientConfig().nonLifetimeMillis()).isEqualTo(145_000);
    }

    @Test
    void lostAckIsRecoveredByTheRetransmission() {
        client.request(uplink(), handler);
        CoapMessage sent = link.last();
        link.now = client.poll();
        client.poll();
        assertThat(link.sent).hasSize(2);
        assertThat(link.last().messageId()).isEqualTo(sent.messageId());
        deliver(client, reply(sent, CoapType.ACK, CoapCode.CREATED, sent.messageId()));
        assertThat(handler.responses).hasSize(1);
        assertThat(client.poll()).isEqualTo(-1);
    }

    @Test
    void separateResponseIsAckedAndADuplicateIsReAckedNotDelivered() {
        client.request(uplink(), handler);
        CoapMessage sent = link.last();
        deliver(client, new CoapMessage().setType(CoapType.ACK).setMessageId(sent.messageId()));
        long deadline = client.poll();
        assertThat(deadline - link.now).isEqualTo(247_000);
        link.now += 1000;
        CoapMessage separate = reply(sent, CoapType.CON, CoapCode.CONTENT, 0x4242).setPayload(new byte[] {7});
        deliver(client, separate);
        assertThat(handler.responses).hasSize(1);
        assertThat(link.last().type()).isEqualTo(CoapType.ACK);
        assertThat(link.last().messageId()).isEqualTo(0x4242);
        int before = link.sent.size();
        deliver(client, separate);
        assertThat(handler.responses).hasSize(1);
        assertThat(link.sent).hasSize(before + 1);
        assertThat(link.last().type()).isEqualTo(CoapType.ACK);
        assertThat(link.last().messageId()).isEqualTo(0x4242);
        assertThat(client.duplicateCount()).isEqualTo(1);
    }

    @Test
    void duplicateDetectionExpiresAfterExchangeLifetime() {
        client.request(uplink(), handler);
        CoapMessage sent = link.last();
        CoapMessage separate = reply(sent, CoapType.CON, CoapCode.CONTENT, 7);
        deliver(client, separate);
        link.now += 247_000;
        deliver(client, separate);
        assertThat(client.duplicateCount()).isZero();
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
    }

    @Test
    void separateResponseBeforeTheEmptyAckStopsRetransmission() {
        client.request(uplink(), handler);
        CoapMessage sent = link.last();
        deliver(client, reply(sent, CoapType.CON, CoapCode.CHANGED, 99));
        assertThat(handler.responses).hasSize(1);
        assertThat(client.poll()).isEqualTo(-1);
        deliver(client, new CoapMessage().setType(CoapType.ACK).setMessageId(sent.messageId()));
        assertThat(handler.outcomes()).isEqualTo(1);
    }

    @Test
    void resetFailsTheRequest() {
        client.request(uplink(), handler);
        deliver(client, new CoapMessage().setType(CoapType.RST).setMessageId(link.last().messageId()));
        assertThat(handler.failures).containsExactly(FailureReason.RESET);
        assertThat(client.pendingCount()).isZero();
    }

    @Test
    void separateResponseTimesOutAfterTheResponseTimeout() {
        client = new CoapClient(link, link, new Random(1), new CoapClientConfig().responseTimeoutMillis(5000));
        client.request(uplink(), handler);
        deliver(client, new CoapMessage().setType(CoapType.ACK).setMessageId(link.last().messageId()));
        link.now = client.poll() - 1;
        client.poll();
        assertThat(handler.outcomes()).isZero();
        link.now++;
        client.poll();
        assertThat(handler.failures).containsExactly(FailureReason.TIMEOUT);
    }

    @Test
    void unmatchedConResponseIsResetAndUnmatchedNonIgnored() {
        CoapMessage stray = new CoapMessage().setType(CoapType.CON).setCode(CoapCode.CONTENT).setMessageId(5)
                .setToken(0xDEADL, 4);
        deliver(client, stray);
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        assertThat(link.last().messageId()).isEqualTo(5);
        deliver(client, stray);
        assertThat(link.sent).hasSize(2);
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        deliver(client, stray.setType(CoapType.NON).setMessageId(6));
        assertThat(link.sent).hasSize(2);
    }

    @Test
    void pingsAndInboundRequestsAreReset() {
        deliver(client, new CoapMessage().setType(CoapType.CON).setMessageId(11));
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        deliver(client, new CoapMessage().setType(CoapType.CON).setCode(CoapCode.GET).setMessageId(12));
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        assertThat(link.last().messageId()).isEqualTo(12);
    }

    @Test
    void conResponseWithUnknownCriticalOptionIsRejected() {
        client.request(uplink(), handler);
        CoapMessage resp = reply(link.last(), CoapType.CON, CoapCode.CONTENT, 31);
        resp.options().add(2049, new byte[] {1});
        deliver(client, resp);
        assertThat(handler.responses).isEmpty();
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
    }

    @Test
    void cancelReportsCancelledAndALateResponseIsReset() {
        int id = client.request(uplink(), handler);
        CoapMessage sent = link.last();
        assertThat(client.cancel(id)).isTrue();
        assertThat(client.cancel(id)).isFalse();
        assertThat(handler.failures).containsExactly(FailureReason.CANCELLED);
        deliver(client, reply(sent, CoapType.CON, CoapCode.CONTENT, 3));
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        assertThat(handler.outcomes()).isEqualTo(1);
    }

    @Test
    void nstartOneQueuesTheSecondRequestUntilTheFirstIsAcked() {
        RecordingHandler second = new RecordingHandler();
        client.request(uplink(), handler);
        client.request(uplink().setUriPath("ev"), second);
        assertThat(link.sent).hasSize(1);
        CoapMessage first = link.last();
        deliver(client, new CoapMessage().setType(CoapType.ACK).setMessageId(first.messageId()));
        assertThat(link.sent).hasSize(2);
        CoapMessage next = link.last();
        assertThat(next.uriPath()).isEqualTo("ev");
        assertThat(next.messageId()).isEqualTo((first.messageId() + 1) & 0xFFFF);
        assertThat(next.tokenAsLong()).isNotEqualTo(first.tokenAsLong());
        deliver(client, reply(next, CoapType.ACK, CoapCode.CHANGED, next.messageId()));
        deliver(client, reply(first, CoapType.NON, CoapCode.CHANGED, 500));
        assertThat(second.responses).hasSize(1);
        assertThat(handler.responses).hasSize(1);
    }

    @Test
    void nonRequestGetsNonResponse() {
        client.request(uplink().setType(CoapType.NON), handler);
        CoapMessage sent = link.last();
        assertThat(sent.type()).isEqualTo(CoapType.NON);
        deliver(client, reply(sent, CoapType.NON, CoapCode.CHANGED, 1));
        assertThat(handler.responses).hasSize(1);
        assertThat(link.sent).hasSize(1);
    }

    @Test
    void refusesRequestsBeyondThePool() {
        client = new CoapClient(link, link, new Random(1), new CoapClientConfig().maxPendingRequests(2));
        assertThat(client.request(uplink(), handler)).isPositive();
        assertThat(client.request(uplink(), handler)).isPositive();
        assertThat(client.request(uplink(), handler)).isEqualTo(-1);
    }

    @Test
    void malformedConIsResetAndCounted() {
        byte[] bad = {0x40, 0x01, 0x12, 0x34, (byte) 0xF0};
        client.onDatagram(bad, 0, bad.length);
        assertThat(client.malformedCount()).isEqualTo(1);
        assertThat(link.last().type()).isEqualTo(CoapType.RST);
        assertThat(link.last().messageId()).isEqualTo(0x1234);
    }

    @Test
    void randomAndMutatedDatagramsNeverThrowOrConfuseTheClient() {
        Random r = new Random(99);
        client.request(uplink(), handler);
        CoapMessage sent = link.last();
        byte[] good = FakeLink.encode(reply(sent, CoapType.ACK, CoapCode.CHANGED, sent.messageId()));
        for (int n = 0; n < 50_000; n++) {
            byte[] data;
            if (r.nextBoolean()) {
                data = new byte[r.nextInt(40)];
                r.nextBytes(data);
            } else {
                data = good.clone();
                data[4 + r.nextInt(data.length - 4)] ^= (byte) (1 + r.nextInt(255));
                if (r.nextInt(4) == 0) {
                    data = java.util.Arrays.copyOf(data, r.nextInt(data.length));
                }
            }
            client.onDatagram(data, 0, data.length);
            client.poll();
        }
        assertThat(client.malformedCount()).isPositive();
        assertThat(client.pendingCount() + handler.outcomes()).isEqualTo(1);
    }

    @Test
    void rejectsMessagesThatAreNotRequestsAndInvalidConfiguration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.request(new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.GET), handler))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.request(new CoapMessage().setType(CoapType.CON).setCode(CoapCode.CONTENT), handler))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CoapClientConfig().ackRandomFactorPercent(99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackRandomFactorPercent");
        assertThat(client.pendingCount()).isZero();
        assertThat(link.sent).isEmpty();
    }
}
