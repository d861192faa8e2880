package io.fieldlink.protocol.coap.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Block2DownloadTest {
    private final FakeLink link = new FakeLink();
    private final CoapClient client = new CoapClient(link, link, new Random(2), new CoapClientConfig());
    private final byte[] image = image(4100, 1);
    private final FakeBlockServer server = new FakeBlockServer(link, image, new byte[] {1, 2, 3, 4});
    private final CollectingSink sink = new CollectingSink();

    static byte[] image(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static CoapMessage get() {
        return new CoapMessage().setType(CoapType.CON).setCode(CoapCode.GET).setUriPath("fw/image");
    }

    @Test
    void downloadsEveryBlockInOrder() {
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.data.toByteArray()).isEqualTo(image);
        assertThat(sink.total).isEqualTo(4100);
        assertThat(sink.offsets).hasSize(17).startsWith(0L, 256L, 512L);
        assertThat(d.isComplete()).isTrue();
        assertThat(d.nextBlock()).isEqualTo(17);
        assertThat(link.message(0).block2()).isEqualTo(BlockOption.of(0, false, 4));
    }

    @Test
    void followsAServerThatLowersTheBlockSize() {
        server.maxSzx = 2;
        Block2Download d = new Block2Download(client, get(), 6, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.data.toByteArray()).isEqualTo(image);
        assertThat(d.szx()).isEqualTo(2);
        assertThat(sink.offsets).hasSize(65);
    }

    @Test
    void survivesLostPacketsThroughRetransmission() {
        server.drop = n -> n % 3 == 1;
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.data.toByteArray()).isEqualTo(image);
        assertThat(client.retransmissionCount()).isPositive();
    }

    @Test
    void resumesAfterAnOutageFromTheRememberedBlock() {
        server.drop = n -> n >= 14; // 7 blocks get through, then the link goes dark
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.failures).containsExactly(Block2Download.Failure.TIMEOUT);
        int next = d.nextBlock();
        assertThat(next).isEqualTo(7);
        byte[] etag = d.etag();
        int szx = d.szx();

        // reboot: a fresh client and download, resumed from the persisted state
        server.drop = n -> n % 5 == 2;
        CoapClient rebooted = new CoapClient(link, link, new Random(3), new CoapClientConfig());
        server.seen = link.sent.size();
        CollectingSink resumed = new CollectingSink();
        resumed.start = 7 * 256L;
        Block2Download again = new Block2Download(rebooted, get(), szx, 2, resumed);
        int firstNew = link.sent.size();
        again.resume(next, szx, etag);
        server.run(rebooted, resumed::finished);
        assertThat(BlockOption.num(link.message(firstNew).block2())).isEqualTo(7);
        assertThat(resumed.failures).isEmpty();
        assertThat(resumed.offsets.get(0)).isEqualTo(7 * 256L);
        byte[] combined = new byte[image.length];
        System.arraycopy(sink.data.toByteArray(), 0, combined, 0, 7 * 256);
        System.arraycopy(resumed.data.toByteArray(), 0, combined, 7 * 256, image.length - 7 * 256);
        assertThat(combined).isEqualTo(image);
    }

    @Test
    void restartsFromZeroWhenTheETagChanges() {
        byte[] v2 = image(3000, 9);
        server.drop = n -> {
            if (n == 10) {
                server.resource = v2;
                server.etag = new byte[] {5};
            }
            return false;
        };
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.data.toByteArray()).isEqualTo(v2);
        assertThat(d.etag()).containsExactly(5);
    }

    @Test
    void resumingWithAStaleETagRestarts() {
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.resume(3, 4, new byte[] {9, 9});
        server.run(client, sink::finished);
        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.data.toByteArray()).isEqualTo(image);
    }

    @Test
    void givesUpAfterTooManyRestarts() {
        server.drop = n -> {
            server.etag = new byte[] {(byte) n};
            return false;
        };
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, sink::finished);
        assertThat(sink.restarts).isEqualTo(2);
        assertThat(sink.failures).containsExactly(Block2Download.Failure.TOO_MANY_RESTARTS);
    }

    @Test
    void errorResponseStopsWithItsCode() {
        server.code = CoapCode.NOT_FOUND;
        new Block2Download(client, get(), 4, 2, sink).start();
        server.run(client, sink::finished);
        assertThat(sink.failures).containsExactly(Block2Download.Failure.ERROR_RESPONSE);
        assertThat(sink.failureCodes).containsExactly(CoapCode.NOT_FOUND);
    }

    @Test
    void rejectsABlockAtTheWrongOffsetOrOfTheWrongSize() {
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        CoapMessage req = link.last();
        CoapMessage wrongNum = new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.CONTENT)
                .setMessageId(req.messageId()).setToken(req.copyToken()).setBlock2(BlockOption.of(1, true, 4))
                .setPayload(new byte[256]);
        FakeLink.deliver(client, wrongNum);
        assertThat(sink.failures).containsExactly(Block2Download.Failure.INCONSISTENT_BLOCK);

        CollectingSink s2 = new CollectingSink();
        new Block2Download(client, get(), 4, 2, s2).start();
        CoapMessage r2 = link.last();
        FakeLink.deliver(client, new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.CONTENT)
                .setMessageId(r2.messageId()).setToken(r2.copyToken()).setBlock2(BlockOption.of(0, true, 4))
                .setPayload(new byte[100]));
        assertThat(s2.failures).containsExactly(Block2Download.Failure.INCONSISTENT_BLOCK);
        assertThat(s2.offsets).isEmpty();
    }

    @Test
    void aResponseWithoutBlock2IsTheWholeRepresentation() {
        new Block2Download(client, get(), 4, 2, sink).start();
        CoapMessage req = link.last();
        FakeLink.deliver(client, new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.CONTENT)
                .setMessageId(req.messageId()).setToken(req.copyToken()).setPayload(new byte[] {1, 2, 3}));
        assertThat(sink.data.toByteArray()).containsExactly(1, 2, 3);
        assertThat(sink.total).isEqualTo(3);
    }

    @Test
    void cancelStopsTheDownloadAndKeepsItsPosition() {
        Block2Download d = new Block2Download(client, get(), 4, 2, sink);
        d.start();
        server.run(client, () -> sink.offsets.size() == 3);
        assertThat(d.isRunning()).isTrue();
        d.cancel();
        assertThat(sink.failures).containsExactly(Block2Download.Failure.CANCELLED);
        assertThat(d.isRunning()).isFalse();
        assertThat(d.nextBlock()).isEqualTo(3);
        assertThat(client.pendingCount()).isZero();
    }
}
