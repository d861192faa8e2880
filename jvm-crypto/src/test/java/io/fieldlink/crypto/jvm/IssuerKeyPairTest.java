package io.fieldlink.crypto.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IssuerKeyPairTest {
    private static final byte[] SEED = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    @Test
    void keyIdIsTheFirstEightBytesOfTheSha256OfThePublicKey() {
        IssuerKeyPair key = IssuerKeyPair.fromSeed(SEED);
        byte[] digest = BouncyCastleCrypto.INSTANCE.sha256(key.publicKey());
        assertThat(key.keyId()).hasSize(8).isEqualTo(Arrays.copyOf(digest, 8));
        assertThat(IssuerKeyPair.keyIdOf(key.publicKey())).isEqualTo(key.keyId());
    }

    @Test
    void persistedTextRoundTripsToTheSameKey() {
        IssuerKeyPair key = IssuerKeyPair.generate(new SecureRandom());
        String text = key.toPersistedText();
        assertThat(text).startsWith("ed25519-seed:").hasSize(13 + 64);
        IssuerKeyPair back = IssuerKeyPair.fromPersistedText("  " + text + "\n");
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(back.sign(new byte[] {1})).isEqualTo(key.sign(new byte[] {1}));
    }

    @Test
    void generatedKeysSignWhatBouncyCastleCryptoVerifies() {
        IssuerKeyPair key = IssuerKeyPair.generate(new SecureRandom());
        byte[] message = {1, 2, 3, 4};
        assertThat(BouncyCastleCrypto.INSTANCE.ed25519Verify(key.publicKey(), message, key.sign(message))).isTrue();
        assertThat(IssuerKeyPair.generate(new SecureRandom()).publicKey()).isNotEqualTo(key.publicKey());
    }

    @Test
    void toStringNeverShowsTheSeed() {
        IssuerKeyPair key = IssuerKeyPair.fromSeed(SEED);
        assertThat(key.toString()).doesNotContain(Hex.encode(SEED)).contains(key.publicKeyHex());
    }

    @Test
    void badPersistedTextIsRejectedWithASpecificMessage() {
        assertThatThrownBy(() -> IssuerKeyPair.fromPersistedText("9d61b1"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> IssuerKeyPair.fromPersistedText("ed25519-seed:abcd"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> IssuerKeyPair.fromPersistedText("ed25519-seed:" + "zz".repeat(32)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> IssuerKeyPair.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
