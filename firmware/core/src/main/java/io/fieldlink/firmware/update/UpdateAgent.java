package io.fieldlink.firmware.update;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.FirmwareSlots;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.uplink.HostCommand;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.client.Block2Download;
import io.fieldlink.protocol.coap.client.BlockSink;
import io.fieldlink.protocol.coap.client.CoapClient;
import io.fieldlink.protocol.coap.client.CoapClientConfig;
import io.fieldlink.protocol.coap.client.CoapClock;
import io.fieldlink.protocol.coap.client.DatagramSender;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.record.FirmwareManifest;
import io.fieldlink.protocol.record.FirmwareNotice;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.Random;

/**
 * Applies the host's firmware update commands on a board (see the package comment and
 * docs/protocol.md "Firmware update").
 *
 * <ol>
 * <li>On a {@code firmware} command: the notice's signed manifest must verify against a trusted
 *     issuer key ({@link IssuerKeys}, Ed25519 through the HAL crypto) and name the notice's version,
 *     size and SHA-256; the image must fit a slot; no other update may be under way and the running
 *     image must not be on trial. Otherwise the board reports {@code refused} with the reason and
 *     nothing changes. Else it forgets the inactive slot, saves the job and reports
 *     {@code downloading}.</li>
 * <li>It fetches {@code uri} with Block2 ({@link Block2Download}) over its own datagram link to the
 *     host, writing each block into the inactive slot and saving the position (next block, block
 *     size, ETag) every few blocks in the settings, so after a power cut it resumes there. A failed
 *     attempt is retried with back-off; a 4.xx answer ends the job ({@code failed}).</li>
 * <li>Complete: the size and the slot's SHA-256 must match the manifest ({@code refused}
 *     {@code digest-mismatch} otherwise); then the slot is marked pending for
 *     {@link UpdateOptions#trialBoots()} boots, the board reports {@code installed} and restarts.</li>
 * <li>Trial boot: once the uplink has reached the host the image confirms itself
 *     ({@link FirmwareSlots#confirm()}) and reports {@code healthy}; if it cannot within
 *     {@link UpdateOptions#healthTimeoutMillis()} it restarts, and after the trial boots the boot
 *     selector rolls back: the old image reports {@code rolled-back}.</li>
 * </ol>
 *
 * <p>Reports are journaled as telemetry (kind 1) {@code [{n: "firmware", vs: state}, {n:
 * "firmware_version", vs: version}, {n: "firmware_reason", vs: reason}]} (reason only when there is
 * one) and leave with the uplink. Settings keys used: {@code fw.*}. Storage and power-loss
 * exceptions pass out of the event loop like the journal's. Event-loop thread only.
 */
public final class UpdateAgent {
    /** Result code: accepted (or already done). */
    public static final int APPLIED = 0;
    /** Result code: refused (reason reported). */
    public static final int REFUSED = 1;
    /** Result code: the notice did not decode. */
    public static final int MALFORMED = 3;

    private static final String KEY_JOB = "fw.job";
    private static final String KEY_STATE = "fw.state";
    private static final String KEY_NEXT = "fw.next";
    private static final String KEY_SZX = "fw.szx";
    private static final String KEY_ETAG = "fw.etag";
    private static final String STATE_DOWNLOADING = "downloading";
    private static final String STATE_INSTALLED = "installed";

    private final FirmwareSlots slots;
    private final IssuerKeys issuers;
    private final DatagramTransport link;
    private final UpdateOptions options;
    private final CborWriter w = new CborWriter(256);
    private final CoapMessage request = new CoapMessage();
    private BoardContext context;
    private Uplink uplink;
    private CoapClient client;
    private Block2Download download;
    private FirmwareNotice job;
    private byte[] expectedSha;
    private boolean installing;
    private int blocksSinceSave;
    private long retryWait;
    private long bootAtMillis;
    private boolean bootHandled;
    private UpdateState lastState;
    private String lastReason;

