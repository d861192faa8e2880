package io.fieldlink.firmware.update;

import io.fieldlink.firmware.hal.memory.MemoryNetwork;
import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The host's {@code fw/<version>} resource on a {@link MemoryNetwork}: Block2 with an ETag, piggy-backed. */
final class ImageServer {
    final MemoryNetwork network;
    final Map<String, byte[]> images = new HashMap<>();
    int requests;

    ImageServer(MemoryNetwork network) {
        this.network = network;
    }

    void serve() {
        byte[] d;
        while ((d = network.takeSent()) != null) {
            CoapMessage m = CoapDecoder.decode(d);
            if (m.type() != CoapType.CON || m.code() != CoapCode.GET) {
                continue;
            }
            requests++;
            CoapMessage r = new CoapMessage().setType(CoapType.ACK).setMessageId(m.messageId()).setToken(m.copyToken());
            String path = m.uriPath();
            byte[] image = path.startsWith("fw/") ? images.get(path.substring(3)) : null;
            if (image == null) {
                r.setCode(CoapCode.NOT_FOUND);
            } else {
                int block = m.block2();
                int num = block < 0 ? 0 : BlockOption.num(block);
                int szx = block < 0 ? 6 : BlockOption.szx(block);
                int size = BlockOption.sizeOfSzx(szx);
                int from = num * size;
                if (from >= image.length) {
                    r.setCode(CoapCode.of(4, 2));
                    CoapEncoder enc = new CoapEncoder();
                    enc.encode(r);
                    network.deliver(enc.toByteArray());
                    continue;
                }
                int to = Math.min(image.length, from + size);
                boolean more = to < image.length;
                r.setCode(CoapCode.CONTENT).setETag(new byte[] {(byte) image.length, image[0]})
                        .setBlock2(BlockOption.of(num, more, szx)).setPayload(Arrays.copyOfRange(image, from, to));
            }
            CoapEncoder enc = new CoapEncoder();
            enc.encode(r);
            network.deliver(enc.toByteArray());
        }
    }
}
