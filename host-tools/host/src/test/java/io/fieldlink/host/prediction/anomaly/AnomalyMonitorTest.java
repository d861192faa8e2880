package io.fieldlink.host.prediction.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ChannelType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyMonitorTest {
    static final java.util.Map<String, ChannelType> TYPES = new java.util.HashMap<>();

    static {
        for (String board : BoardLoader.BUILT_IN) {
            BoardDefinition d = BoardLoader.builtIn(board);
            for (ChannelDefinition c : d.channels()) {
                TYPES.put(c.name(), c.type());
            }
        }
    }

    static final AnomalyMonitor.ChannelKinds BOARDS = (device, channel) -> TYPES.get(channel);

    static List<Finding> run(String device, List<Traces.Point> points) {
        AnomalyMonitor m = new AnomalyMonitor(BOARDS, ChannelWatch.Settings.defaults());
        List<Finding> out = new ArrayList<>();
        for (Traces.Point p : points) {
            if (p.channel().equals("sale")) {
                out.addAll(m.event(device, "sale", p.t()));
            } else {
                out.addAll(m.reading(device, p.channel(), p.t(), p.v()));
            }
        }
        return out;
    }

    static long raised(List<Finding> f, String pattern) {
        return f.stream().filter(x -> x.raised() && x.pattern().equals(pattern)).count();
    }

    @Test
    void cleanMeterTracesRaiseNothing() {
        long readings = 0;
        long findings = 0;
        for (long seed = 1; seed <= 10; seed++) {
            List<Traces.Point> trace = Traces.meter(30 * 96, seed, -1, 1, -1);
            readings += trace.size();
            findings += run("m1", trace).stream().filter(Finding::raised).count();
        }
        assertThat(readings).isEqualTo(10 * 30 * 96 * 3);
        assertThat((double) findings / readings).isLessThan(0.0005);
    }

    @Test
    void meterBypassIsRaisedWithEvidence() {
        List<Finding> f = run("m1", Traces.meter(10 * 96, 3, 5 * 96, 0.3, -1));
        Finding theft = f.stream().filter(x -> x.raised() && x.pattern().equals("theft-bypass")).findFirst().orElseThrow();
        assertThat(theft.timeMillis()).isGreaterThanOrEqualTo(Traces.T0 + 5 * 96 * Traces.STEP);
        assertThat(Double.parseDouble(theft.evidence().get("ratio"))).isBetween(0.2, 0.4);
        assertThat(theft.evidence()).containsKeys("expectedWh", "measuredWh", "meanActivePowerW");
    }

    @Test
    void reverseEnergyIsRaised() {
        List<Finding> f = run("m1", Traces.meter(5 * 96, 4, -1, 1, 3 * 96));
        assertThat(raised(f, "reverse-energy")).isEqualTo(1);
        assertThat(f.stream().filter(x -> x.pattern().equals("reverse-energy") && x.raised()).findFirst().orElseThrow()
                .evidence().get("decreaseWh")).isNotNull();
    }

    @Test
    void cleanPumpTracesRaiseNoLeak() {
        long leaks = 0;
        for (long seed = 1; seed <= 10; seed++) {
            leaks += raised(run("p1", Traces.pump(30, seed, -1, 0)), "pump-leak");
        }
        assertThat(leaks).isZero();
    }

    @Test
    void aFillTheStationPackReportsAsDispensingIsNotALeak() {
        for (String state : List.of("dispensing", "idle")) {
            AnomalyMonitor m = new AnomalyMonitor(BOARDS, ChannelWatch.Settings.defaults());
            List<Finding> out = new ArrayList<>();
            long t = Traces.T0;
            for (int i = 0; i <= 6; i++) { // a quiet hour at 230 bar, a pack every 10 minutes
                out.addAll(m.event("p1", "dispense_state", t, "{\"vs\":\"idle\"}"));
                out.addAll(m.reading("p1", "storage_pressure", t, 230));
                t += 600_000;
            }
            // then 8 bar go in 10 minutes while the pump reports its dispenser state, and it holds for an hour
            out.addAll(m.event("p1", "dispense_state", t, "{\"vs\":\"" + state + "\"}"));
            out.addAll(m.reading("p1", "storage_pressure", t, 222));
            for (int i = 0; i < 6; i++) {
                t += 600_000;
                out.addAll(m.event("p1", "dispense_state", t, "{\"vs\":\"idle\"}"));
                out.addAll(m.reading("p1", "storage_pressure", t, 222));
            }
            assertThat(raised(out, "pump-leak")).as(state).isEqualTo(state.equals("idle") ? 1 : 0);
        }
    }

    @Test
    void storageLeakAtNightIsRaised() {
        List<Finding> f = run("p1", Traces.pump(10, 5, 4, 3));
        Finding leak = f.stream().filter(x -> x.raised() && x.pattern().equals("pump-leak")).findFirst().orElseThrow();
        assertThat(leak.timeMillis()).isGreaterThanOrEqualTo(Traces.T0 + 4 * 86_400_000L);
        assertThat(leak.evidence().get("sales")).isEqualTo("0");
        assertThat(Double.parseDouble(leak.evidence().get("barPerHour"))).isGreaterThan(2);
    }

    @Test
    void cleanWellTracesRaiseNothing() {
        long findings = 0;
        long readings = 0;
        for (long seed = 1; seed <= 10; seed++) {
            List<Traces.Point> trace = Traces.well(60 * 96, seed, -1, 1, 1);
            readings += trace.size();
            findings += run("w1", trace).stream().filter(Finding::raised).count();
        }
        assertThat((double) findings / readings).isLessThan(0.0005);
    }

    @Test
    void blockageAndLeakAreTold() {
        List<Finding> blocked = run("w1", Traces.well(20 * 96, 6, 10 * 96, 1.25, 0.75));
        assertThat(raised(blocked, "well-blockage")).isEqualTo(1);
        assertThat(raised(blocked, "well-leak")).isZero();
        List<Finding> leaking = run("w1", Traces.well(20 * 96, 7, 10 * 96, 0.75, 1.25));
        assertThat(raised(leaking, "well-leak")).isEqualTo(1);
        assertThat(raised(leaking, "well-blockage")).isZero();
    }

    @Test
    void aSpikeOnAChannelIsAnOutlier() {
        List<Traces.Point> trace = new ArrayList<>(Traces.meter(5 * 96, 8, -1, 1, -1));
        long t = Traces.T0 + 4 * 96 * Traces.STEP + 60_000;
        trace.add(new Traces.Point("voltage", t, 300));
        trace.sort(java.util.Comparator.comparingLong(Traces.Point::t));
        List<Finding> f = run("m1", trace);
        assertThat(f).anyMatch(x -> x.raised() && x.pattern().equals("outlier") && x.channel().equals("voltage")
                && x.timeMillis() == t);
    }

    @Test
    void nonSensorChannelsAreNotWatched() {
        assertThat(BOARDS.typeOf("m1", "balance")).isNull();
        assertThat(BOARDS.typeOf("m1", "energy")).isEqualTo(ChannelType.COUNTER);
    }
}
