package io.fieldlink.host.prediction.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an hourly station demand forecast (grams of CNG per hour) into booking-slot suggestions:
 * enough slots per hour to serve the upper bound of the forecast interval at the station's typical
 * fill size, never more than its pumps can serve. Immutable and thread-safe.
 */
public final class SlotPlanner {
    private final long typicalFillGrams;
    private final int pumps;
    private final int fillsPerPumpHour;

    /**
     * @param typicalFillGrams grams of a typical fill (e.g. the median sale), positive
     * @param pumps dispensers at the station, positive
     * @param fillsPerPumpHour fills one dispenser serves in an hour, positive
     * @throws IllegalArgumentException naming the first bad argument
     */
    public SlotPlanner(long typicalFillGrams, int pumps, int fillsPerPumpHour) {
        if (typicalFillGrams <= 0) {
            throw new IllegalArgumentException("typicalFillGrams: must be positive, got " + typicalFillGrams);
        }
        if (pumps <= 0) {
            throw new IllegalArgumentException("pumps: must be positive, got " + pumps);
        }
        if (fillsPerPumpHour <= 0) {
            throw new IllegalArgumentException("fillsPerPumpHour: must be positive, got " + fillsPerPumpHour);
        }
        this.typicalFillGrams = typicalFillGrams;
        this.pumps = pumps;
        this.fillsPerPumpHour = fillsPerPumpHour;
    }

    /** @return the slots the station can serve in one hour */
    public int capacityPerHour() {
        return pumps * fillsPerPumpHour;
    }

    /**
     * @param firstHourStart epoch ms of the forecast's first hour
     * @param demand hourly demand forecast in grams
     * @return one suggestion per forecast hour
     */
    public List<SlotSuggestion> plan(long firstHourStart, Forecast demand) {
        List<SlotSuggestion> out = new ArrayList<>(demand.horizon());
        int capacity = capacityPerHour();
        for (int h = 0; h < demand.horizon(); h++) {
            long wanted = (long) Math.ceil(demand.upper()[h] / typicalFillGrams);
            int slots = (int) Math.min(capacity, wanted);
            out.add(new SlotSuggestion(firstHourStart + h * 3_600_000L, Math.round(demand.mean()[h]),
                    Math.round(demand.upper()[h]), slots, wanted > capacity));
        }
        return out;
    }

    /**
     * One hour's suggestion.
     *
     * @param hourStart epoch ms
     * @param expectedGrams forecast demand
     * @param upperGrams upper bound of the forecast interval
     * @param slots booking slots to offer
     * @param overCapacity true when the upper bound needs more slots than the pumps can serve
     */
    public record SlotSuggestion(long hourStart, long expectedGrams, long upperGrams, int slots, boolean overCapacity) {
    }
}
