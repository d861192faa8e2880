package io.fieldlink.firmware.wellhead;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the wellhead app takes from the board file: its Modbus channels, poll period,
 * the shut-in channel and its PSL / PSH, the rate channels and the gas-day start. Immutable; build
 * with {@link #builder()}.
 */
public final class WellheadSettings {
    final ChannelSpec[] channels;
    final long pollPeriodMs;
    final int shutInChannel;
    final long psl;
    final long psh;
    final long shutInDebounceMs;
    final int[] rateChannels;
    final long[] ratePerLitre;
    final long gasDayStartOffsetMs;

    private WellheadSettings(Builder b, ChannelSpec[] channels, int shutIn, int[] rates) {
        this.channels = channels;
        this.pollPeriodMs = b.pollPeriodMs;
        this.shutInChannel = shutIn;
        this.psl = b.psl;
        this.psh = b.psh;
        this.shutInDebounceMs = b.shutInDebounceMs;
        this.rateChannels = rates;
        this.ratePerLitre = new long[] {b.oilPerLitre, b.gasPerLitre, b.waterPerLitre};
        this.gasDayStartOffsetMs = b.gasDayStartOffsetMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a copy of the channels, in index order (the index used in events) */
    public ChannelSpec[] channels() {
        return channels.clone();
    }

    /** @return the channel index of {@code name}, or -1 */
    public int indexOf(String name) {
        return find(channels, name);
    }

    public long pollPeriodMs() {
        return pollPeriodMs;
    }

    private static int find(ChannelSpec[] cs, String name) {
        for (int i = 0; i < cs.length; i++) {
            if (cs[i].name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the settings. */
    public static final class Builder {
        private final List<ChannelSpec> channels = new ArrayList<ChannelSpec>();
        private long pollPeriodMs = 1000;
        private String shutInChannel;
        private long psl;
        private long psh;
        private long shutInDebounceMs = 2000;
        private String oil;
        private String gas;
        private String water;
        private long oilPerLitre = GasDayTotals.LITRES_PER_DAY;
        private long gasPerLitre = GasDayTotals.LITRES_PER_DAY;
        private long waterPerLitre = GasDayTotals.LITRES_PER_DAY;
        private long gasDayStartOffsetMs = 6 * 3600 * 1000L;

        private Builder() {
        }

        /** Adds a channel; its index is the number of channels added before it. */
        public Builder channel(ChannelSpec c) {
            channels.add(c);
            return this;
        }

        /** How often all channels are polled, ms (default 1 s). */
        public Builder pollPeriodMs(long v) {
            pollPeriodMs = v;
            return this;
        }

        /** The pressure channel guarded by PSL / PSH, and the trip debounce in ms (default 2 s). Required. */
        public Builder shutIn(String channel, long pressureSafetyLow, long pressureSafetyHigh, long debounceMs) {
            shutInChannel = channel;
            psl = pressureSafetyLow;
            psh = pressureSafetyHigh;
            shutInDebounceMs = debounceMs;
            return this;
        }

        /** The oil, gas and water rate channels (litres per day). Required. */
        public Builder rates(String oilChannel, String gasChannel, String waterChannel) {
            oil = oilChannel;
            gas = gasChannel;
            water = waterChannel;
            return this;
        }

        /**
         * Rate units of the oil, gas and water channels, as rate units x ms per litre (default
         * {@link GasDayTotals#LITRES_PER_DAY} each: litres per day).
         */
        public Builder rateUnits(long oil, long gas, long water) {
            oilPerLitre = oil;
            gasPerLitre = gas;
            waterPerLitre = water;
            return this;
        }

        /** Gas-day start after UTC midnight, ms (default 06:00 UTC); e.g. 06:00 at UTC+3 is 3 h. */
        public Builder gasDayStartOffsetMs(long v) {
            gasDayStartOffsetMs = v;
            return this;
        }

        /** @throws IllegalStateException naming the first missing, unknown or contradictory setting */
        public WellheadSettings build() {
            ChannelSpec[] cs = channels.toArray(new ChannelSpec[0]);
            check(cs.length > 0, "channels: none");
            for (int i = 0; i < cs.length; i++) {
                check(find(cs, cs[i].name) == i, "channels: duplicate name " + cs[i].name);
            }
            check(pollPeriodMs > 0, "pollPeriodMs: must be > 0");
            int shutIn = known(cs, shutInChannel, "shutIn channel");
            check(psl < psh, "shutIn: PSL must be below PSH");
            check(shutInDebounceMs >= 0, "shutIn debounce: negative");
            int[] rates = {known(cs, oil, "rates oil"), known(cs, gas, "rates gas"), known(cs, water, "rates water")};
            check(oilPerLitre > 0 && gasPerLitre > 0 && waterPerLitre > 0, "rateUnits: must be > 0");
            check(gasDayStartOffsetMs > -86400000L && gasDayStartOffsetMs < 86400000L,
                    "gasDayStartOffsetMs: not within a day");
            return new WellheadSettings(this, cs, shutIn, rates);
        }

        private static int known(ChannelSpec[] cs, String name, String what) {
            check(name != null, what + ": required");
            int i = find(cs, name);
            check(i >= 0, what + ": no channel named " + name);
            return i;
        }

        private static void check(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException(what);
            }
        }
    }
}
