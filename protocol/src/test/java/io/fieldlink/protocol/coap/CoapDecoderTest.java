package io.fieldlink.protocol.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.coap.CoapFormatException.Reason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoapDecoderTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void decodesRfc7252FigureA1ConfirmableGet() {
        // RFC 7252 Appendix A, Figure 16: CON GET mid 0x7d34, Uri-Path "temperature", no token
        CoapMessage m = CoapDecoder.decode(hex("40 01 7d 34 bb 74656d7065726174757265"));
        assertThat(m.type()).isEqualTo(CoapType.CON);
        assertThat(m.code()).isEqualTo(CoapCode.GET);
        assertThat(m.messageId()).isEqualTo(0x7d34);
        assertThat(m.tokenLength()).isZero();
        assertThat(m.uriPath()).isEqualTo("temperature");
        assertThat(m.payloadLength()).isZero();
    }

    @Test
    void decodesRfc7252PiggybackedResponse() {
        CoapMessage m = CoapDecoder.decode(hex("60 45 7d 34 ff 32322e332043"));
        assertThat(m.type()).isEqualTo(CoapType.ACK);
        assertThat(CoapCode.name(m.code())).isEqualTo("2.05 Content");
        assertThat(m.payloadString()).isEqualTo("22.3 C");
    }

    @Test
    void decodesTokenAndEmptyAck() {
        CoapMessage m = CoapDecoder.decode(hex("41 01 7d 34 20 bb 74656d7065726174757265"));
        assertThat(m.tokenLength()).isEqualTo(1);
        assertThat(m.tokenAsLong()).isEqualTo(0x20);
        CoapMessage ack = CoapDecoder.decode(hex("60 00 7d 34"));
        assertThat(ack.type()).isEqualTo(CoapType.ACK);
        assertThat(ack.code()).isEqualTo(CoapCode.EMPTY);
    }

    @ParameterizedTest(name = "option number {0} encodes as header {1}")
    @CsvSource({
        "12, c0", "13, d000", "268, d0ff", "269, e00000", "65535, e0fef2"
    })
    void optionDeltaBoundaries(int number, String header) {
        CoapMessage m = new CoapMessage().setType(CoapType.NON).setCode(CoapCode.GET).setMessageId(1);
        m.options().add(number, new byte[0]);
        CoapEncoder enc = new CoapEncoder();
        enc.encode(m);
        assertThat(HexFormat.of().formatHex(enc.toByteArray())).isEqualTo("50010001" + header);
        CoapMessage back = CoapDecoder.decode(enc.toByteArray());
        assertThat(back.options().number(0)).isEqualTo(number);
    }

    @ParameterizedTest(name = "option length {0} encodes with header {1}")
    @CsvSource({
        "12, 1c", "13, 1d00", "268, 1dff", "269, 1e0000", "65804, 1effff"
    })
    void optionLengthBoundaries(int length, String header) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) i;
        }
        CoapMessage m = new CoapMessage().setType(CoapType.NON).setCode(CoapCode.GET).setMessageId(1);
        m.options().add(1, value);
        CoapEncoder enc = new CoapEncoder();
        int n = enc.encode(m);
        assertThat(HexFormat.of().formatHex(enc.buffer(), 4, 4 + header.length() / 2)).isEqualTo(header);
        assertThat(n).isEqualTo(4 + header.length() / 2 + length);
        CoapMessage back = CoapDecoder.decode(enc.toByteArray());
        assertThat(back.options().value(0)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "TRUNCATED_HEADER, 40 01 7d, 0",
        "BAD_VERSION, 80 01 7d 34, 0",
        "BAD_VERSION, 00 01 7d 34, 0",
        "BAD_TOKEN_LENGTH, 49 01 7d 34 0102030405060708 09, 0",
        "BAD_TOKEN_LENGTH, 4f 01 7d 34, 0",
        "TRUNCATED_TOKEN, 44 01 7d 34 010203, 7",
        "TRUNCATED_OPTION, 40 01 7d 34 d1, 5",
        "TRUNCATED_OPTION, 40 01 7d 34 e1 00, 5",
        "TRUNCATED_OPTION, 40 01 7d 34 1d, 5",
        "TRUNCATED_OPTION, 40 01 7d 34 13 6162, 4",
        "TRUNCATED_OPTION, 40 01 7d 34 1e 0000 00, 4",
        "RESERVED_OPTION_DELTA, 40 01 7d 34 f0, 4",
        "RESERVED_OPTION_LENGTH, 40 01 7d 34 1f, 4",
        "OPTION_NUMBER_OVERFLOW, 40 01 7d 34 e0 ffff, 4",
        "OPTION_NUMBER_OVERFLOW, 40 01 7d 34 e0 fef2 10, 7",
        "EMPTY_PAYLOAD_AFTER_MARKER, 40 01 7d 34 ff, 4",
        "EMPTY_PAYLOAD_AFTER_MARKER, 41 45 7d 34 aa b1 61 ff, 7",
        "EMPTY_MESSAGE_WITH_CONTENT, 60 00 7d 34 ff 00, 4",
        "EMPTY_MESSAGE_WITH_CONTENT, 61 00 7d 34 aa, 4",
        "EMPTY_MESSAGE_WITH_CONTENT, 70 00 7d 34 b0, 4",
    })
    void rejectsMalformedWithReasonAndOffset(Reason reason, String bytes, int offset) {
        CoapMessage into = new CoapMessage().setCode(CoapCode.POST).setMessageId(9).setPayload(new byte[] {1});
        assertThatThrownBy(() -> CoapDecoder.decode(hex(bytes), 0, hex(bytes).length, into))
                .isInstanceOfSatisfying(CoapFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains(reason.name());
                });
        assertThat(into.code()).isZero();
        assertThat(into.payloadLength()).isZero();
        assertThat(into.options().count()).isZero();
    }

    @Test
    void decodesAtAnOffsetInsideALargerArray() {
        byte[] framed = hex("eeee 60 45 7d 34 ff 32322e332043 eeee");
        CoapMessage m = new CoapMessage();
        CoapDecoder.decode(framed, 2, framed.length - 4, m);
        assertThat(m.payloadString()).isEqualTo("22.3 C");
    }

    @Test
    void keepsUnknownOptionsRawAndReportsUnknownCriticalOnes() {
        // elective unknown 2048 (even), then critical unknown 2049 (odd)
        CoapMessage m = new CoapMessage().setCode(CoapCode.POST).setMessageId(3);
        m.options().add(2048, new byte[] {1, 2});
        assertThat(m.unrecognizedCriticalOption()).isEqualTo(-1);
        m.options().add(2049, new byte[] {3});
        CoapEncoder enc = new CoapEncoder();
        enc.encode(m);
        CoapMessage back = CoapDecoder.decode(enc.toByteArray());
        assertThat(back.options().value(0)).containsExactly(1, 2);
        assertThat(back.unrecognizedCriticalOption()).isEqualTo(2049);
    }

    @Test
    void knownCriticalOptionOfWrongLengthOrRepeatedCountsAsUnrecognized() {
        CoapMessage m = new CoapMessage().setCode(CoapCode.GET);
        m.options().add(CoapOption.BLOCK2, new byte[4]);
        assertThat(m.unrecognizedCriticalOption()).isEqualTo(CoapOption.BLOCK2);
        assertThatThrownBy(m::block2).isInstanceOfSatisfying(CoapFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_OPTION_VALUE));
        CoapMessage twice = new CoapMessage().setCode(CoapCode.GET);
        twice.options().addUint(CoapOption.ACCEPT, 60).addUint(CoapOption.ACCEPT, 112);
        assertThat(twice.unrecognizedCriticalOption()).isEqualTo(CoapOption.ACCEPT);
        CoapMessage paths = new CoapMessage().setCode(CoapCode.GET).setUriPath("a/b");
        assertThat(paths.unrecognizedCriticalOption()).isEqualTo(-1);
    }

    @Test
    void reservedSzxIsABadOptionValue() {
        CoapMessage m = new CoapMessage().setCode(CoapCode.GET);
        m.options().addUint(CoapOption.BLOCK2, 0x17);
        assertThatThrownBy(m::block2).isInstanceOfSatisfying(CoapFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_OPTION_VALUE));
    }

    @Test
    void confirmableMessageIdIsReadFromAMalformedCon() {
        assertThat(CoapDecoder.confirmableMessageId(hex("40 01 12 34 f0"), 0, 5)).isEqualTo(0x1234);
        assertThat(CoapDecoder.confirmableMessageId(hex("80 01 12 34"), 0, 4)).isEqualTo(-1);
        assertThat(CoapDecoder.confirmableMessageId(hex("40 01"), 0, 2)).isEqualTo(-1);
    }
}
