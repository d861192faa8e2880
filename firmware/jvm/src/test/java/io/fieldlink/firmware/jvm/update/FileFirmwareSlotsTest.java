package io.fieldlink.firmware.jvm.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.update.BootState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFirmwareSlotsTest {
    @TempDir
    Path tmp;

    Path slots() {
        return tmp.resolve("data").resolve("firmware");
    }

    String select() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BootSelector.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), "--slots", slots().toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Path.of(out.toString(StandardCharsets.UTF_8).strip()).getFileName().toString();
    }

    @Test
    void anUpdateIsWrittenSwitchedConfirmedOrRolledBackAcrossProcessStarts() throws Exception {
        Path factory = Files.write(tmp.resolve("board-1.0.0.jar"), "factory image".getBytes(StandardCharsets.US_ASCII));
        assertThat(BootSelector.run(System.out, System.err, "--slots", slots().toString(), "--install", "1.0.0",
                factory.toString())).isZero();
        assertThat(select()).isEqualTo("slot-A.jar");
        int[] restarts = new int[1];
        FileFirmwareSlots slots = new FileFirmwareSlots(slots(), 1 << 20, () -> restarts[0]++);
        byte[] image = "new image, version 1.1.0".getBytes(StandardCharsets.US_ASCII);
        slots.eraseInactive();
        slots.writeInactive(10, image, 10, image.length - 10);
        slots.writeInactive(0, image, 0, 10);
        assertThat(slots.inactiveSha256(image.length)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(image));
        slots.markPending("1.1.0", 2);
        assertThat(slots.runningVersion()).isEqualTo("1.0.0");
        slots.restart();
        assertThat(restarts[0]).isEqualTo(1);

        assertThat(select()).isEqualTo("slot-B.jar");
        assertThat(Files.readAllBytes(slots().resolve("slot-B.jar"))).isEqualTo(image);
        assertThat(slots.onTrial()).isTrue();
        assertThat(select()).isEqualTo("slot-B.jar");
        assertThat(select()).as("no boots left: roll back").isEqualTo("slot-A.jar");
        assertThat(slots.rolledBackFrom()).isEqualTo("1.1.0");
        assertThat(slots.runningVersion()).isEqualTo("1.0.0");
        slots.acknowledgeRollback();

        slots.eraseInactive();
        assertThat(Files.size(slots().resolve("slot-B.jar"))).isZero();
        slots.writeInactive(0, image, 0, image.length);
        slots.markPending("1.1.0", 2);
        assertThat(select()).isEqualTo("slot-B.jar");
        slots.confirm();
        assertThat(select()).isEqualTo("slot-B.jar");
        BootState s = slots.state();
        assertThat(s.good()).isEqualTo(BootState.B);
        assertThat(s.onTrial()).isFalse();
        assertThat(Files.exists(slots().resolve("boot-state.tmp"))).isFalse();
    }

    @Test
    void aTrialSlotWithoutItsJarRollsBackAtOnce() throws Exception {
        Path factory = Files.write(tmp.resolve("f.jar"), new byte[] {1, 2, 3});
        FileFirmwareSlots.install(slots(), "1.0.0", factory);
        FileFirmwareSlots slots = new FileFirmwareSlots(slots(), 1 << 20, () -> { });
        slots.eraseInactive();
        slots.writeInactive(0, new byte[] {4}, 0, 1);
        slots.markPending("2.0.0", 3);
        Files.delete(slots().resolve("slot-B.jar"));
        assertThat(select()).isEqualTo("slot-A.jar");
        assertThat(slots.rolledBackFrom()).isEqualTo("2.0.0");
    }

    @Test
    void aCutBeforeTheRenameLeavesTheOldStateInForce() throws Exception {
        Path factory = Files.write(tmp.resolve("f.jar"), new byte[] {1, 2, 3});
        FileFirmwareSlots.install(slots(), "1.0.0", factory);
        Files.writeString(slots().resolve("boot-state.tmp"), "fieldlink-boot 1\ngood=B\nrunn");
        assertThat(select()).isEqualTo("slot-A.jar");
        assertThat(FileFirmwareSlots.load(slots()).runningVersion()).isEqualTo("1.0.0");
        assertThat(Files.exists(slots().resolve("boot-state.tmp"))).as("replaced by the selector's own save").isFalse();
    }

    @Test
    void aDamagedBootStateIsReportedNotGuessed() throws Exception {
        Files.createDirectories(slots());
        Files.writeString(slots().resolve("boot-state"), "garbage");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BootSelector.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), "--slots", slots().toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not start with 'fieldlink-boot 1'");
        assertThatThrownBy(() -> new FileFirmwareSlots(slots(), 10, () -> { })).isInstanceOf(StorageException.class);
        assertThat(BootSelector.run(System.out, new PrintStream(new ByteArrayOutputStream()), "--bogus")).isEqualTo(2);
    }
}
