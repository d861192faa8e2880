package io.fieldlink.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.billing.tariff.TimeOfUseTariff;
import io.fieldlink.host.prediction.runway.TariffBands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A billing time-of-use tariff becomes the runway's hourly bands, hour for hour. */
class AssignedTariffBandsTest {
    @Test
    void billingBandsBecomeHourlyRunwayPrices() {
        TimeOfUseTariff t = new TimeOfUseTariff(3, "tou", List.of(new TimeOfUseTariff.Band(0, 90),
                new TimeOfUseTariff.Band(7 * 60, 150), new TimeOfUseTariff.Band(19 * 60, 240)));
        TariffBands b = Foresight.bands(t);
        assertThat(b.text()).isEqualTo("00:00-07:00=90,07:00-19:00=150,19:00-24:00=240");
        assertThat(b.pricePerKwhMilli(6)).isEqualTo(90);
        assertThat(b.pricePerKwhMilli(7)).isEqualTo(150);
        assertThat(b.pricePerKwhMilli(23)).isEqualTo(240);
    }
}
