package io.fieldlink.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void roundTripsEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String text = Hex.encode(all);
        assertThat(text).startsWith("000102").endsWith("fdfeff");
        assertThat(Hex.decode(text)).isEqualTo(all);
        assertThat(Hex.decode("ABcd")).containsExactly(0xab, 0xcd);
    }

    @Test
    void rejectsOddLengthAndNonDigitsWithTheOffset() {
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(ProtocolException.class).hasMessage("hex: odd length 3");
        assertThatThrownBy(() -> Hex.decode("abzz")).isInstanceOf(ProtocolException.class)
                .hasMessage("hex: 'z' at offset 2 is not a hex digit");
    }
}