    private final Runnable watchTask = new Runnable() {
        @Override
        public void run() {
            watch();
        }
    };
    private final Runnable pollTask = new Runnable() {
        @Override
        public void run() {
            if (client != null) {
                client.poll();
                reschedulePoll();
            }
        }
    };
    private final Runnable retryTask = new Runnable() {
        @Override
        public void run() {
            fetch();
        }
    };
    private final Runnable restartTask = new Runnable() {
        @Override
        public void run() {
            slots.restart();
        }
    };
    private final DatagramReceiver receiver = new DatagramReceiver() {
        @Override
        public void onDatagram(byte[] data, int offset, int length) {
            if (client != null) {
                client.onDatagram(data, offset, length);
                reschedulePoll();
            }
        }
    };
    private final BlockSink sink = new BlockSink() {
        @Override
        public void onBlock(long offset, byte[] data, int off, int len) {
            received(offset, data, off, len);
        }

        @Override
        public void onRestart() {
            blocksSinceSave = 0;
            saveProgress();
        }

        @Override
        public void onComplete(long totalBytes) {
            complete(totalBytes);
        }

        @Override
        public void onFailure(Block2Download.Failure failure, int code) {
            downloadFailed(failure, code);
        }
    };

    /**
     * @param slots the firmware slots
     * @param issuers the issuer keys whose signature on a manifest the board trusts
     * @param link a datagram link to the host for the download (its own CoAP client: a second DTLS
     *     session on the JVM), so the uplink's exchanges never mix with block transfers
     * @param options timing (copied)
     */
    public UpdateAgent(FirmwareSlots slots, IssuerKeys issuers, DatagramTransport link, UpdateOptions options) {
        this.slots = slots;
        this.issuers = issuers;
        this.link = link;
        this.options = options.copy();
    }

    /**
     * Called at every boot (by {@link UpdatingUplinkFactory}) once the journal and settings are open:
     * reports a rollback, watches a trial image's health, or resumes an unfinished download.
     *
     * @param board the booting board's services
     * @param boardUplink the board's uplink (for reports and the health check)
     */
    public void boot(BoardContext board, Uplink boardUplink) {
        this.context = board;
        this.uplink = boardUplink;
        this.client = null;
        this.download = null;
        this.installing = false;
        this.bootHandled = false;
        this.retryWait = 0;
        this.bootAtMillis = board.clock().monotonicMillis();
        this.job = loadJob();
        board.scheduler().schedule(watchTask, 0);
    }

    /** Stops timers and the download (shutdown); the saved position stays. */
    public void stop() {
        if (context == null) {
            return;
        }
        context.scheduler().cancel(watchTask);
        context.scheduler().cancel(pollTask);
        context.scheduler().cancel(retryTask);
        context.scheduler().cancel(restartTask);
        link.setReceiver(null);
        client = null;
        download = null;
    }

    /** @return the last state reported since boot, or null */
    public UpdateState lastState() {
        return lastState;
    }

    /** @return the reason of the last refusal or failure since boot, or null */
    public String lastReason() {
        return lastReason;
    }

    /** @return true while a download is saved and not finished */
    public boolean downloading() {
        return job != null && !installing;
    }

