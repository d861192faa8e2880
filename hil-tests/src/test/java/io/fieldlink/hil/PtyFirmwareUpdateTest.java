package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.jvm.pack.ImagePackager;
import io.fieldlink.hil.rig.Poll;
import io.fieldlink.hil.rig.PtyRig;
import io.fieldlink.hil.rig.RigSpec;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9's "a firmware update applies, and a bad one rolls back" on the pty rig, as a board in the
 * field takes it: the board is an installed image (firmware slot A holds the built board jar), every
 * start goes through the boot selector as a process of its own and then {@code java -cp SLOT.jar:lib/*
 * Main}, and the rig restarts a board process that ends, as systemd's {@code Restart=always} does. The
 * operator packages builds ({@code board package}, signed with the host's key) and rolls them out
 * through the host's HTTP API; the board downloads over DTLS, installs into the other slot and exits 4.
 * A good build (the same board jar as 1.1.0) boots and is confirmed healthy; a build that cannot start
 * (not a jar) fails its trial boots and the selector rolls back to the good slot, which reports it.
 *
 * <p>Not in {@link HilSuite}: the in-process rig has no processes to restart, and a real board's
 * image is flashed by hand (docs/flashing.md).
 */
class PtyFirmwareUpdateTest {
    private static final Duration UPDATE = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private HostServer host;
    private PtyRig meter;

    @BeforeEach
    void startHost() {
        host = HostServer.builder().dataDir(dir.resolve("host"))
                .bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (meter != null) {
                meter.close();
            }
        } finally {
            host.close();
        }
    }

    @Test
    void aFirmwareUpdateAppliesAndABadOneRollsBack() throws Exception {
        Device d = host.registry().provision("hil-m-update", BoardKind.METER, System.currentTimeMillis());
        meter = new PtyRig(new RigSpec("meter", d.id(), d.psk(), HilSuite.ISSUER, HilSuite.NO_FRIENDLY_CREDIT, host,
                Files.createDirectories(dir.resolve("board"))));
        IssuerKeyPair signer = host.billing().keyring().active().pair();
        meter.trust(signer.keyId(), signer.publicKeyHex());
        meter.installFactoryImage("1.0.0");
        HilSuite.bootInMachineMode(meter);
        Poll.until("the host sees the board run 1.0.0", UPDATE, () -> "1.0.0".equals(firmwareOnHost(d.id())));

        Path board = Path.of(System.getProperty("fieldlink.root", "."), "firmware", "jvm", "target", "fieldlink-firmware-jvm.jar");
        rollOut(d.id(), "1.1.0", board);
        Poll.until("the host shows 1.1.0 healthy", UPDATE, () -> updateState(d.id()).equals("healthy 1.1.0"));
        assertThat(firmwareOnHost(d.id())).isEqualTo("1.1.0");
        assertThat(meter.bootedSlots()).as("the selector booted the new slot after the update's exit").containsExactly("A", "B");
        assertThat(meter.exits()).as("the update ended the run for the service manager").containsExactly(4);
        HilSuite.askUntil(meter, "mode machine", "OK mode=machine"::equals, "the updated board's console is in machine mode");
        assertThat(HilSuite.ask(meter, "id"))
                .isEqualTo("OK device=" + d.id() + " board=meter kind=meter firmware=1.1.0");

        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a jar: this build never starts\n".repeat(200));
        rollOut(d.id(), "2.0.0", broken);
        Poll.until("the host shows 2.0.0 rolled back", UPDATE, () -> updateState(d.id()).equals("rolled-back 2.0.0"));
        List<String> booted = meter.bootedSlots();
        int trials = booted.size() - 3;
        List<String> expected = new ArrayList<>(List.of("A", "B"));
        expected.addAll(Collections.nCopies(Math.max(trials, 0), "A"));
        expected.add("B");
        assertThat(trials).as("the bad image in slot A got trial boots: " + booted).isPositive();
        assertThat(booted).as("the bad image's failed trial boots in slot A, then back to B").containsExactlyElementsOf(expected);
        assertThat(http("GET", "/api/devices/" + d.id() + "/firmware", null).toString())
                .contains("not healthy within " + trials + " boots");
        List<Integer> exits = meter.exits();
        assertThat(exits).as("each update's exit for the service manager, then the bad image's failed starts").hasSize(2 + trials)
                .startsWith(4, 4);
        assertThat(exits.subList(2, exits.size())).as("the bad image never starts").allMatch(code -> code != 0 && code != 4);
        assertThat(firmwareOnHost(d.id())).isEqualTo("1.1.0");
        HilSuite.askUntil(meter, "mode machine", "OK mode=machine"::equals, "the rolled-back board's console is in machine mode");
        assertThat(HilSuite.ask(meter, "id"))
                .endsWith("firmware=1.1.0");
    }

    /** Packages {@code jar} as {@code version} (signed with the host's key), registers it and rolls it out to {@code id}. */
    private void rollOut(String id, String version, Path jar) throws IOException {
        Path out = dir.resolve("image-" + version);
        ImagePackager.build(jar, null, "meter", "[board]\n", version, host.billing().keyring().active().pair(), out);
        http("POST", "/api/firmware", Files.readString(out.resolve(ImagePackager.UPLOAD)));
        assertThat(http("POST", "/api/firmware/" + version + "/rollout", "{\"devices\":[\"" + id + "\"]}").toString())
                .contains(id);
    }

    private String firmwareOnHost(String id) {
        return host.registry().find(id).map(Device::firmware).orElse(null);
    }

    private String updateState(String id) {
        Object update = http("GET", "/api/devices/" + id + "/firmware", null).get("update");
        return update == null ? "" : ((Map<?, ?>) update).get("state") + " " + ((Map<?, ?>) update).get("version");
    }

    private Map<String, Object> http(String method, String path, String body) {
        return OperatorApi.call(host, method, path, body);
    }
}
