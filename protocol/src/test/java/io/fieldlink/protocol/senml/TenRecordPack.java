package io.fieldlink.protocol.senml;

/** The 10-record meter pack used by tests and benchmarks: a base name, a base time, readings. */
public final class TenRecordPack {
    private TenRecordPack() {
    }

    public static SenmlPack build() {
        return fill(new SenmlPack());
    }

    public static SenmlPack fill(SenmlPack pack) {
        pack.clear();
        pack.add().baseName("urn:dev:mac:0024befffe804ff1:").baseTime(1_763_683_200).name("voltage").unit("V").value(229.7);
        pack.add().name("current").unit("A").value(4.35);
        pack.add().name("pf").unit("/").value(0.97);
        pack.add().name("frequency").unit("Hz").value(49.98);
        pack.add().name("power").unit("W").value(969.2);
        pack.add().name("energy").unit("Wh").sum(18_734_112);
        pack.add().name("balance").value(41_250);
        pack.add().name("relay").boolValue(true);
        pack.add().name("voltage").unit("V").time(60).value(230.1);
        pack.add().name("current").unit("A").time(60).value(4.41);
        return pack;
    }
}