    /**
     * A {@code firmware} host command.
     *
     * @param command its arguments are the FirmwareNotice map
     * @return {@link #APPLIED}, {@link #REFUSED} or {@link #MALFORMED}
     */
    public int onCommand(HostCommand command) {
        FirmwareNotice notice;
        try {
            notice = FirmwareNotice.decode(command.arguments());
            BootState.checkVersion(notice.firmwareVersion());
        } catch (ProtocolException e) {
            refuse("?", "malformed: " + e.getMessage());
            return MALFORMED;
        } catch (IllegalArgumentException e) {
            refuse("?", "malformed: " + e.getMessage());
            return MALFORMED;
        }
        String version = notice.firmwareVersion();
        if (job != null) {
            if (job.firmwareVersion().equals(version)) {
                return APPLIED;
            }
            return refuse(version, "busy: updating to " + job.firmwareVersion());
        }
        if (slots.onTrial()) {
            return refuse(version, "busy: " + slots.runningVersion() + " is on trial");
        }
        if (version.equals(slots.runningVersion())) {
            report(UpdateState.HEALTHY, version, null);
            return APPLIED;
        }
        String why = check(notice);
        if (why != null) {
            return refuse(version, why);
        }
        slots.eraseInactive();
        job = notice;
        expectedSha = notice.sha256();
        Settings s = context.settings();
        s.put(KEY_JOB, Hex.encode(notice.encode()));
        s.put(KEY_STATE, STATE_DOWNLOADING);
        s.put(KEY_NEXT, "0");
        s.put(KEY_SZX, Integer.toString(blockSzx()));
        s.put(KEY_ETAG, "");
        s.commit();
        report(UpdateState.DOWNLOADING, version, null);
        context.log().log(LogLevel.INFO, "update", "downloading " + version + " (" + notice.sizeBytes() + " bytes) from "
                + notice.uri());
        fetch();
        return APPLIED;
    }

    /** @return null when the notice may be installed, else why not */
    private String check(FirmwareNotice notice) {
        byte[] signed = notice.signedManifest();
        if (signed == null) {
            return "unsigned: the notice carries no signed manifest";
        }
        byte[] payload = issuers.verifiedPayload(context.crypto(), signed);
        if (payload == null) {
            return "bad-signature: the manifest is not signed by a trusted issuer key";
        }
        FirmwareManifest manifest;
        try {
            manifest = FirmwareManifest.decode(payload);
        } catch (ProtocolException e) {
            return "malformed manifest: " + e.getMessage();
        }
        if (!manifest.matches(notice)) {
            return "manifest-mismatch: the signed manifest names " + manifest.firmwareVersion() + " of "
                    + manifest.sizeBytes() + " bytes, not the notice's image";
        }
        if (notice.sizeBytes() > slots.capacity()) {
            return "too-large: " + notice.sizeBytes() + " bytes, a slot holds " + slots.capacity();
        }
        if (notice.sizeBytes() == 0) {
            return "too-small: an empty image";
        }
        return null;
    }

    private void watch() {
        if (!bootHandled) {
            bootHandled = handleBoot();
            if (!bootHandled) {
                context.scheduler().schedule(watchTask, options.checkEveryMillis());
            }
            return;
        }
    }

    /** @return true when nothing is left to watch at this boot */
    private boolean handleBoot() {
        String rolledBack = slots.rolledBackFrom();
        if (rolledBack != null) {
            if (!context.clock().wallTimeKnown()) {
                return false;
            }
            report(UpdateState.ROLLED_BACK, rolledBack, "not healthy within " + options.trialBoots() + " boots");
            slots.acknowledgeRollback();
            clearJob();
            return true;
        }
        if (slots.onTrial()) {
            if (uplink != null && uplink.hostReachable() && context.clock().wallTimeKnown()) {
                slots.confirm();
                report(UpdateState.HEALTHY, slots.runningVersion(), null);
                clearJob();
                context.log().log(LogLevel.INFO, "update", slots.runningVersion() + " confirmed healthy");
                return true;
            }
            if (context.clock().monotonicMillis() - bootAtMillis >= options.healthTimeoutMillis()) {
                context.log().log(LogLevel.WARN, "update", slots.runningVersion() + " did not reach the host within "
                        + options.healthTimeoutMillis() + " ms of a trial boot; restarting");
                slots.restart();
                return true;
            }
            return false;
        }
        if (job == null) {
            return true;
        }
        if (job.firmwareVersion().equals(slots.runningVersion())) {
            if (!context.clock().wallTimeKnown()) {
                return false;
            }
            report(UpdateState.HEALTHY, job.firmwareVersion(), null);
            clearJob();
            return true;
        }
        if (STATE_INSTALLED.equals(context.settings().get(KEY_STATE))) {
            report(UpdateState.FAILED, job.firmwareVersion(), "switch lost: the board did not boot the new slot");
            clearJob();
            return true;
        }
        expectedSha = job.sha256();
        context.log().log(LogLevel.INFO, "update", "resuming the download of " + job.firmwareVersion() + " at block "
                + context.settings().getLong(KEY_NEXT, 0));
        fetch();
        return true;
    }

