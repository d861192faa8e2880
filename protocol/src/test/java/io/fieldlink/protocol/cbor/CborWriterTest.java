package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CborWriterTest {
    private final CborWriter w = new CborWriter();

    private String hex() {
        return Hex.of(w.toByteArray());
    }

    @Test
    void integersUseTheShortestHeadAtEveryBoundary() {
        w.writeInt(23).writeInt(24).writeInt(255).writeInt(256).writeInt(65535).writeInt(65536)
                .writeInt(4294967295L).writeInt(4294967296L).writeInt(Long.MAX_VALUE);
        assertThat(hex()).isEqualTo("17" + "1818" + "18ff" + "190100" + "19ffff" + "1a00010000"
                + "1affffffff" + "1b0000000100000000" + "1b7fffffffffffffff");
    }

    @Test
    void negativeIntegersIncludingLongMinValue() {
        w.writeInt(-1).writeInt(-24).writeInt(-25).writeInt(Long.MIN_VALUE);
        assertThat(hex()).isEqualTo("20" + "37" + "3818" + "3b7fffffffffffffff");
    }

    @Test
    void fullUnsignedAndNegativeRangesAreReachable() {
        w.writeUnsigned(-1L).writeNegative(-1L);
        assertThat(hex()).isEqualTo("1bffffffffffffffff" + "3bffffffffffffffff");
    }

    @Test
    void floatsTakeTheShortestExactWidth() {
        w.writeFloat(0.0).writeFloat(-0.0).writeFloat(1.5).writeFloat(65504.0).writeFloat(65505.0)
                .writeFloat(100000.0).writeFloat(1.1).writeFloat(5.960464477539063e-8)
                .writeFloat(Double.NaN).writeFloat(Double.NEGATIVE_INFINITY).writeFloat(1.0e-40);
        assertThat(hex()).isEqualTo("f90000" + "f98000" + "f93e00" + "f97bff" + "fa477fe100"
                + "fa47c35000" + "fb3ff199999999999a" + "f90001" + "f97e00" + "f9fc00" + "fb37a16c262777579c");
    }

    @Test
    void halfSubnormalsThatLoseBitsStaySingle() {
        w.writeFloat(Math.scalb(3.0, -25));
        assertThat(hex()).startsWith("fa");
        assertThat(CborValue.decode(w.toByteArray()).asDouble()).isEqualTo(Math.scalb(3.0, -25));
    }

    @Test
    void textIsUtf8IncludingSupplementaryCharacters() {
        w.writeText("\u00fc\u6c34\ud800\udd51");
        assertThat(hex()).isEqualTo("69" + "c3bc" + "e6b0b4" + "f0908591");
    }

    @Test
    void unpairedSurrogateIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> w.writeText("a\ud800b")).isInstanceOf(CborException.class)
                .hasMessageContaining("unpaired surrogate at index 1");
        assertThat(w.size()).isZero();
    }

    @Test
    void simpleValuesAndContainers() {
        w.writeArrayHeader(3).writeBoolean(true).writeNull().writeUndefined().writeMapHeader(1).writeSimple(16)
                .writeSimple(255).writeTag(1).writeBytes(new byte[] {1, 2});
        assertThat(hex()).isEqualTo("83f5f6f7a1f0f8ffc1420102");
    }

    @Test
    void reservedSimpleValuesAreRefused() {
        assertThatThrownBy(() -> w.writeSimple(24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.writeSimple(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetKeepsTheGrownBufferSoReuseDoesNotAllocate() {
        CborWriter small = new CborWriter(16);
        for (int i = 0; i < 100; i++) {
            small.writeInt(1_000_000);
        }
        byte[] grown = small.buffer();
        small.reset();
        for (int i = 0; i < 100; i++) {
            small.writeInt(1_000_000);
        }
        assertThat(small.buffer()).isSameAs(grown);
        assertThat(small.size()).isEqualTo(500);
    }
}
