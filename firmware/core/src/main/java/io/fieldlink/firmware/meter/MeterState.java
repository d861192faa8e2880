package io.fieldlink.firmware.meter;

/**
 * Everything a meter must keep across a reboot: the ledger, the energy register, the token memory,
 * the tariff schedule, latched tamper bits, the overload lockout and the last day a fixed charge was
 * taken. {@link MeterSnapshot} turns it into bytes and back. Not thread-safe.
 */
final class MeterState {
    final PrepaidLedger ledger = new PrepaidLedger();
    final EnergyIntegrator energy = new EnergyIntegrator();
    final CreditTokenMemory tokens = new CreditTokenMemory();
    TariffSchedule tariffs;
    int tamperLatched;
    long tripUntilMillis;
    long lastFixedChargeDay;

    MeterState(Tariff initial, long fromMillis, long today) {
        tariffs = new TariffSchedule(initial, fromMillis);
        lastFixedChargeDay = today;
    }
}