    private void fetch() {
        if (job == null || installing) {
            return;
        }
        if (client == null) {
            final Clock clock = context.clock();
            long seed = context.deviceId().hashCode() * 131L + context.bootCount() + clock.monotonicMillis();
            client = new CoapClient(new DatagramSender() {
                @Override
                public void send(byte[] data, int off, int len) {
                    link.send(data, off, len);
                }
            }, new CoapClock() {
                @Override
                public long millis() {
                    return clock.monotonicMillis();
                }
            }, new Random(seed), new CoapClientConfig().maxMessageSize(link.maxDatagramSize()).maxPendingRequests(1));
            link.setReceiver(receiver);
            request.reset();
            request.setType(CoapType.CON).setCode(CoapCode.GET).setUriPath(job.uri());
            if (options.deviceQuery() != null) {
                request.addUriQuery("d=" + options.deviceQuery());
            }
            download = new Block2Download(client, request, blockSzx(), 2, sink);
        }
        Settings s = context.settings();
        int szx = Math.min((int) s.getLong(KEY_SZX, blockSzx()), BlockOption.MAX_SZX);
        int next = (int) s.getLong(KEY_NEXT, 0);
        if ((long) next * BlockOption.sizeOfSzx(szx) >= job.sizeBytes()) {
            complete(job.sizeBytes());
            return;
        }
        String etag = s.get(KEY_ETAG);
        download.resume(next, szx,
                etag == null || etag.length() == 0 ? null : Hex.decode(etag));
        reschedulePoll();
    }

    private void received(long offset, byte[] data, int off, int len) {
        if (offset + len > job.sizeBytes()) {
            fail(UpdateState.REFUSED, "size-mismatch: the host sent more than the manifest's " + job.sizeBytes() + " bytes");
            return;
        }
        slots.writeInactive(offset, data, off, len);
        retryWait = 0;
        if (++blocksSinceSave >= options.progressEveryBlocks()) {
            blocksSinceSave = 0;
            saveProgress();
        }
    }

    private void saveProgress() {
        Settings s = context.settings();
        s.put(KEY_NEXT, Integer.toString(download.nextBlock()));
        s.put(KEY_SZX, Integer.toString(download.szx()));
        byte[] etag = download.etag();
        s.put(KEY_ETAG, etag == null ? "" : Hex.encode(etag));
        s.commit();
    }

    private void complete(long total) {
        if (total != job.sizeBytes()) {
            fail(UpdateState.REFUSED, "size-mismatch: received " + total + " bytes, the manifest says " + job.sizeBytes());
            return;
        }
        byte[] digest = slots.inactiveSha256(total);
        boolean same = digest.length == expectedSha.length;
        for (int i = 0; same && i < digest.length; i++) {
            same = digest[i] == expectedSha[i];
        }
        if (!same) {
            fail(UpdateState.REFUSED, "digest-mismatch: the image's SHA-256 is not the manifest's");
            return;
        }
        installing = true;
        stopClient();
        slots.markPending(job.firmwareVersion(), options.trialBoots());
        Settings s = context.settings();
        s.put(KEY_STATE, STATE_INSTALLED);
        s.commit();
        report(UpdateState.INSTALLED, job.firmwareVersion(), null);
        context.log().log(LogLevel.INFO, "update", job.firmwareVersion() + " installed in the inactive slot; restarting");
        context.scheduler().schedule(restartTask, options.restartDelayMillis());
    }

