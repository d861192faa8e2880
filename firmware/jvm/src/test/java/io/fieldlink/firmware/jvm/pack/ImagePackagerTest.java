package io.fieldlink.firmware.jvm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.record.FirmwareManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the image packager: contents, the protocol's signed firmware manifest, checksums, start script and unit. */
class ImagePackagerTest {
    private static final IssuerKeyPair KEY = IssuerKeyPair.fromSeed(seed(3));
    private static final IssuerKeyPair OTHER = IssuerKeyPair.fromSeed(seed(4));

    @TempDir
    Path dir;
    private Path jar;
    private Path lib;

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    @BeforeEach
    void build() throws Exception {
        jar = Files.writeString(dir.resolve("fieldlink-firmware-jvm.jar"), "jar bytes");
        lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("scandium.jar"), "scandium");
        Files.writeString(lib.resolve("j2mod.jar"), "j2mod");
    }

    @Test
    void theImageHoldsJarLibBoardStartScriptUnitAndTheSignedFirmwareManifestOfTheJar() throws Exception {
        Path out = dir.resolve("image");
        PackagedImage built = ImagePackager.build(jar, lib, "meter", "[board]\nname = meter\n", "1.2.0", KEY, out);

        assertThat(built.files()).containsExactly("SHA256SUMS", "board-start.sh", "board.env", "board/meter.board",
                "fieldlink-board.service", "fieldlink-firmware-jvm.jar", "firmware-upload.json", "firmware.cose",
                "lib/j2mod.jar", "lib/scandium.jar");
        assertThat(built.keyId()).isEqualTo(Hex.encode(KEY.keyId()));
        byte[] image = Files.readAllBytes(out.resolve(built.imageFile()));
        CoseSign1 cose = CoseSign1.decode(Files.readAllBytes(out.resolve(ImagePackager.MANIFEST)));
        assertThat(cose.verify(BouncyCastleCrypto.INSTANCE, KEY.publicKey())).isTrue();
        assertThat(cose.keyId()).isEqualTo(KEY.keyId());
        FirmwareManifest m = FirmwareManifest.decode(cose.payload());
        assertThat(m.firmwareVersion()).isEqualTo("1.2.0");
        assertThat(m.sizeBytes()).isEqualTo(image.length);
        assertThat(m.sha256()).isEqualTo(BouncyCastleCrypto.INSTANCE.sha256(image));
        assertThat(Files.readString(out.resolve(ImagePackager.UPLOAD))).contains("\"version\":\"1.2.0\"")
                .contains("\"image\":\"" + Base64.getEncoder().encodeToString(image) + "\"")
                .contains("\"manifest\":\"" + Base64.getEncoder().encodeToString(cose.encode()) + "\"");

        List<String> sums = Files.readAllLines(out.resolve(ImagePackager.SUMS));
        assertThat(sums).hasSize(8);
        for (String line : sums) {
            String[] f = line.split("  ", 2);
            assertThat(f[0]).as(f[1]).isEqualTo(Hex.encode(BouncyCastleCrypto.INSTANCE.sha256(Files.readAllBytes(out.resolve(f[1])))));
        }
        assertThat(Files.readString(out.resolve(ImagePackager.UNIT)))
                .contains("ExecStart=/bin/sh /opt/fieldlink/board-start.sh").contains("Restart=always")
                .contains("KillSignal=SIGTERM").contains("WantedBy=multi-user.target");
        assertThat(Files.readString(out.resolve(ImagePackager.START)))
                .contains("io.fieldlink.firmware.jvm.update.BootSelector --slots \"$SLOTS\" --install 1.2.0 \"$DIR/fieldlink-firmware-jvm.jar\"")
                .contains("JAR=$(java -cp \"$CP\" io.fieldlink.firmware.jvm.update.BootSelector --slots \"$SLOTS\")")
                .contains("exec java -Xmx64m -cp \"$JAR:$DIR/lib/*\" io.fieldlink.firmware.jvm.Main --board \"$DIR/board/meter.board\" --data \"$DATA\"");
    }

    @Test
    void aChangedManifestOrAnotherKeyDoesNotVerify() throws Exception {
        Path out = dir.resolve("image");
        ImagePackager.build(jar, lib, "meter", "x\n", "0.1.0", KEY, out);
        byte[] signed = Files.readAllBytes(out.resolve(ImagePackager.MANIFEST));

        assertThat(CoseSign1.decode(signed).verify(BouncyCastleCrypto.INSTANCE, OTHER.publicKey())).isFalse();
        byte[] changed = signed.clone();
        int at = new String(changed, StandardCharsets.ISO_8859_1).indexOf("0.1.0");
        changed[at + 4] = '1';
        assertThat(CoseSign1.decode(changed).verify(BouncyCastleCrypto.INSTANCE, KEY.publicKey())).isFalse();
    }

    @Test
    void aFullOutputDirectoryAMissingJarAndABadVersionAreRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("old.jar"), "old", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImagePackager.build(jar, lib, "meter", "x\n", "0.1.0", KEY, out)).hasMessageContaining("not empty");
        assertThatThrownBy(() -> ImagePackager.build(dir.resolve("none.jar"), lib, "meter", "x\n", "0.1.0", KEY, dir.resolve("o")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImagePackager.build(jar, lib, "meter", "x\n", "1 0", KEY, dir.resolve("p")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("p")).doesNotExist();
    }
}
