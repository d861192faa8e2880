package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.uplink.HostCommand;
import io.fieldlink.firmware.uplink.HostCommandHandler;

/**
 * Applies the host's commands to a wellhead: a signed {@code shutin-reset} (its
 * {@link io.fieldlink.protocol.record.ShutInResetBody} already verified by the uplink's command gate)
 * goes to the shut-in latch as a host reset request ({@link ResetAuthority} checks device, freshness
 * and replay; the latch checks that the pressure has cleared). Result codes: 0 reset, 1 refused
 * (unauthorised, condition present or not latched), 4 unsupported (every other command), 5 not
 * ready (before boot). Event-loop thread only.
 */
final class WellheadHostCommands implements HostCommandHandler {
    static final int REFUSED = 1;
    static final int UNSUPPORTED = 4;
    static final int NOT_READY = 5;

    private final WellheadApp app;

    WellheadHostCommands(WellheadApp app) {
        this.app = app;
    }

    @Override
    public int onCommand(HostCommand command) {
        if (!command.signed() || !"shutin-reset".equals(command.name())) {
            return UNSUPPORTED;
        }
        if (app.wellhead() == null) {
            return NOT_READY;
        }
        return app.verifiedHostReset(command.arguments()) == ResetOutcome.RESET ? 0 : REFUSED;
    }
}