    private void downloadFailed(Block2Download.Failure failure, int code) {
        if (job == null || installing) {
            return;
        }
        if (failure == Block2Download.Failure.ERROR_RESPONSE && (code >> 5) == 4) {
            fail(UpdateState.FAILED, "host answered " + CoapCode.toString(code) + " for " + job.uri());
            return;
        }
        if (failure == Block2Download.Failure.INCONSISTENT_BLOCK || failure == Block2Download.Failure.TOO_MANY_RESTARTS) {
            Settings s = context.settings();
            s.put(KEY_NEXT, "0");
            s.put(KEY_ETAG, "");
            s.commit();
        }
        retryWait = retryWait == 0 ? options.retryBaseMillis() : Math.min(retryWait * 2, options.retryCapMillis());
        context.log().log(LogLevel.WARN, "update", "download of " + job.firmwareVersion() + " stopped (" + failure
                + "); next attempt in " + retryWait + " ms");
        context.scheduler().schedule(retryTask, retryWait);
    }

    private void fail(UpdateState state, String reason) {
        String version = job.firmwareVersion();
        if (download != null) {
            download.cancel();
        }
        stopClient();
        clearJob();
        report(state, version, reason);
        lastReason = reason;
        context.log().log(LogLevel.WARN, "update", "firmware " + version + " " + state.wireName() + ": " + reason);
    }

    private int refuse(String version, String reason) {
        report(UpdateState.REFUSED, version, reason);
        lastReason = reason;
        context.log().log(LogLevel.WARN, "update", "refused firmware " + version + ": " + reason);
        return REFUSED;
    }

    private void stopClient() {
        context.scheduler().cancel(pollTask);
        context.scheduler().cancel(retryTask);
        link.setReceiver(null);
        client = null;
        download = null;
    }

    private void clearJob() {
        job = null;
        Settings s = context.settings();
        if (s.get(KEY_JOB) == null) {
            return;
        }
        s.put(KEY_JOB, "");
        s.put(KEY_STATE, "");
        s.put(KEY_NEXT, "");
        s.put(KEY_SZX, "");
        s.put(KEY_ETAG, "");
        s.commit();
    }

    private FirmwareNotice loadJob() {
        String hex = context.settings().get(KEY_JOB);
        if (hex == null || hex.length() == 0) {
            return null;
        }
        try {
            return FirmwareNotice.decode(Hex.decode(hex));
        } catch (ProtocolException e) {
            context.log().log(LogLevel.ERROR, "update", "saved update job unreadable, dropped: " + e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            context.log().log(LogLevel.ERROR, "update", "saved update job unreadable, dropped: " + e.getMessage());
            return null;
        }
    }

    private int blockSzx() {
        int szx = BlockOption.MAX_SZX;
        while (szx > 0 && BlockOption.sizeOfSzx(szx) + 64 > link.maxDatagramSize()) {
            szx--;
        }
        return szx;
    }

    private void reschedulePoll() {
        if (client == null) {
            return;
        }
        long next = client.nextDeadline();
        if (next < 0) {
            context.scheduler().cancel(pollTask);
            return;
        }
        context.scheduler().schedule(pollTask, Math.max(0, next - context.clock().monotonicMillis()));
    }

    private void report(UpdateState state, String version, String reason) {
        lastState = state;
        w.reset();
        w.writeArrayHeader(reason == null ? 2 : 3);
        w.writeMapHeader(2).writeInt(0).writeText("firmware").writeInt(3).writeText(state.wireName());
        w.writeMapHeader(2).writeInt(0).writeText("firmware_version").writeInt(3).writeText(version);
        if (reason != null) {
            String r = reason.length() > 160 ? reason.substring(0, 160) : reason;
            w.writeMapHeader(2).writeInt(0).writeText("firmware_reason").writeInt(3).writeText(r);
        }
        if (context.journal().append(UplinkRecord.TELEMETRY, context.clock().wallMillis(), w.buffer(), 0, w.size()) < 0) {
            context.log().log(LogLevel.WARN, "update", "journal full: firmware report " + state.wireName() + " dropped");
            return;
        }
        if (uplink != null) {
            uplink.reportNow();
        }
    }
}
