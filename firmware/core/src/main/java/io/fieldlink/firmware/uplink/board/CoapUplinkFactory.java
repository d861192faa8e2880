package io.fieldlink.firmware.uplink.board;

import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.UplinkFactory;
import io.fieldlink.firmware.kernel.UplinkWiring;
import io.fieldlink.firmware.uplink.CoapUplink;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.protocol.record.Hello;
import java.util.Random;

/**
 * Creates a board's {@link CoapUplink} at boot: hello from the board definition's kind, the device id,
 * the firmware version and the boot count; the report interval from the board config key
 * {@value #REPORT_INTERVAL} (a duration) when the board has it, else from the options. Event-loop
 * thread only.
 */
public final class CoapUplinkFactory implements UplinkFactory {
    /** The board config key of the periodic report interval. */
    public static final String REPORT_INTERVAL = "report_interval";

    private final IssuerKeys issuers;
    private final UplinkOptions options;
    private CoapUplink last;

    /**
     * @param issuers the trusted issuer keys for signed host commands
     * @param options timing and sizing (copied at each boot; the report interval is taken from the board
     *     config if the board has {@value #REPORT_INTERVAL}; a change there applies from the next boot)
     */
    public CoapUplinkFactory(IssuerKeys issuers, UplinkOptions options) {
        this.issuers = issuers;
        this.options = options;
    }

    @Override
    public Uplink create(BoardContext context, UplinkWiring wiring) {
        BoardConfig config = context.config();
        UplinkOptions o = options.copy();
        if (config.has(REPORT_INTERVAL)) {
            o.reportIntervalMillis(config.getLong(REPORT_INTERVAL));
        }
        Hello hello = new Hello(kindName(context), context.deviceId(), wiring.firmwareVersion(), context.bootCount());
        long seed = context.deviceId().hashCode() * 31L + context.bootCount() + context.clock().monotonicMillis();
        last = new CoapUplink(context.clock(), context.scheduler(), wiring.transport(), context.journal(),
                context.crypto(), context.log(), hello, issuers, o, new Random(seed), context.buffers());
        return last;
    }

    /** @return the uplink created at the latest boot, or null before the first */
    public CoapUplink last() {
        return last;
    }

    private static String kindName(BoardContext context) {
        switch (context.definition().kind()) {
            case METER:
                return "meter";
            case PUMP:
                return "pump";
            default:
                return "wellhead";
        }
    }
}
