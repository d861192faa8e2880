package io.fieldlink.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64UrlTest {
    @Test
    void agreesWithTheJdkForEveryLength() {
        Random random = new Random(7);
        for (int len = 0; len < 64; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            String jdk = Base64.getUrlEncoder().withoutPadding().encodeToString(data);
            assertThat(Base64Url.encode(data)).isEqualTo(jdk);
            assertThat(Base64Url.decode(jdk)).isEqualTo(data);
            assertThat(Base64Url.decode(Base64.getUrlEncoder().encodeToString(data))).isEqualTo(data);
        }
    }

    @Test
    void rejectsBadCharactersAndImpossibleLengths() {
        assertThatThrownBy(() -> Base64Url.decode("ab+c")).hasMessage("invalid base64url character at index 2");
        assertThatThrownBy(() -> Base64Url.decode("abcde")).hasMessage("base64url length 5 is impossible");
    }
}
