package io.fieldlink.protocol.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CoapMessageTest {

    static CoapMessage roundTrip(CoapMessage m) {
        CoapEncoder enc = new CoapEncoder();
        enc.encode(m);
        return CoapDecoder.decode(enc.toByteArray());
    }

    @Test
    void typedOptionsRoundTrip() {
        CoapMessage m = new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setMessageId(0xBEEF)
                .setToken(0x01020304L, 4).setUriPath("/fw/image/").addUriQuery("seq=42").addUriQuery("b=meter")
                .setContentFormat(ContentFormat.SENML_CBOR).setAccept(ContentFormat.CBOR).setObserve(0xABCDEF)
                .setBlock1(BlockOption.of(5, true, 6)).setBlock2(BlockOption.of(BlockOption.MAX_NUM, false, 2))
                .setETag(new byte[] {9, 8, 7}).setMaxAge(3600).setSize1(70000).setSize2(0xFFFFFFFFL)
                .setPayload("hällo €".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CoapMessage back = roundTrip(m);
        assertThat(back.uriPath()).isEqualTo("fw/image");
        assertThat(back.uriQuery()).isEqualTo("seq=42&b=meter");
        assertThat(back.contentFormat()).isEqualTo(112);
        assertThat(back.accept()).isEqualTo(60);
        assertThat(back.observe()).isEqualTo(0xABCDEF);
        assertThat(BlockOption.toString(back.block1())).isEqualTo("5/1/1024");
        assertThat(BlockOption.num(back.block2())).isEqualTo(BlockOption.MAX_NUM);
        assertThat(BlockOption.size(back.block2())).isEqualTo(64);
        assertThat(back.etag()).containsExactly(9, 8, 7);
        assertThat(back.maxAge()).isEqualTo(3600);
        assertThat(back.size1()).isEqualTo(70000);
        assertThat(back.size2()).isEqualTo(0xFFFFFFFFL);
        assertThat(back.payloadString()).isEqualTo("hällo €");
        assertThat(back.tokenAsLong()).isEqualTo(0x01020304L);
        assertThat(back.toString()).isEqualTo(m.toString());
    }

    @Test
    void absentOptionsReadAsMinusOneAndMaxAgeDefaultsTo60() {
        CoapMessage m = new CoapMessage();
        assertThat(m.contentFormat()).isEqualTo(-1);
        assertThat(m.block2()).isEqualTo(-1);
        assertThat(m.observe()).isEqualTo(-1);
        assertThat(m.size2()).isEqualTo(-1);
        assertThat(m.etag()).isNull();
        assertThat(m.maxAge()).isEqualTo(60);
        assertThat(m.uriPath()).isEmpty();
    }

    @Test
    void blockZeroAndContentFormatZeroEncodeAsEmptyValues() {
        CoapMessage m = new CoapMessage().setCode(CoapCode.GET).setContentFormat(0).setBlock2(BlockOption.of(0, false, 0));
        CoapEncoder enc = new CoapEncoder();
        enc.encode(m);
        // Content-Format (12) delta 12 len 0, Block2 (23) delta 11 len 0
        assertThat(enc.toByteArray()).containsExactly(0x40, 0x01, 0, 0, 0xC0, 0xB0);
        assertThat(roundTrip(m).contentFormat()).isZero();
    }

    @Test
    void optionsStaySortedAndRepeatedOptionsKeepTheirOrder() {
        CoapMessage m = new CoapMessage().setCode(CoapCode.GET);
        m.setContentFormat(60).addUriPath("b").addUriQuery("q").addUriPath("c");
        m.options().add(4, new byte[] {1});
        CoapMessage back = roundTrip(m);
        assertThat(back.options().number(0)).isEqualTo(4);
        assertThat(back.uriPath()).isEqualTo("b/c");
        assertThat(back.options().number(3)).isEqualTo(12);
        assertThat(back.options().number(4)).isEqualTo(15);
    }

    @Test
    void codesRenderAsClassDotDetailWithNames() {
        assertThat(CoapCode.name(CoapCode.CREATED)).isEqualTo("2.01 Created");
        assertThat(CoapCode.name(CoapCode.CONTINUE)).isEqualTo("2.31 Continue");
        assertThat(CoapCode.name(CoapCode.BAD_OPTION)).isEqualTo("4.02 Bad Option");
        assertThat(CoapCode.name(CoapCode.REQUEST_ENTITY_TOO_LARGE)).isEqualTo("4.13 Request Entity Too Large");
        assertThat(CoapCode.name(CoapCode.SERVICE_UNAVAILABLE)).isEqualTo("5.03 Service Unavailable");
        assertThat(CoapCode.name(CoapCode.of(3, 7))).isEqualTo("3.07");
        assertThat(CoapCode.isResponse(CoapCode.CHANGED)).isTrue();
        assertThat(CoapCode.isRequest(CoapCode.EMPTY)).isFalse();
    }

    @Test
    void invalidValuesAreRejectedWhenSet() {
        CoapMessage m = new CoapMessage();
        assertThatThrownBy(() -> m.setToken(new byte[9])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setMessageId(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockOption.of(0, false, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockOption.of(1 << 20, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setETag(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.options().add(65536, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encoderRejectsEmptyMessageWithContentAndOversizedMessages() {
        CoapMessage m = new CoapMessage().setType(CoapType.ACK).setToken(new byte[] {1});
        assertThatThrownBy(() -> new CoapEncoder().encode(m)).isInstanceOfSatisfying(CoapFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(CoapFormatException.Reason.EMPTY_MESSAGE_WITH_CONTENT));
        CoapMessage big = new CoapMessage().setCode(CoapCode.POST).setPayload(new byte[200]);
        assertThatThrownBy(() -> new CoapEncoder(64, 100).encode(big)).isInstanceOfSatisfying(CoapFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(CoapFormatException.Reason.MESSAGE_TOO_LARGE));
    }

    @Test
    void randomMessagesRoundTripExactly() {
        Random r = new Random(7);
        CoapEncoder enc = new CoapEncoder();
        CoapMessage back = new CoapMessage();
        for (int n = 0; n < 2000; n++) {
            CoapMessage m = randomMessage(r);
            enc.encode(m);
            byte[] first = enc.toByteArray();
            CoapDecoder.decode(first, 0, first.length, back);
            enc.encode(back);
            assertThat(enc.toByteArray()).isEqualTo(first);
            assertThat(back.copyPayload()).isEqualTo(m.copyPayload());
            assertThat(back.options().count()).isEqualTo(m.options().count());
        }
    }

    static CoapMessage randomMessage(Random r) {
        CoapMessage m = new CoapMessage().setType(CoapType.of(r.nextInt(4))).setCode(1 + r.nextInt(255))
                .setMessageId(r.nextInt(65536));
        byte[] token = new byte[r.nextInt(9)];
        r.nextBytes(token);
        m.setToken(token);
        int options = r.nextInt(8);
        for (int i = 0; i < options; i++) {
            int number = r.nextInt(4) == 0 ? r.nextInt(65536) : r.nextInt(300);
            byte[] v = new byte[r.nextInt(10) == 0 ? r.nextInt(700) : r.nextInt(14)];
            r.nextBytes(v);
            m.options().add(number, v);
        }
        byte[] payload = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(300)];
        r.nextBytes(payload);
        return m.setPayload(payload);
    }

    @Test
    void replacingOptionsKeepsOtherValuesAndDoesNotGrowTheBuffer() {
        CoapMessage m = new CoapMessage().setCode(CoapCode.GET).setETag(new byte[] {1, 2}).setUriPath("fw/a")
                .addUriQuery("x=1");
        byte[] before = m.options().data();
        for (int i = 0; i < 10_000; i++) {
            m.setBlock2(BlockOption.of(i, true, 4)).setETag(new byte[] {(byte) i, 2}).setContentFormat(60);
        }
        assertThat(m.options().data()).isSameAs(before);
        assertThat(m.uriPath()).isEqualTo("fw/a");
        assertThat(m.uriQuery()).isEqualTo("x=1");
        assertThat(BlockOption.num(m.block2())).isEqualTo(9999);
        assertThat(m.etag()).containsExactly((byte) 9999, 2);
        m.setUriPath("b");
        assertThat(roundTrip(m).uriPath()).isEqualTo("b");
        assertThat(roundTrip(m).uriQuery()).isEqualTo("x=1");
    }
}
