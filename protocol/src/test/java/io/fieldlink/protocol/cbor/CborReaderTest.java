package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CborReaderTest {
    private static CborReader reader(String hex) {
        return new CborReader(Hex.bytes(hex));
    }

    @Test
    void readsAMapItemByItem() {
        CborReader r = reader("a301626869" + "0220" + "03f93e00");
        assertThat(r.peekType()).isEqualTo(CborType.MAP);
        assertThat(r.readMapHeader()).isEqualTo(3);
        assertThat(r.readInt()).isEqualTo(1);
        assertThat(r.readText()).isEqualTo("hi");
        assertThat(r.readInt()).isEqualTo(2);
        assertThat(r.readInt()).isEqualTo(-1);
        assertThat(r.readInt()).isEqualTo(3);
        assertThat(r.readFloat()).isEqualTo(1.5);
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void indefiniteContainersReportMinusOneAndEndWithBreak() {
        CborReader r = reader("9f01ff");
        assertThat(r.readArrayHeader()).isEqualTo(-1);
        assertThat(r.isBreak()).isFalse();
        assertThat(r.readInt()).isEqualTo(1);
        assertThat(r.isBreak()).isTrue();
        r.readBreak();
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void wrongTypeNamesBothTypesAndLeavesTheReaderInPlace() {
        CborReader r = reader("6161");
        assertThatThrownBy(r::readInt).isInstanceOf(CborException.class)
                .hasMessage("CBOR wrong type at offset 0: expected integer, found text");
        assertThat(r.position()).isZero();
        assertThat(r.readText()).isEqualTo("a");
    }

    @Test
    void unsignedAboveLongMaxDoesNotFitReadIntButFitsReadUnsigned() {
        CborReader r = reader("1bffffffffffffffff");
        assertThatThrownBy(r::readInt).hasMessageContaining("18446744073709551615")
                .hasMessageContaining("does not fit a signed 64-bit integer");
        assertThat(r.readUnsigned()).isEqualTo(-1L);
    }

    @Test
    void truncatedHead() {
        assertThatThrownBy(() -> reader("1a0001").readInt())
                .hasMessage("CBOR truncated at offset 0: head needs 4 more bytes");
    }

    @Test
    void emptyInput() {
        assertThatThrownBy(() -> reader("").peekType()).isInstanceOf(CborException.class)
                .hasMessageContaining("truncated at offset 0");
    }

    @Test
    void aClaimedLengthBeyondTheInputFailsBeforeAllocating() {
        assertThatThrownBy(() -> new CborReader(Hex.bytes("5a7fffffff00"), 0, 6,
                new CborLimits(4, 4, Integer.MAX_VALUE, 10)).readBytes())
                .hasMessage("CBOR truncated at offset 0: string claims 2147483647 bytes but 1 remain");
        assertThatThrownBy(() -> reader("9a7fffffff00").readArrayHeader())
                .hasMessageContaining("oversized at offset 0: array size 2147483647 exceeds limit 4096");
        assertThatThrownBy(() -> reader("990fff00").readArrayHeader())
                .hasMessageContaining("truncated at offset 0: array claims 4095 items but 1 bytes remain");
    }

    @Test
    void stringLongerThanTheLimitIsOversized() {
        CborLimits limits = new CborLimits(4, 4, 2, 10);
        assertThatThrownBy(() -> new CborReader(Hex.bytes("43010203"), 0, 4, limits).readBytes())
                .hasMessage("CBOR oversized at offset 0: string length 3 exceeds limit 2");
        assertThatThrownBy(() -> new CborReader(Hex.bytes("5f42010241 03ff"), 0, 7, limits).readBytes())
                .hasMessageContaining("string length 3 exceeds limit 2");
    }

    @Test
    void invalidUtf8IsMalformed() {
        assertThatThrownBy(() -> reader("62c328").readText()).hasMessage(
                "CBOR malformed at offset 2: invalid UTF-8 continuation byte");
        assertThatThrownBy(() -> reader("62c0af").readText()).hasMessageContaining("invalid UTF-8 lead byte 0xc0");
        assertThatThrownBy(() -> reader("63eda080").readText()).hasMessageContaining("invalid UTF-8 code point");
        assertThatThrownBy(() -> reader("61e6").readText()).hasMessageContaining("UTF-8 sequence cut short");
        assertThatThrownBy(() -> reader("7f61e661b0ff").readText()).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void badIndefiniteChunkIsMalformed() {
        assertThatThrownBy(() -> reader("5f6161ff").readBytes())
                .hasMessageContaining("malformed at offset 1: chunk of an indefinite string");
        assertThatThrownBy(() -> reader("5f4101").readBytes())
                .hasMessageContaining("truncated at offset 3: indefinite-length item has no break");
    }

    @Test
    void reservedAdditionalInformationAndStrayBreakAreMalformed() {
        assertThatThrownBy(() -> reader("1c").skip()).hasMessageContaining(
                "malformed at offset 0: additional information 28 not allowed for major type 0");
        assertThatThrownBy(() -> reader("1f").skip()).hasMessageContaining("additional information 31");
        assertThatThrownBy(() -> reader("ff").skip()).hasMessageContaining("unexpected break");
        assertThatThrownBy(() -> reader("8201ff").skip()).hasMessageContaining("malformed at offset 2: unexpected break");
        assertThatThrownBy(() -> reader("f818").skip()).hasMessageContaining("two-byte simple value below 32");
    }

    @Test
    void nestingBeyondTheDepthLimitIsOversized() {
        CborLimits limits = new CborLimits(3, 10, 10, 100);
        byte[] four = Hex.bytes("81818181" + "00");
        assertThatThrownBy(() -> new CborReader(four, 0, four.length, limits).skip())
                .hasMessage("CBOR oversized at offset 3: nesting depth 4 exceeds limit 3");
        byte[] three = Hex.bytes("818181" + "00");
        new CborReader(three, 0, three.length, limits).skip();
        assertThatThrownBy(() -> CborValue.read(new CborReader(four, 0, four.length, limits)))
                .hasMessageContaining("nesting depth 4 exceeds limit 3");
    }

    @Test
    void deeplyNestedHostileInputFailsWithDefaultLimitsInsteadOfOverflowingTheStack() {
        byte[] deep = new byte[100_000];
        java.util.Arrays.fill(deep, (byte) 0x9f);
        assertThatThrownBy(() -> CborValue.decode(deep)).hasMessageContaining("nesting depth 17 exceeds limit 16");
    }

    @Test
    void totalItemLimitAndIndefiniteContainerItemLimit() {
        byte[] five = Hex.bytes("840102030405");
        assertThatThrownBy(() -> new CborReader(five, 0, 5, new CborLimits(4, 10, 10, 4)).skip())
                .hasMessage("CBOR oversized at offset 4: item count 5 exceeds limit 4");
        byte[] indefinite = Hex.bytes("9f010203ff");
        assertThatThrownBy(() -> new CborReader(indefinite, 0, 5, new CborLimits(4, 2, 10, 10)).skip())
                .hasMessageContaining("container items 3 exceeds limit 2");
    }

    @Test
    void rawItemIsTheExactBytesEvenWhenNotPreferred() {
        CborReader r = reader("82" + "1900 01" + "5f4101ff" + "07");
        r.readArrayHeader();
        assertThat(Hex.of(r.readRawItem())).isEqualTo("190001");
        assertThat(Hex.of(r.readRawItem())).isEqualTo("5f4101ff");
        assertThat(r.readInt()).isEqualTo(7);
    }

    @Test
    void readsFromASliceAndReportsAbsoluteOffsets() {
        byte[] buf = Hex.bytes("ffff" + "6161" + "ff");
        CborReader r = new CborReader(buf, 2, 2, CborLimits.DEFAULTS);
        assertThat(r.readText()).isEqualTo("a");
        assertThat(r.position()).isEqualTo(4);
        assertThat(r.hasMore()).isFalse();
        assertThatThrownBy(r::readInt).hasMessageContaining("truncated at offset 4");
    }

    @Test
    void booleansNullAndSimple() {
        CborReader r = reader("f4f5f6f7f0");
        assertThat(r.readBoolean()).isFalse();
        assertThat(r.readBoolean()).isTrue();
        assertThat(r.isNull()).isTrue();
        r.readNull();
        assertThat(r.readSimple()).isEqualTo(23);
        assertThat(r.readSimple()).isEqualTo(16);
    }
}
