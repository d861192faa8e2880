package io.fieldlink.protocol.base45;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base45Test {

    /** RFC 9285 §4.3 and §4.4 examples. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"AB|BB8", "Hello!!|%69 VD92EX0", "base-45|UJCLQE7W581", "ietf!|QED8WEX0"})
    void encodesAndDecodesTheRfcExamples(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base45.encode(bytes)).isEqualTo(encoded);
        assertThat(Base45.decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void emptyInputIsEmptyOutput() {
        assertThat(Base45.encode(new byte[0])).isEmpty();
        assertThat(Base45.decode("")).isEmpty();
    }

    @Test
    void randomBytesRoundTripAndStayInTheQrAlphanumericSet() {
        Random random = new Random(42);
        for (int n = 0; n < 300; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            String text = Base45.encode(bytes);
            assertThat(text).hasSize(Base45.encodedLength(n));
            assertThat(text.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0)).isTrue();
            assertThat(Base45.decode(text)).isEqualTo(bytes);
        }
    }

    @Test
    void extremeGroupValuesRoundTrip() {
        assertThat(Base45.encode(new byte[] {(byte) 0xff, (byte) 0xff})).isEqualTo("FGW");
        assertThat(Base45.decode("FGW")).containsExactly(0xff, 0xff);
        assertThat(Base45.decode("00")).containsExactly(0);
        assertThat(Base45.decode("U5")).containsExactly(0xff);
    }

    @Test
    void decodesARangeInsideLongerText() {
        assertThat(Base45.decode("FL1:BB8", 4, 3)).isEqualTo("AB".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsACharacterOutsideTheAlphabetNamingItAndItsOffset() {
        assertThatThrownBy(() -> Base45.decode("BBa"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("base45: invalid character 'a' at offset 2");
        assertThatThrownBy(() -> Base45.decode("B\u00e9"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("base45: invalid character U+00e9 at offset 1");
        assertThatThrownBy(() -> Base45.decode("B\n"))
                .hasMessage("base45: invalid character U+000a at offset 1");
    }

    @Test
    void rejectsADanglingSingleCharacter() {
        assertThatThrownBy(() -> Base45.decode("BB8B"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("base45: dangling single character at offset 3");
        assertThatThrownBy(() -> Base45.decode("A")).hasMessageStartingWith("base45: dangling single character at offset 0");
    }

    /** RFC 9285 §4.4: "GGW" is 65536, which is not a valid pair of bytes. */
    @Test
    void rejectsAGroupAbove65535() {
        assertThatThrownBy(() -> Base45.decode("BB8GGW"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("base45: group value 65536 at offset 3 exceeds 65535");
        assertThatThrownBy(() -> Base45.decode(":::"))
                .hasMessage("base45: group value 91124 at offset 0 exceeds 65535");
    }

    @Test
    void rejectsAFinalPairAbove255() {
        assertThatThrownBy(() -> Base45.decode("BB8V5"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("base45: final group value 256 at offset 3 exceeds 255");
    }
}
