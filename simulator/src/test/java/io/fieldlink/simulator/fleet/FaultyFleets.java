package io.fieldlink.simulator.fleet;

/** Small mixed fleets for the scheduler tests: 15-min meter and 5-min well samples, lossy network, power cuts. */
final class FaultyFleets {
    private FaultyFleets() {
    }

    /**
     * A fleet with loss 5 %, duplication and reordering 3 %, a power cut and 0.3 single-board partitions
     * per board a day, booting over {@code bootSpreadMillis}, serving only once its clock is known.
     */
    static FleetSpec spec(int meters, int pumps, int wells, long seed, String idPrefix, long bootSpreadMillis) {
        FleetSpec s = new FleetSpec();
        s.meters = meters;
        s.pumps = pumps;
        s.wells = wells;
        s.seed = seed;
        s.idPrefix = idPrefix;
        s.bootSpreadMillis = bootSpreadMillis;
        s.serveBeforeClockKnown = false;
        s.meterSampleMillis = 15 * 60_000L;
        s.wellSampleMillis = 5 * 60_000L;
        s.loss = 0.05;
        s.duplication = 0.03;
        s.reorder = 0.03;
        s.powerCutsPerDay = 1;
        s.partitionsPerDay = 0.3;
        return s;
    }
}
