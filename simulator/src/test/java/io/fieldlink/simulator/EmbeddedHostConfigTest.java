package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.config.HostConfig;
import io.fieldlink.simulator.fleet.FleetSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process run's embedded host: in virtual time its offline rule waits out the whole run. */
class EmbeddedHostConfigTest {
    @Test
    void inVirtualTimeTheOfflineRuleWaitsTheWholeRunAReportIntervalALookAheadAndABackOffMore() {
        FleetSpec spec = new FleetSpec();
        spec.reportIntervalMillis = 900_000;
        spec.lookaheadMillis = 600_000;
        spec.backoffCapMillis = 300_000;
        Duration def = HostConfig.defaults().get(HostConfig.DEVICE_OFFLINE_AFTER);
        assertThat(Main.embeddedConfig(spec, true, 7_200_000).get(HostConfig.DEVICE_OFFLINE_AFTER))
                .isEqualTo(def.plusMinutes(120 + 15 + 10 + 5));
        assertThat(Main.embeddedConfig(spec, true, Long.MAX_VALUE).get(HostConfig.DEVICE_OFFLINE_AFTER))
                .isEqualTo(def.plusMinutes(15 + 10 + 5));
    }

    @Test
    void aPacedRunKeepsTheHostsDefaults() {
        assertThat(Main.embeddedConfig(new FleetSpec(), false, 7_200_000).get(HostConfig.DEVICE_OFFLINE_AFTER))
                .isEqualTo(HostConfig.defaults().get(HostConfig.DEVICE_OFFLINE_AFTER));
    }
}
