package io.fieldlink.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoardLoaderTest {
    private static final String HEAD = "[board]\nname = t\nkind = meter\n";
    private static final String CH = "[channel v]\ntype = analog\nunit = V\nsample_period = 1s\n";

    @Test
    void loadsTheMeter() {
        BoardDefinition meter = BoardLoader.builtIn("meter");
        assertThat(meter.kind()).isEqualTo(BoardKind.METER);
        ChannelDefinition v = meter.channel("voltage");
        assertThat(v.unit()).isEqualTo("V");
        assertThat(v.toMilli(2305)).isEqualTo(230500);
        assertThat(v.samplePeriodMillis()).isEqualTo(1000);
        assertThat(v.alarms().classify(271000)).isEqualTo(AlarmLevel.HIGH_HIGH);
        assertThat(v.alarms().classify(260000)).isEqualTo(AlarmLevel.HIGH);
        assertThat(v.alarms().classify(230000)).isEqualTo(AlarmLevel.NORMAL);
        assertThat(v.alarms().classify(170000)).isEqualTo(AlarmLevel.LOW_LOW);
        assertThat(meter.output("relay").safeValue()).isEqualTo(1);
        assertThat(meter.configKey("emergency_credit").defaultValue()).isEqualTo("5000");
        assertThat(meter.configKey("tariff_bands").type()).isEqualTo(ConfigType.TEXT);
        assertThat(meter.configKey("pin").type()).isEqualTo(ConfigType.PIN);
    }

    @Test
    void loadsTheWellheadModbusMapAndDeadbands() {
        BoardDefinition well = BoardLoader.builtIn("wellhead");
        ChannelDefinition tp = well.channel("tubing_pressure");
        assertThat(tp.deadbandMilli()).isEqualTo(50000);
        assertThat(tp.integrityPeriodMillis()).isEqualTo(900000);
        assertThat(tp.modbus().slave()).isEqualTo(1);
        assertThat(tp.modbus().function()).isEqualTo(3);
        assertThat(tp.modbus().type()).isEqualTo(ModbusType.UINT16);
        assertThat(well.channel("oil_flow").modbus().type().registers()).isEqualTo(2);
        assertThat(tp.alarms().highHigh()).isEqualTo(13800000);
    }

    @Test
    void loadsEveryBuiltInBoard() {
        for (String name : BoardLoader.BUILT_IN) {
            assertThat(BoardLoader.builtIn(name).name()).isEqualTo(name);
        }
        assertThat(BoardLoader.builtIn("pump").channel("dispensed_mass").unit()).isEqualTo("g");
    }

    @Test
    void loadsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("custom.board");
        Files.writeString(file, HEAD + CH);
        BoardDefinition b = BoardLoader.load(file.toString(), Files.newInputStream(file));
        assertThat(b.channels()).hasSize(1);
    }

    @Test
    void refusesAnUnknownBuiltIn() {
        assertThatThrownBy(() -> BoardLoader.builtIn("toaster")).isInstanceOf(BoardException.class)
                .hasMessageContaining("toaster");
    }

    @Test
    void reportsAnUnreadableStream() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> BoardLoader.load("x.board", broken)).isInstanceOf(BoardException.class)
                .hasMessageContaining("x.board:0: file: cannot be read: disk gone");
    }

    @Test
    void readsUtf8() {
        byte[] bytes = (HEAD + "description = Zähler\n").getBytes(StandardCharsets.UTF_8);
        assertThat(BoardLoader.load("u.board", new ByteArrayInputStream(bytes)).description()).isEqualTo("Zähler");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("name = x\n", 1, "name", "outside any section"),
                Arguments.of("[board]\nname x\n", 2, "board", "expected 'key = value'"),
                Arguments.of("[board\n", 1, "section", "expected '[kind name]'"),
                Arguments.of("[gadget g]\n", 1, "section gadget g", "unknown section kind"),
                Arguments.of("[channel]\n", 1, "section channel", "needs a name"),
                Arguments.of("[board x]\n", 1, "section board x", "takes no name"),
                Arguments.of("[channel Volt]\n", 1, "section channel Volt", "lower-case"),
                Arguments.of("[board]\nname = a\nname = b\n", 3, "board: name", "given twice (first on line 2)"),
                Arguments.of("[board]\nName = a\n", 2, "board: Name", "lower-case"),
                Arguments.of("[board]\nname =\n", 2, "board: name", "value is empty"),
                Arguments.of("[board]\nkind = meter\n", 1, "board: name", "is required"),
                Arguments.of("[board]\nname = a\nkind = toaster\n", 3, "board: kind", "expected meter, pump or wellhead"),
                Arguments.of("[board]\nname = a\nkind = meter\ncolour = red\n", 4, "board: colour", "unknown key"),
                Arguments.of("", 0, "board", "no [board] section"),
                Arguments.of(HEAD + CH + CH, 8, "channel v", "section given twice"),
                Arguments.of(HEAD + "[channel v]\ntype = analog\nunit = V\n", 4, "channel v: sample_period", "is required"),
                Arguments.of(HEAD + CH + "type2 = x\n", 8, "channel v: type2", "unknown key"),
                Arguments.of(HEAD + "[channel v]\ntype = wave\nunit = V\nsample_period = 1s\n", 5, "channel v: type", "expected analog"),
                Arguments.of(HEAD + CH + "scale = 0.1.2\n", 8, "channel v: scale", "expected a decimal"),
                Arguments.of(HEAD + CH + "scale = 0.0000001\n", 8, "channel v: scale", "at most 6 decimal places"),
                Arguments.of(HEAD + CH + "scale = 0\n", 8, "channel v: scale", "must not be 0"),
                Arguments.of(HEAD + "[channel v]\ntype = analog\nunit = V\nsample_period = 1 fortnight\n", 7,
                        "channel v: sample_period", "expected a duration"),
                Arguments.of(HEAD + "[channel v]\ntype = analog\nunit = V\nsample_period = 0s\n", 7,
                        "channel v: sample_period", "more than 0"),
                Arguments.of(HEAD + CH + "min = 10\nmax = 5\n", 8, "channel v: min", "above max"),
                Arguments.of(HEAD + CH + "alarm_l = 10\nalarm_h = 5\n", 8, "channel v: alarm_l", "below alarm_h"),
                Arguments.of(HEAD + CH + "alarm_ll = 10\nalarm_l = 5\n", 8, "channel v: alarm_ll", "above alarm_l"),
                Arguments.of(HEAD + CH + "alarm_h = 10\nalarm_hh = 5\n", 9, "channel v: alarm_hh", "below alarm_h"),
                Arguments.of(HEAD + CH + "deadband = -1\n", 8, "channel v: deadband", "negative"),
                Arguments.of(HEAD + CH + "modbus_slave = 1\n", 4, "channel v: modbus_function", "is required when"),
                Arguments.of(HEAD + CH + "modbus_slave = 300\nmodbus_function = 3\nmodbus_register = 1\nmodbus_type = int16\n",
                        8, "channel v: modbus_slave", "from 1 to 247"),
                Arguments.of(HEAD + CH + "modbus_slave = 1\nmodbus_function = 6\nmodbus_register = 1\nmodbus_type = int16\n",
                        9, "channel v: modbus_function", "from 3 to 4"),
                Arguments.of(HEAD + CH + "modbus_slave = 1\nmodbus_function = 3\nmodbus_register = 65535\nmodbus_type = int32\n",
                        10, "channel v: modbus_register", "past register 65535"),
                Arguments.of(HEAD + CH + "modbus_slave = 1\nmodbus_function = 3\nmodbus_register = 1\nmodbus_type = float\n",
                        11, "channel v: modbus_type", "expected int16"),
                Arguments.of(HEAD + "[output r]\nsafe_value = 1\n", 4, "output r: kind", "is required"),
                Arguments.of(HEAD + "[output r]\nkind = relay\nsafe_value = on\n", 6, "output r: safe_value", "decimal"),
                Arguments.of(HEAD + "[config k]\ntype = colour\ndefault = 1\ndescription = d\n", 5, "config k: type", "expected int"),
                Arguments.of(HEAD + "[config k]\ntype = int\ndescription = d\n", 4, "config k: default", "is required"),
                Arguments.of(HEAD + "[config k]\ntype = int\ndefault = 1\n", 4, "config k: description", "is required"),
                Arguments.of(HEAD + "[config k]\ntype = int\ndefault = 7\nmax = 5\ndescription = d\n", 6, "config k: default",
                        "at most 5"),
                Arguments.of(HEAD + "[config k]\ntype = pin\ndefault = 12a4\ndescription = d\n", 6, "config k: default", "4 to 8 digits"),
                Arguments.of(HEAD + "[config k]\ntype = bool\ndefault = yes\ndescription = d\n", 6, "config k: default", "true or false"),
                Arguments.of(HEAD + "[config k]\ntype = text\ndefault = a\nmin = 1\ndescription = d\n", 7, "config k: min", "only an int"),
                Arguments.of(HEAD + "[config k]\ntype = duration\ndefault = soon\ndescription = d\n", 6, "config k: default", "duration"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void refusesABadFileNamingFileLineAndField(String text, int line, String field, String reason) {
        assertThatThrownBy(() -> BoardLoader.parse("bad.board", text))
                .isInstanceOfSatisfying(BoardException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.board");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
