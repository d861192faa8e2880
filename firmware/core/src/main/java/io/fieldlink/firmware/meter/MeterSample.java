package io.fieldlink.firmware.meter;

/**
 * One reading of the metering front end. Mutable and reused by the sampler so a sample cycle
 * allocates nothing. Units: mV, mA, power factor in thousandths, frequency in mHz, active power in mW.
 */
public final class MeterSample {
    /** RMS voltage, mV. */
    public int voltageMillivolts;
    /** RMS current, mA. */
    public int currentMilliamps;
    /** Power factor × 1000 (0..1000). */
    public int powerFactorPermille;
    /** Line frequency, mHz. */
    public int frequencyMillihertz;
    /** Active (import) power, mW. */
    public long activePowerMilliwatts;

    /** Sets every field; returns this. */
    public MeterSample set(int voltageMillivolts, int currentMilliamps, int powerFactorPermille,
            int frequencyMillihertz, long activePowerMilliwatts) {
        this.voltageMillivolts = voltageMillivolts;
        this.currentMilliamps = currentMilliamps;
        this.powerFactorPermille = powerFactorPermille;
        this.frequencyMillihertz = frequencyMillihertz;
        this.activePowerMilliwatts = activePowerMilliwatts;
        return this;
    }

    /** Copies another sample into this one. */
    public void copyFrom(MeterSample o) {
        set(o.voltageMillivolts, o.currentMilliamps, o.powerFactorPermille, o.frequencyMillihertz,
                o.activePowerMilliwatts);
    }
}
