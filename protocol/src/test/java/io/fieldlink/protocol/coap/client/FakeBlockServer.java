package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import java.util.function.IntPredicate;

/**
 * Serves one resource with Block2 over a {@link FakeLink}: answers each CON request the client sent
 * with a piggy-backed block, dropping datagrams (either way) that {@link #drop} selects.
 */
final class FakeBlockServer {
    final FakeLink link;
    byte[] resource;
    byte[] etag;
    int maxSzx = 6;
    int code = CoapCode.CONTENT;
    IntPredicate drop = n -> false;
    int seen;
    int datagrams;

    FakeBlockServer(FakeLink link, byte[] resource, byte[] etag) {
        this.link = link;
        this.resource = resource;
        this.etag = etag;
    }

    /** Runs the client and this server on the virtual clock until {@code done} or no deadline is left. */
    void run(CoapClient client, java.util.function.BooleanSupplier done) {
        for (int steps = 0; steps < 100_000 && !done.getAsBoolean(); steps++) {
            if (seen < link.sent.size()) {
                byte[] datagram = link.sent.get(seen++);
                if (drop.test(datagrams++)) {
                    continue;
                }
                CoapMessage req = io.fieldlink.protocol.coap.CoapDecoder.decode(datagram);
                if (req.type() != CoapType.CON || !CoapCode.isRequest(req.code())) {
                    continue;
                }
                CoapMessage resp = respond(req);
                if (!drop.test(datagrams++)) {
                    FakeLink.deliver(client, resp);
                }
                continue;
            }
            long next = client.poll();
            if (next < 0) {
                return;
            }
            link.now = Math.max(link.now, next);
            client.poll();
        }
    }

    CoapMessage respond(CoapMessage req) {
        CoapMessage resp = new CoapMessage().setType(CoapType.ACK).setCode(code).setMessageId(req.messageId())
                .setToken(req.copyToken());
        if (code != CoapCode.CONTENT) {
            return resp;
        }
        int block = req.block2();
        int szx = Math.min(block < 0 ? maxSzx : BlockOption.szx(block), maxSzx);
        int size = BlockOption.sizeOfSzx(szx);
        long offset = block < 0 ? 0 : BlockOption.offset(block);
        int num = (int) (offset / size);
        int from = num * size;
        int len = Math.max(0, Math.min(size, resource.length - from));
        boolean more = from + len < resource.length;
        if (etag != null) {
            resp.setETag(etag);
        }
        return resp.setBlock2(BlockOption.of(num, more, szx)).setSize2(resource.length)
                .setPayload(resource, Math.min(from, resource.length), len);
    }
}
