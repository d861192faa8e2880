package io.fieldlink.host.prediction.runway;

import java.util.Optional;

/**
 * Finds the tariff assigned to a meter (in billing) at an instant, as bands of the UTC day (the way
 * billing and the meters hold them). Empty when the meter has none; then the runway falls back to the
 * alert settings' tariff. Implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface TariffLookup {
    /**
     * @param meter the meter's device id
     * @param atMillis the instant, epoch ms
     * @return the tariff in force then, hours of the UTC day; empty when none is assigned
     */
    Optional<TariffBands> assigned(String meter, long atMillis);

    /** @return a lookup that never finds a tariff (every meter uses the fallback) */
    static TariffLookup none() {
        return (meter, atMillis) -> Optional.empty();
    }
}
