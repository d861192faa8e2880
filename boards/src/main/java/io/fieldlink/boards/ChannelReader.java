package io.fieldlink.boards;

/** Turns a {@code [channel NAME]} section into a {@link ChannelDefinition}, checking every field. */
final class ChannelReader {
    private ChannelReader() {
    }

    static ChannelDefinition read(BoardSection s) {
        ChannelType type = type(s);
        String unit = s.required("unit");
        long scale = s.decimal("scale", 6, 1000000);
        if (scale == 0) {
            throw s.error("scale", "must not be 0");
        }
        long offset = s.decimal("offset", 3, 0);
        long period = s.duration("sample_period", -1);
        if (period <= 0) {
            throw s.error("sample_period", period < 0 ? "is required" : "must be more than 0");
        }
        long min = s.decimal("min", 3, Long.MIN_VALUE);
        long max = s.decimal("max", 3, Long.MAX_VALUE);
        if (min > max) {
            throw s.error("min", "is above max");
        }
        long ll = s.decimal("alarm_ll", 3, Long.MIN_VALUE);
        long l = s.decimal("alarm_l", 3, ll);
        long hh = s.decimal("alarm_hh", 3, Long.MAX_VALUE);
        long h = s.decimal("alarm_h", 3, hh);
        if (ll > l) {
            throw s.error("alarm_ll", "must not be above alarm_l");
        }
        if (l >= h) {
            throw s.error("alarm_l", "must be below alarm_h/alarm_hh");
        }
        if (h > hh) {
            throw s.error("alarm_hh", "must not be below alarm_h");
        }
        long deadband = s.decimal("deadband", 3, 0);
        if (deadband < 0) {
            throw s.error("deadband", "must not be negative");
        }
        long integrity = s.duration("integrity_period", 0);
        return new ChannelDefinition(s.name, unit, type, scale, offset, period, min, max,
                new AlarmLimits(ll, l, h, hh), deadband, integrity, modbus(s));
    }

    private static ChannelType type(BoardSection s) {
        String t = s.required("type");
        ChannelType[] all = ChannelType.values();
        for (int i = 0; i < all.length; i++) {
            if (all[i].name().toLowerCase().equals(t)) {
                return all[i];
            }
        }
        throw s.error("type", "expected analog, counter or digital, got '" + t + "'");
    }

    private static ModbusPoint modbus(BoardSection s) {
        boolean any = s.has("modbus_slave") || s.has("modbus_function") || s.has("modbus_register") || s.has("modbus_type");
        if (!any) {
            return null;
        }
        String[] keys = {"modbus_slave", "modbus_function", "modbus_register", "modbus_type"};
        for (int i = 0; i < keys.length; i++) {
            if (!s.has(keys[i])) {
                throw s.error(keys[i], "is required when any modbus_ key is given");
            }
        }
        int slave = (int) s.integer("modbus_slave", 1, 247, 0);
        int function = (int) s.integer("modbus_function", 3, 4, 0);
        int register = (int) s.integer("modbus_register", 0, 65535, 0);
        String t = s.text("modbus_type");
        ModbusType[] all = ModbusType.values();
        for (int i = 0; i < all.length; i++) {
            if (all[i].name().toLowerCase().equals(t)) {
                if (register + all[i].registers() > 65536) {
                    throw s.error("modbus_register", "value runs past register 65535");
                }
                return new ModbusPoint(slave, function, register, all[i]);
            }
        }
        throw s.error("modbus_type", "expected int16, uint16, int32 or uint32, got '" + t + "'");
    }
}
