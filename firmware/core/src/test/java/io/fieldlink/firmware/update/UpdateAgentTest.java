package io.fieldlink.firmware.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.record.Command;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateAgentTest {
    @Test
    void anUpdateDownloadsInstallsSwitchesAndConfirms() {
        UpdateRig rig = new UpdateRig();
        rig.powerOn();
        rig.runFor(5_000);
        byte[] next = rig.image("1.1.0", 10_000, 2);
        rig.send(rig.command(7, "1.1.0", next, next, UpdateRig.ISSUER));
        rig.runFor(120_000);

        assertThat(rig.reports()).containsExactly("downloading 1.1.0", "installed 1.1.0", "healthy 1.1.0");
        BootState s = rig.slots.state();
        assertThat(s.runningVersion()).isEqualTo("1.1.0");
        assertThat(s.good()).isEqualTo(BootState.B);
        assertThat(s.onTrial()).isFalse();
        assertThat(rig.bootedVersions).containsExactly("1.0.0", "1.1.0");
        assertThat(rig.host.hellos.get(rig.host.hellos.size() - 1).firmwareVersion()).isEqualTo("1.1.0");
        assertThat(rig.images.requests).isEqualTo(10);
        assertThat(rig.slots.image(BootState.A, 3000)).isEqualTo(rig.imageOf.get("1.0.0"));
    }

    @Test
    void aManifestNotSignedByATrustedIssuerIsRefusedAndChangesNothing() {
        UpdateRig rig = new UpdateRig();
        rig.powerOn();
        rig.runFor(5_000);
        String before = rig.slots.state().toString();
        byte[] next = rig.image("1.1.0", 10_000, 2);
        rig.send(rig.command(7, "1.1.0", next, next, UpdateRig.ROGUE));
        rig.runFor(60_000);

        assertThat(rig.reports()).containsExactly(
                "refused 1.1.0 bad-signature: the manifest is not signed by a trusted issuer key");
        assertThat(rig.slots.state().toString()).isEqualTo(before);
        assertThat(rig.images.requests).isZero();
        assertThat(rig.slots.restarts()).isZero();
    }

    @Test
    void aNoticeThatDisagreesWithItsManifestIsRefused() {
        UpdateRig rig = new UpdateRig();
        rig.powerOn();
        rig.runFor(5_000);
        byte[] next = rig.image("1.1.0", 10_000, 2);
        byte[] other = UpdateRig.fill(10_000, 1);
        rig.send(rig.command(7, "1.1.0", next, other, UpdateRig.ISSUER));
        rig.runFor(60_000);

        assertThat(rig.reports()).hasSize(1);
        assertThat(rig.reports().get(0)).startsWith("refused 1.1.0 manifest-mismatch");
        assertThat(rig.images.requests).isZero();
    }

    @Test
    void anImageWhoseDigestDoesNotMatchIsRefusedAfterDownloadAndNothingSwitches() {
        UpdateRig rig = new UpdateRig();
        rig.powerOn();
        rig.runFor(5_000);
        byte[] signedFor = rig.image("1.1.0", 10_000, 2);
        Command c = rig.command(7, "1.1.0", signedFor, signedFor, UpdateRig.ISSUER);
        byte[] tampered = signedFor.clone();
        tampered[5000] ^= 1;
        rig.images.images.put("1.1.0", tampered);
        rig.send(c);
        rig.runFor(60_000);

        assertThat(rig.reports()).containsExactly("downloading 1.1.0",
                "refused 1.1.0 digest-mismatch: the image's SHA-256 is not the manifest's");
        BootState s = rig.slots.state();
        assertThat(s.runningVersion()).isEqualTo("1.0.0");
        assertThat(s.good()).isEqualTo(BootState.A);
        assertThat(s.trial()).isEqualTo(BootState.NONE);
        assertThat(rig.slots.restarts()).isZero();
        assertThat(rig.bootedVersions).containsExactly("1.0.0");
    }

    @Test
    void anImageThatNeverReachesTheHostIsRolledBackAfterItsTrialBoots() {
        UpdateRig rig = new UpdateRig();
        rig.powerOn();
        rig.runFor(5_000);
        byte[] broken = rig.image("2.0.0-broken", 8_000, 5);
        rig.send(rig.command(9, "2.0.0-broken", broken, broken, UpdateRig.ISSUER));
        rig.runFor(30 * 60_000);

        assertThat(rig.bootedVersions).containsExactly("1.0.0", "2.0.0-broken", "2.0.0-broken", "1.0.0");
        assertThat(rig.reports()).containsExactly("downloading 2.0.0-broken", "installed 2.0.0-broken",
                "rolled-back 2.0.0-broken not healthy within 2 boots");
        BootState s = rig.slots.state();
        assertThat(s.runningVersion()).isEqualTo("1.0.0");
        assertThat(s.good()).isEqualTo(BootState.A);
        assertThat(s.rolledBackFrom()).isNull();
    }

    @Test
    void aPowerCutAtAnyByteOfTheUpdateAlwaysBootsAValidImageAndTheUpdateCompletes() {
        UpdateRig probe = new UpdateRig();
        probe.powerOn();
        probe.runFor(5_000);
        byte[] next = probe.image("1.1.0", 6_000, 2);
        long start = probe.hal.storage().bytesWritten();
        probe.send(probe.command(7, "1.1.0", next, next, UpdateRig.ISSUER));
        probe.runFor(120_000);
        assertThat(probe.reports()).endsWith("healthy 1.1.0");
        long total = probe.hal.storage().bytesWritten() - start;

        List<Long> cuts = new ArrayList<>();
        for (long k = 0; k < total; k += Math.max(1, total / 150)) {
            cuts.add(k);
        }
        int cutRuns = 0;
        for (long k : cuts) {
            UpdateRig rig = new UpdateRig();
            rig.powerOn();
            rig.runFor(5_000);
            byte[] img = rig.image("1.1.0", 6_000, 2);
            rig.hal.storage().cutPowerAfter(k);
            rig.send(rig.command(7, "1.1.0", img, img, UpdateRig.ISSUER));
            rig.runFor(240_000);

            assertThat(rig.powerCuts).as("cut after %d of %d bytes", k, total).isLessThanOrEqualTo(1);
            cutRuns += rig.powerCuts;
            BootState s = rig.slots.state();
            assertThat(s.runningVersion()).as("cut after %d bytes: %s", k, s).isEqualTo("1.1.0");
            assertThat(s.onTrial()).as("cut after %d bytes: %s", k, s).isFalse();
            assertThat(rig.reports()).as("cut after %d bytes", k).contains("healthy 1.1.0")
                    .noneMatch(r -> r.startsWith("refused") || r.startsWith("failed") || r.startsWith("rolled-back"));
        }
        assertThat(cutRuns).as("runs the cut hit (the last bytes may fall after the update on a later run)")
                .isGreaterThan(cuts.size() * 8 / 10);
    }
}
