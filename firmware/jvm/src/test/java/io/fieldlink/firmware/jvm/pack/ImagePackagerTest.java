package io.fieldlink.firmware.jvm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the image packager and the signed manifest: contents, digests, signature, tampering. */
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

    private static Map<String, byte[]> trusted(IssuerKeyPair k) {
        return Map.of(Hex.encode(k.keyId()), k.publicKey());
    }

    @BeforeEach
    void build() throws Exception {
        jar = Files.writeString(dir.resolve("fieldlink-firmware-jvm.jar"), "jar bytes");
        lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("scandium.jar"), "scandium");
        Files.writeString(lib.resolve("j2mod.jar"), "j2mod");
    }

    @Test
    void theImageHoldsJarLibBoardUnitAndASignedManifestOfThemAll() throws Exception {
        Path out = dir.resolve("image");
        ImageManifest built = ImagePackager.build(jar, lib, "meter", "[board]\nname = meter\n", "0.1.0", KEY, out);

        String text = Files.readString(out.resolve(ImageManifest.FILE_NAME));
        ImageManifest m = ImageManifest.verify(text, trusted(KEY));
        assertThat(m).usingRecursiveComparison().isEqualTo(built);
        assertThat(m.name()).isEqualTo("fieldlink-board-meter");
        assertThat(m.board()).isEqualTo("meter");
        assertThat(m.files()).extracting(ImageManifest.FileEntry::path).containsExactly("board.env", "board/meter.board",
                "fieldlink-board.service", "fieldlink-firmware-jvm.jar", "lib/j2mod.jar", "lib/scandium.jar");
        for (ImageManifest.FileEntry f : m.files()) {
            assertThat(f.matches(Files.readAllBytes(out.resolve(f.path())))).as(f.path()).isTrue();
        }
        assertThat(Files.readString(out.resolve("fieldlink-board.service")))
                .contains("ExecStart=/usr/bin/java -Xmx64m -jar /opt/fieldlink/fieldlink-firmware-jvm.jar --board /opt/fieldlink/board/meter.board")
                .contains("KillSignal=SIGTERM").contains("WantedBy=multi-user.target");
    }

    @Test
    void aChangedFileNoLongerMatchesAndAChangedManifestNoLongerVerifies() throws Exception {
        Path out = dir.resolve("image");
        ImagePackager.build(jar, lib, "meter", "x\n", "0.1.0", KEY, out);
        String text = Files.readString(out.resolve(ImageManifest.FILE_NAME));
        ImageManifest m = ImageManifest.verify(text, trusted(KEY));

        Files.writeString(out.resolve("lib/j2mod.jar"), "j2mod, patched");
        ImageManifest.FileEntry j2mod = m.files().stream().filter(f -> f.path().equals("lib/j2mod.jar")).findFirst().orElseThrow();
        assertThat(j2mod.matches(Files.readAllBytes(out.resolve("lib/j2mod.jar")))).isFalse();

        assertThatThrownBy(() -> ImageManifest.verify(text.replace("version 0.1.0", "version 0.1.1"), trusted(KEY)))
                .hasMessageContaining("signature is not valid");
        assertThatThrownBy(() -> ImageManifest.verify(text, trusted(OTHER))).hasMessageContaining("not trusted");
        assertThatThrownBy(() -> ImageManifest.verify(text + "extra\n", trusted(KEY))).hasMessageContaining("last lines");
        assertThatThrownBy(() -> ImageManifest.verify(text.replace("file ", "fyle "), trusted(KEY))).hasMessageContaining("manifest line 5");
        assertThatThrownBy(() -> ImageManifest.verify("", trusted(KEY))).hasMessageContaining("line feed");
    }

    @Test
    void unsafePathsAndAFullOutputDirectoryAreRefused() throws Exception {
        assertThatThrownBy(() -> new ImageManifest.FileEntry("../etc/passwd", 1, new byte[32])).hasMessageContaining("relative");
        assertThatThrownBy(() -> new ImageManifest.FileEntry("/etc/passwd", 1, new byte[32])).hasMessageContaining("relative");
        assertThatThrownBy(() -> new ImageManifest.FileEntry("a b", 1, new byte[32])).hasMessageContaining("without blanks");
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("old.jar"), "old", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImagePackager.build(jar, lib, "meter", "x\n", "0.1.0", KEY, out)).hasMessageContaining("not empty");
        assertThatThrownBy(() -> ImagePackager.build(dir.resolve("none.jar"), lib, "meter", "x\n", "0.1.0", KEY, dir.resolve("o")))
                .hasMessageContaining("does not exist");
    }
}
