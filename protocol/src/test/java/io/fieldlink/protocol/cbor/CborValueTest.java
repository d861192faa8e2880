package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CborValueTest {
    @Test
    void mapKeysAreSortedByTheirEncodedBytes() {
        CborValue map = CborValue.map(
                CborValue.text("aa"), CborValue.of(1),
                CborValue.of(-1), CborValue.of(2),
                CborValue.of(100), CborValue.of(3),
                CborValue.text("b"), CborValue.of(4),
                CborValue.of(10), CborValue.of(5));

        assertThat(Hex.of(map.encode())).isEqualTo("a5" + "0a05" + "186403" + "2002" + "616204" + "62616101");
    }

    @Test
    void mapEqualityIgnoresPairOrder() {
        CborValue a = CborValue.map(CborValue.of(1), CborValue.text("x"), CborValue.of(2), CborValue.NULL);
        CborValue b = CborValue.map(CborValue.of(2), CborValue.NULL, CborValue.of(1), CborValue.text("x"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.get(CborValue.of(2))).isEqualTo(CborValue.NULL);
        assertThat(a.get(CborValue.of(3))).isNull();
    }

    @Test
    void accessorsRefuseTheWrongKind() {
        assertThatThrownBy(() -> CborValue.text("x").asLong()).isInstanceOf(CborException.class)
                .hasMessage("not a signed 64-bit integer: \"x\"");
        assertThatThrownBy(() -> CborValue.unsigned(-1L).asLong()).isInstanceOf(CborException.class);
        assertThat(CborValue.of(Long.MIN_VALUE).asLong()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void trailingBytesAfterTheItemAreRejected() {
        assertThatThrownBy(() -> CborValue.decode(Hex.bytes("0000")))
                .hasMessage("CBOR malformed at offset 1: bytes left after the item");
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = {1, 2};
        CborValue v = CborValue.bytes(raw);
        raw[0] = 9;
        v.asBytes()[1] = 9;
        assertThat(v.asBytes()).containsExactly(1, 2);
    }
}
