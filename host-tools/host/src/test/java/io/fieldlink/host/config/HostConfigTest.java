package io.fieldlink.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HostConfigTest {
    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Test
    void unknownKeyStopsStartUpNamingIt() {
        assertThatThrownBy(() -> HostConfig.fromProperties(props("http.prot", "80")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.prot: unknown");
    }

    @Test
    void invalidValueNamesTheKey() {
        assertThatThrownBy(() -> HostConfig.fromProperties(props("http.port", "70000")))
                .hasMessageStartingWith("http.port: 70000 is outside 0..65535");
        assertThatThrownBy(() -> HostConfig.fromProperties(props("device.offline-after", "5y")))
                .hasMessageStartingWith("device.offline-after: unknown duration unit");
        assertThatThrownBy(() -> HostConfig.fromProperties(props("coap.insecure", "yes")))
                .hasMessageStartingWith("coap.insecure: expected true or false");
    }

    @Test
    void fileValuesOverrideDefaults() {
        HostConfig c = HostConfig.fromProperties(props("device.offline-after", "2h"));
        assertThat(c.get(HostConfig.DEVICE_OFFLINE_AFTER)).isEqualTo(Duration.ofHours(2));
        assertThat(c.get(HostConfig.COAPS_PORT)).isEqualTo(5684);
    }

    @Test
    void helpDescribesEveryKey() {
        assertThat(HostConfig.describe()).hasSize(2 * HostConfig.KEYS.size());
        assertThat(String.join("\n", HostConfig.describe())).contains("retention.1d").contains("default 15m");
    }
}
