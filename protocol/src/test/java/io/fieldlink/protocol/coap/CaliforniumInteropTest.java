package io.fieldlink.protocol.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.junit.jupiter.api.Test;

/** Verifies that this codec and Californium's UDP serializer/parser agree byte for byte, both ways. */
class CaliforniumInteropTest {
    private final UdpDataParser parser = new UdpDataParser();
    private final UdpDataSerializer serializer = new UdpDataSerializer();

    @Test
    void ourEncodingParsesInCalifornium() {
        for (CoapMessage m : ourMessages()) {
            CoapEncoder enc = new CoapEncoder();
            enc.encode(m);
            Message theirs = parser.parseMessage(enc.toByteArray());
            assertSame(m, theirs);
            assertThat(serializer.getByteArray(theirs)).as(m.toString()).isEqualTo(enc.toByteArray());
        }
    }

    @Test
    void californiumEncodingDecodesHere() {
        for (Message theirs : theirMessages()) {
            byte[] wire = serializer.getByteArray(theirs);
            CoapMessage ours = CoapDecoder.decode(wire);
            assertSame(ours, theirs);
            CoapEncoder enc = new CoapEncoder();
            enc.encode(ours);
            assertThat(enc.toByteArray()).as(theirs.toString()).isEqualTo(wire);
        }
    }

    @Test
    void typedAccessorsReadCaliforniumsOptions() {
        Response r = new Response(CoAP.ResponseCode.CONTENT);
        r.setType(CoAP.Type.ACK);
        r.setMID(77);
        r.setToken(new Token(new byte[] {1, 2, 3, 4}));
        r.getOptions().setContentFormat(112).setBlock2(new BlockOption(BlockOption.size2Szx(256), true, 17))
                .addETag(new byte[] {5, 6}).setSize2(4321).setObserve(99).setMaxAge(10);
        r.setPayload(new byte[256]);
        CoapMessage ours = CoapDecoder.decode(serializer.getByteArray(r));
        assertThat(ours.contentFormat()).isEqualTo(112);
        assertThat(BlockOption.size2Szx(256)).isEqualTo(4);
        assertThat(io.fieldlink.protocol.coap.BlockOption.toString(ours.block2())).isEqualTo("17/1/256");
        assertThat(ours.etag()).containsExactly(5, 6);
        assertThat(ours.size2()).isEqualTo(4321);
        assertThat(ours.observe()).isEqualTo(99);
        assertThat(ours.maxAge()).isEqualTo(10);
        assertThat(CoapCode.name(ours.code())).isEqualTo("2.05 Content");
    }

    private static void assertSame(CoapMessage ours, Message theirs) {
        assertThat(theirs.getType().value).isEqualTo(ours.type().value());
        assertThat(theirs.getRawCode()).isEqualTo(ours.code());
        assertThat(theirs.getMID()).isEqualTo(ours.messageId());
        assertThat(theirs.getTokenBytes()).isEqualTo(ours.copyToken());
        List<Option> opts = theirs.getOptions().asSortedList();
        assertThat(opts).hasSize(ours.options().count());
        for (int i = 0; i < opts.size(); i++) {
            assertThat(opts.get(i).getNumber()).isEqualTo(ours.options().number(i));
            assertThat(opts.get(i).getValue()).isEqualTo(ours.options().value(i));
        }
        assertThat(theirs.getPayloadSize()).isEqualTo(ours.payloadLength());
        if (ours.payloadLength() > 0) {
            assertThat(theirs.getPayload()).isEqualTo(ours.copyPayload());
        }
    }

