package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A virtual clock and a datagram channel that records what the client sends. */
final class FakeLink implements DatagramSender, CoapClock {
    final List<byte[]> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    long now = 1_000_000;

    @Override
    public void send(byte[] data, int off, int len) {
        sent.add(Arrays.copyOfRange(data, off, off + len));
        sentAt.add(now);
    }

    @Override
    public long millis() {
        return now;
    }

    CoapMessage message(int i) {
        return CoapDecoder.decode(sent.get(i));
    }

    CoapMessage last() {
        return message(sent.size() - 1);
    }

    static byte[] encode(CoapMessage m) {
        CoapEncoder enc = new CoapEncoder();
        enc.encode(m);
        return enc.toByteArray();
    }

    static void deliver(CoapClient client, CoapMessage m) {
        byte[] b = encode(m);
        client.onDatagram(b, 0, b.length);
    }
}
