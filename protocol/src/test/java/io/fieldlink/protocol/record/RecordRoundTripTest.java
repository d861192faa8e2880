package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.TenRecordPack;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordRoundTripTest {
    private static final byte[] SHA = new byte[32];

    @Test
    void helloRoundTripsAndIsAVersionedIntegerKeyedMap() {
        Hello hello = new Hello("meter", "m-0001", "1.4.2", 17);
        assertThat(Hello.decode(hello.encode())).isEqualTo(hello);
        assertThat(CborValue.decode(hello.encode()).toString())
                .isEqualTo("{0: 1, 1: \"meter\", 2: \"m-0001\", 3: \"1.4.2\", 4: 17}");
    }

    @Test
    void batchWithTelemetryAndEveryEventRoundTrips() {
        SenmlPack pack = TenRecordPack.build();
        UplinkBatch batch = new UplinkBatch(List.of(
                UplinkRecord.telemetry(-1L, 1_763_683_200_000L, pack),
                UplinkRecord.event(2, 1_763_683_201_000L, new Sale(-2L, 12_500, 950_000, 11_875_000, 1000, 2000, 3)),
                UplinkRecord.event(3, 1_763_683_202_000L, new TokenRedemption(77, TokenRedemption.KIND_BOOKING, 0, 12_500)),
                UplinkRecord.event(4, 1_763_683_203_000L, new Alarm("tubing-pressure", AlarmLevel.HIGH_HIGH, 1523.5, true)),
                UplinkRecord.event(5, 1_763_683_204_000L, ShutIn.reset(ShutIn.CAUSE_PSH, 1600, "tech-7"))));

        UplinkBatch back = UplinkBatch.decode(batch.encode());

        assertThat(back).isEqualTo(batch);
        assertThat(back.get(0).seq()).isEqualTo(-1L);
        assertThat(back.get(0).telemetry()).isEqualTo(pack);
        assertThat(((Sale) back.get(1).event()).amountMilli()).isEqualTo(11_875_000);
        assertThat(((ShutIn) back.get(4).event()).by()).isEqualTo("tech-7");
    }

    @Test
    void ackAndHelloAnswerCarryCommands() {
        Command[] commands = {
            Command.signed(CommandType.CREDIT_PUSH, 9, new byte[] {(byte) 0xd2, (byte) 0x84}),
            Command.configSet(10, "report.interval", "900"),
            Command.firmwareUpdate(11, new FirmwareNotice("1.5.0", 182_044, SHA, ProtocolResource.firmwarePath("1.5.0")))};
        Ack ack = new Ack(41, new long[] {43, 45, 50, 50}, commands);
        HelloAnswer answer = new HelloAnswer(1_763_683_200_123L, commands);

        Ack ackBack = Ack.decode(ack.encode());
        assertThat(ackBack.encode()).isEqualTo(ack.encode());
        assertThat(ackBack.acknowledges(41)).isTrue();
        assertThat(ackBack.acknowledges(42)).isFalse();
        assertThat(ackBack.acknowledges(44)).isTrue();
        assertThat(ackBack.acknowledges(50)).isTrue();
        assertThat(ackBack.commands()[2].firmwareNotice().uri()).isEqualTo("fw/1.5.0");
        assertThat(HelloAnswer.decode(answer.encode())).isEqualTo(answer);
    }

    @Test
    void aBadFieldIsNamedWithItsPath() {
        byte[] sale = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.of(1),
                CborValue.of(2), CborValue.text("12"), CborValue.of(3), CborValue.of(1), CborValue.of(4), CborValue.of(1),
                CborValue.of(5), CborValue.of(1), CborValue.of(6), CborValue.of(1), CborValue.of(7), CborValue.of(1)).encode();
        assertThatThrownBy(() -> Sale.decode(sale)).isInstanceOf(RecordException.class)
                .hasMessage("sale.grams: expected unsigned integer, found text");

        byte[] batch = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.array(
                CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.of(1), CborValue.of(2),
                        CborValue.of(5), CborValue.of(3), CborValue.of(2), CborValue.of(4), CborValue.decode(sale)))).encode();
        assertThatThrownBy(() -> UplinkBatch.decode(batch))
                .hasMessage("batch.records[0].sale.grams: expected unsigned integer, found text");
    }

    @Test
    void missingFieldsUnknownVersionsAndCodesAreNamed() {
        assertThatThrownBy(() -> Hello.decode(CborValue.map(CborValue.of(0), CborValue.of(1)).encode()))
                .hasMessage("hello.boardKind: missing (key 1)");
        assertThatThrownBy(() -> Hello.decode(CborValue.map(CborValue.of(0), CborValue.of(2)).encode()))
                .hasMessage("hello.version: unsupported 2 (this build reads 1)");
        Alarm alarm = new Alarm("c", AlarmLevel.LOW, 1, false);
        assertThat(Alarm.decode(alarm.encode())).isEqualTo(alarm);
        byte[] badLevel = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.text("c"),
                CborValue.of(2), CborValue.of(9), CborValue.of(3), CborValue.of(1), CborValue.of(4), CborValue.TRUE).encode();
        assertThatThrownBy(() -> Alarm.decode(badLevel)).hasMessage("alarm.level: unknown code 9");
    }

    @Test
    void saleEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new Sale(0, 1, 1, 1, 2000, 1000, 1)).isInstanceOf(RecordException.class)
                .hasMessage("sale.end: 1000 is before start 2000");
    }
}