    private static List<CoapMessage> ourMessages() {
        List<CoapMessage> list = new ArrayList<>();
        Random r = new Random(3);
        byte[] payload = new byte[120];
        r.nextBytes(payload);
        list.add(new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setMessageId(1).setToken(0xCAFEL, 4)
                .setUriPath("up").setContentFormat(ContentFormat.CBOR).setPayload(payload));
        list.add(new CoapMessage().setType(CoapType.ACK).setMessageId(0xFFFF));
        list.add(new CoapMessage().setType(CoapType.RST).setMessageId(0));
        list.add(new CoapMessage().setType(CoapType.NON).setCode(CoapCode.GET).setMessageId(2).setToken(new byte[8])
                .setUriPath("fw/meter-1.2.3.bin").addUriQuery("v=1").setAccept(ContentFormat.OCTET_STREAM)
                .setBlock2(io.fieldlink.protocol.coap.BlockOption.of(1000, false, 6)).setObserve(0));
        list.add(new CoapMessage().setType(CoapType.ACK).setCode(CoapCode.CONTENT).setMessageId(3).setToken(0x1L, 1)
                .setContentFormat(ContentFormat.OCTET_STREAM).setETag(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .setBlock2(io.fieldlink.protocol.coap.BlockOption.of(3, true, 5)).setSize2(5000).setMaxAge(0)
                .setPayload(new byte[512]));
        list.add(new CoapMessage().setType(CoapType.CON).setCode(CoapCode.PUT).setMessageId(4).setToken(0x7L, 2)
                .setBlock1(io.fieldlink.protocol.coap.BlockOption.of(0xFFFFF, true, 0)).setSize1(0x7FFFFFFFL) // Californium keeps Size1 as a signed int
                .setContentFormat(ContentFormat.SENML_JSON).setPayload(new byte[16]));
        StringBuilder longSegment = new StringBuilder();
        for (int i = 0; i < 255; i++) {
            longSegment.append((char) ('a' + i % 26));
        }
        CoapMessage longOpts = new CoapMessage().setType(CoapType.CON).setCode(CoapCode.GET).setMessageId(5)
                .addUriPath(longSegment.toString()).addUriPath("x").addUriQuery(longSegment.substring(0, 13))
                .addUriQuery(longSegment.substring(0, 12));
        longOpts.options().add(CoapOption.PROXY_URI, new byte[300]);
        longOpts.options().add(2048, new byte[1000]);
        longOpts.options().add(65000, new byte[] {1});
        list.add(longOpts);
        for (int code : new int[] {CoapCode.CREATED, CoapCode.CHANGED, CoapCode.CONTINUE, CoapCode.BAD_REQUEST,
            CoapCode.UNAUTHORIZED, CoapCode.BAD_OPTION, CoapCode.NOT_FOUND, CoapCode.METHOD_NOT_ALLOWED,
            CoapCode.REQUEST_ENTITY_INCOMPLETE, CoapCode.REQUEST_ENTITY_TOO_LARGE,
            CoapCode.UNSUPPORTED_CONTENT_FORMAT, CoapCode.INTERNAL_SERVER_ERROR, CoapCode.SERVICE_UNAVAILABLE}) {
            list.add(new CoapMessage().setType(CoapType.CON).setCode(code).setMessageId(code).setToken(code, 3)
                    .setContentFormat(ContentFormat.TEXT_PLAIN).setPayload(CoapCode.name(code).getBytes(StandardCharsets.UTF_8)));
        }
        return list;
    }

    private static List<Message> theirMessages() {
        List<Message> list = new ArrayList<>();
        Request post = Request.newPost();
        post.setType(CoAP.Type.CON);
        post.setMID(0x1234);
        post.setToken(new Token(new byte[] {1, 2, 3, 4}));
        post.getOptions().addUriPath("up").setContentFormat(60).addUriQuery("seq=1");
        post.setPayload(new byte[120]);
        list.add(post);
        Request get = Request.newGet();
        get.setType(CoAP.Type.NON);
        get.setMID(1);
        get.setToken(new Token(new byte[] {9}));
        get.getOptions().addUriPath("fw").addUriPath("image").setAccept(42).setBlock2(6, false, 12345).setObserve(1)
                .setBlock1(2, true, 7).setSize1(1000).setSize2(2000).setMaxAge(3).addETag(new byte[] {4});
        list.add(get);
        Response content = new Response(CoAP.ResponseCode.CONTENT);
        content.setType(CoAP.Type.ACK);
        content.setMID(0xFFFF);
        content.setToken(Token.EMPTY);
        content.getOptions().setContentFormat(42).setBlock2(4, true, 0).addETag(new byte[] {1, 1, 1, 1, 1, 1, 1, 1});
        content.setPayload(new byte[256]);
        list.add(content);
        for (CoAP.ResponseCode rc : CoAP.ResponseCode.values()) {
            Response resp = new Response(rc);
            resp.setType(CoAP.Type.NON);
            resp.setMID(rc.value);
            resp.setToken(new Token(new byte[] {(byte) rc.value, 0, 0, 0, 0, 0, 0, 1}));
            resp.setPayload(rc.name());
            list.add(resp);
        }
        EmptyMessage ack = new EmptyMessage(CoAP.Type.ACK);
        ack.setMID(42);
        ack.setToken(Token.EMPTY);
        list.add(ack);
        EmptyMessage rst = new EmptyMessage(CoAP.Type.RST);
        rst.setMID(43);
        rst.setToken(Token.EMPTY);
        list.add(rst);
        return list;
    }
}
