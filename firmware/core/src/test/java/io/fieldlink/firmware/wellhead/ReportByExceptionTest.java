package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportByExceptionTest {
    /**
     * A recorded tubing-pressure trace (kPa), one sample every 10 s: steady with noise inside the
     * 20 kPa deadband, a step up, a slow drift, then a long quiet stretch.
     */
    static final long[] TRACE = {
        5000, 5004, 4996, 5010, 5019, 5021, 5020, 5030, 5041, 5060,
        5061, 5062, 5063, 5064, 5065, 5066, 5067, 5068, 5069, 5070,
        5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081,
        5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081, 5081,
        4900, 4899, 4921, 4921, 4921, 4921, 4921, 4921, 4921, 4921};

    @Test
    void recordedTraceGivesTheExpectedReports() {
        ChannelSpec tubing = ChannelSpec.builder("tubing").registers(RegisterKind.INPUT, 1, 0).deadband(20)
                .integrityMs(120_000).build();
        ReportByException rbe = new ReportByException(new ChannelSpec[] {tubing});
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < TRACE.length; i++) {
            long t = i * 10_000L;
            if (rbe.offer(0, TRACE[i], t)) {
                reports.add(t / 1000 + "s=" + TRACE[i]);
            }
        }
        assertThat(reports).containsExactly(
                "0s=5000", // first sample
                "50s=5021", // moved 21 > 20
                "90s=5060", // moved 39 (5041 moved exactly 20: not reported)
                "200s=5081", // drifted 21 past 5060
                "320s=5081", // integrity: 120 s since the last report
                "400s=4900", // step down
                "420s=4921"); // moved 21 from 4900
        assertThat(rbe.reports(0)).isEqualTo(7);
        assertThat(rbe.lastReported(0)).isEqualTo(4921);
    }

    @Test
    void movementEqualToTheDeadbandIsNotReported() {
        ChannelSpec c = ChannelSpec.builder("c").registers(RegisterKind.INPUT, 1, 0).deadband(10).build();
        ReportByException rbe = new ReportByException(new ChannelSpec[] {c});
        assertThat(rbe.offer(0, 100, 0)).isTrue();
        assertThat(rbe.offer(0, 110, 1)).isFalse();
        assertThat(rbe.offer(0, 90, 2)).isFalse();
        assertThat(rbe.offer(0, 89, 3)).isTrue();
    }
}
