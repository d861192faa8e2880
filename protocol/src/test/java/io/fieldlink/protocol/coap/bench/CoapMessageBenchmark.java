package io.fieldlink.protocol.coap.bench;

import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.coap.client.CoapClient;
import io.fieldlink.protocol.coap.client.CoapClientConfig;
import io.fieldlink.protocol.coap.client.FailureReason;
import io.fieldlink.protocol.coap.client.ResponseHandler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encode and decode of a typical uplink (CON POST, 4-byte token, Uri-Path "up", Content-Format 60,
 * 120-byte payload) and of a 512-byte Block2 response, plus one client request/ACK round on a fake link.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CoapMessageBenchmark {
    private final CoapEncoder encoder = new CoapEncoder();
    private final CoapMessage uplink = new CoapMessage();
    private final CoapMessage block2 = new CoapMessage();
    private final CoapMessage target = new CoapMessage();
    private final byte[] payload = new byte[120];
    private byte[] uplinkWire;
    private byte[] block2Wire;

    private CoapClient client;
    private final byte[] ack = new byte[64];
    private int ackLength;
    private final CoapMessage ackMessage = new CoapMessage();
    private long clockMillis;
    private int lastMid;
    private long lastToken;
    private int responses;

    @Setup
    public void setUp() {
        new Random(1).nextBytes(payload);
        fillUplink(uplink);
        uplinkWire = encode(uplink);
        block2.setType(CoapType.ACK).setCode(CoapCode.CONTENT).setMessageId(0x1234).setToken(0xA1B2C3D4L, 4)
                .setContentFormat(ContentFormat.OCTET_STREAM).setETag(new byte[] {1, 2, 3, 4})
                .setBlock2(BlockOption.of(17, true, 5)).setSize2(65536).setPayload(new byte[512]);
        block2Wire = encode(block2);
        client = new CoapClient((data, off, len) -> {
            lastMid = (data[off + 2] & 0xFF) << 8 | (data[off + 3] & 0xFF);
            lastToken = (data[off + 4] & 0xFFL) << 24 | (data[off + 5] & 0xFFL) << 16 | (data[off + 6] & 0xFFL) << 8
                    | (data[off + 7] & 0xFFL);
        }, () -> clockMillis, new Random(2), new CoapClientConfig());
    }

    private void fillUplink(CoapMessage m) {
        m.reset().setType(CoapType.CON).setCode(CoapCode.POST).setMessageId(0x7D34).setToken(0xA1B2C3D4L, 4)
                .addUriPath("up").setContentFormat(ContentFormat.CBOR).setPayload(payload);
    }

    private byte[] encode(CoapMessage m) {
        encoder.encode(m);
        return encoder.toByteArray();
    }

    @Benchmark
    public int encodeUplink() {
        return encoder.encode(uplink);
    }

    @Benchmark
    public int buildAndEncodeUplink() {
        fillUplink(target);
        return encoder.encode(target);
    }

    @Benchmark
    public int decodeUplink() {
        CoapDecoder.decode(uplinkWire, 0, uplinkWire.length, target);
        return target.payloadLength() + target.contentFormat();
    }

    @Benchmark
    public int encodeBlock2Response() {
        return encoder.encode(block2);
    }

    @Benchmark
    public int decodeBlock2Response() {
        CoapDecoder.decode(block2Wire, 0, block2Wire.length, target);
        return target.block2() + target.payloadLength();
    }

    /** One uplink through the client: request, encode, send, then the piggy-backed 2.04 ACK decoded and matched. */
    @Benchmark
    public int clientRequestAndPiggybackedAck() {
        client.request(uplink, handler);
        ackMessage.reset().setType(CoapType.ACK).setCode(CoapCode.CHANGED).setMessageId(lastMid).setToken(lastToken, 4);
        ackLength = encoder.encode(ackMessage);
        System.arraycopy(encoder.buffer(), 0, ack, 0, ackLength);
        client.onDatagram(ack, 0, ackLength);
        clockMillis++;
        return responses;
    }

    private final ResponseHandler handler = new ResponseHandler() {
        @Override
        public void onResponse(CoapMessage response) {
            responses++;
        }

        @Override
        public void onFailure(FailureReason reason) {
            throw new IllegalStateException(reason.name());
        }
    };
}
