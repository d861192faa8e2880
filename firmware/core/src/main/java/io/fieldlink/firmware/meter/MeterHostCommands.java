package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.uplink.HostCommand;
import io.fieldlink.firmware.uplink.HostCommandHandler;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.record.CreditPushBody;
import io.fieldlink.protocol.record.TariffBody;

/**
 * Applies the host's commands to a meter. The uplink hands over signed types only after their
 * COSE_Sign1 verified, so this checks only the content: {@code credit} (a {@link CreditPushBody} for
 * this meter) is redeemed through the same path as a typed token ({@link BoardCreditTokens#push}:
 * same replay memory, limits and redemption record); {@code tariff} (a {@link TariffBody} for this
 * meter, bands on whole hours) is scheduled. Everything else is refused with {@link #UNSUPPORTED}.
 * Event-loop thread only.
 */
final class MeterHostCommands implements HostCommandHandler {
    static final int REFUSED = 1;
    static final int WRONG_DEVICE = 2;
    static final int MALFORMED = 3;
    static final int UNSUPPORTED = 4;
    static final int NOT_READY = 5;

    private final MeterApp app;
    private final String deviceId;
    private final Clock clock;
    private final BoardCreditTokens tokens;

    MeterHostCommands(MeterApp app, String deviceId, Clock clock, BoardCreditTokens tokens) {
        this.app = app;
        this.deviceId = deviceId;
        this.clock = clock;
        this.tokens = tokens;
    }

    @Override
    public int onCommand(HostCommand command) {
        Meter meter = app.meter();
        if (meter == null) {
            return NOT_READY;
        }
        if (!command.signed()) {
            return UNSUPPORTED;
        }
        try {
            if ("credit".equals(command.name())) {
                CreditPushBody body = CreditPushBody.decode(command.arguments());
                if (!deviceId.equals(body.deviceId())) {
                    return WRONG_DEVICE;
                }
                tokens.push(body.creditId(), body.amountMilli());
                return meter.redeem(BoardCreditTokens.PUSHED, clock.wallMillis()).isOk() ? 0 : REFUSED;
            }
            if ("tariff".equals(command.name())) {
                TariffBody body = TariffBody.decode(command.arguments());
                if (!deviceId.equals(body.deviceId())) {
                    return WRONG_DEVICE;
                }
                Tariff tariff = toTariff(body);
                if (tariff == null) {
                    return MALFORMED;
                }
                return meter.scheduleTariff(tariff, body.effectiveFromMs(), clock.wallMillis()) ? 0 : REFUSED;
            }
        } catch (ProtocolException e) {
            return MALFORMED;
        } catch (IllegalArgumentException e) {
            return MALFORMED;
        }
        return UNSUPPORTED;
    }

    private static Tariff toTariff(TariffBody body) {
        long[] bands = body.bands();
        if (body.tariffId() > Integer.MAX_VALUE) {
            return null;
        }
        Tariff.Builder b = Tariff.builder((int) body.tariffId());
        for (int i = 0; i < bands.length; i += 2) {
            long end = i + 2 < bands.length ? bands[i + 2] : 1440;
            if (bands[i] % 60 != 0 || end % 60 != 0) {
                return null;
            }
            b.band(WeekMask.EVERY_DAY, (int) (bands[i] / 60), (int) (end / 60), bands[i + 1]);
        }
        return b.build();
    }
}
