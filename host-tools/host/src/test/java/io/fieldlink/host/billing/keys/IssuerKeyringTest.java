package io.fieldlink.host.billing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.host.store.keys.FileKeyringStore;
import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TokenVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerKeyringTest {
    @TempDir
    Path dir;

    @Test
    void firstStartMakesOneActiveKeyKeptPrivately() throws Exception {
        IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000);

        IssuerKey active = keyring.active();
        Path file = dir.resolve(active.kid() + ".key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 2_000).active().kid()).isEqualTo(active.kid());
    }

    @Test
    void rotationSignsWithTheNewKeyAndStillVerifiesTheOldUntilRetired() throws Exception {
        IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000);
        String oldToken = new TokenMint(keyring.active().pair()).credit("m1", 1, 500);
        String oldKid = keyring.active().kid();

        IssuerKey fresh = keyring.rotate(2_000);
        String newToken = new TokenMint(fresh.pair()).credit("m1", 2, 500);

        assertThat(verify(keyring, oldToken)).isEqualTo("ok");
        assertThat(verify(keyring, newToken)).isEqualTo("ok");
        keyring.retire(oldKid);
        assertThat(verify(keyring, oldToken)).isEqualTo("unknown-key");
        assertThat(IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 3_000).all())
                .extracting(IssuerKey::state).containsExactly(IssuerKeyState.RETIRED, IssuerKeyState.ACTIVE);
    }

    @Test
    void theActiveKeyCannotBeRetiredAndUnknownKeysAreNamed() throws Exception {
        IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000);

        assertThatThrownBy(() -> keyring.retire(keyring.active().kid())).hasMessageContaining("is active");
        assertThatThrownBy(() -> keyring.retire("00ff")).hasMessageContaining("no issuer key 00ff");
    }

    @Test
    void jwkSetFollowsRfc8037() throws Exception {
        IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000);
        keyring.rotate(2_000);

        String jwks = keyring.jwkSet();

        assertThat(jwks).startsWith("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"");
        assertThat(jwks).contains("\"status\":\"verify-only\"", "\"status\":\"active\"", "\"alg\":\"EdDSA\"");
        String x = jwks.substring(jwks.indexOf("\"x\":\"") + 5);
        x = x.substring(0, x.indexOf('"'));
        assertThat(java.util.Base64.getUrlDecoder().decode(x)).hasSize(32);
        assertThat(x).doesNotContain("=");
    }

    @Test
    void aDamagedKeyringRefusesToOpenNamingTheLine() throws Exception {
        IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000);
        Files.writeString(dir.resolve("keyring.txt"), "nonsense\n");

        assertThatThrownBy(() -> IssuerKeyring.open(new FileKeyringStore(dir), new SecureRandom(), 1_000))
                .hasMessageContaining("keyring.txt line 1");
    }

    private static String verify(IssuerKeyring keyring, String token) {
        return new TokenVerifier(BouncyCastleCrypto.INSTANCE, keyring.trustedKeys())
                .verifyCredit(token, new CreditRules("m1", 1_000_000), new CreditTokenWindow(), 0).code();
    }
}
