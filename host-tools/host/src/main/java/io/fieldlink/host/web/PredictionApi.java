package io.fieldlink.host.web;

import io.fieldlink.boards.ChannelType;
import io.fieldlink.host.alert.AlertConfig;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.prediction.HourlySeries;
import io.fieldlink.host.prediction.SeriesSource;
import io.fieldlink.host.prediction.anomaly.AnomalyMonitor;
import io.fieldlink.host.prediction.anomaly.ChannelWatch;
import io.fieldlink.host.prediction.anomaly.Finding;
import io.fieldlink.host.prediction.decline.DeclineFit;
import io.fieldlink.host.prediction.decline.DeclineFitException;
import io.fieldlink.host.prediction.decline.DeclineFitter;
import io.fieldlink.host.prediction.decline.DeclineForecast;
import io.fieldlink.host.prediction.decline.DeclineForecaster;
import io.fieldlink.host.prediction.forecast.Forecast;
import io.fieldlink.host.prediction.forecast.HoltWinters;
import io.fieldlink.host.prediction.forecast.SlotPlanner;
import io.fieldlink.host.prediction.runway.MeterRunway;
import io.fieldlink.host.prediction.runway.Runway;
import io.fieldlink.host.prediction.runway.RunwayEstimator;
import io.fieldlink.host.prediction.runway.TariffBands;
import io.fieldlink.host.prediction.runway.TariffLookup;
import io.fieldlink.host.registry.DeviceRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prediction endpoints: meter runway and consumption forecast, pump and station demand forecasts
 * with slot suggestions, well decline curves, and on-demand channel anomaly scans. Everything is
 * computed on request from the stored series. Handlers are thread-safe.
 */
public final class PredictionApi implements ApiRoutes {
    private static final int WEEK = 168;
    private static final long DAY = 86_400_000L;
    private final DeviceRegistry registry;
    private final SeriesSource source;
    private final AlertConfig config;
    private final AnomalyMonitor.ChannelKinds kinds;
    private final Clock clock;
    private final TariffLookup tariffs;

    public PredictionApi(DeviceRegistry registry, SeriesSource source, AlertConfig config, AnomalyMonitor.ChannelKinds kinds,
            Clock clock) {
        this(registry, source, config, kinds, clock, TariffLookup.none());
    }

    /** @param tariffs the meters' assigned tariffs, the runway's default before the settings' tariff */
    public PredictionApi(DeviceRegistry registry, SeriesSource source, AlertConfig config, AnomalyMonitor.ChannelKinds kinds,
            Clock clock, TariffLookup tariffs) {
        this.tariffs = tariffs;
        this.registry = registry;
        this.source = source;
        this.config = config;
        this.kinds = kinds;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/meters/{id}/runway", Role.VIEWER, this::runway)
                .add("GET", "/api/meters/{id}/forecast", Role.VIEWER, this::meterForecast)
                .add("GET", "/api/pumps/{id}/forecast", Role.VIEWER, this::pumpForecast)
                .add("GET", "/api/stations/{code}/forecast", Role.VIEWER, this::stationForecast)
                .add("GET", "/api/wells/{id}/decline", Role.VIEWER, this::decline)
                .add("GET", "/api/devices/{id}/channels/{channel}/anomalies", Role.VIEWER, this::anomalies);
    }

    ApiResponse runway(ApiRequest q) {
        String id = DeviceApi.find(registry, q.pathParams().get(0)).id();
        int days = (int) range(q, "days", 14, 1, 90);
        int offset = (int) signed(q, "utcOffsetMinutes", 0, -720, 840);
        long now = clock.millis();
        String tariffSource = "query";
        String tariffText = q.query().get("tariff");
        TariffBands tariff;
        if (tariffText == null) {
            java.util.Optional<TariffBands> assigned = tariffs.assigned(id, now);
            tariffSource = assigned.isPresent() ? "assigned" : "settings";
            tariff = assigned.map(b -> b.atUtcOffset(offset)).orElseGet(() -> TariffBands.parse(config.settings().tariff()));
            tariffText = tariff.text();
        } else {
            try {
                tariff = TariffBands.parse(tariffText);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("tariff: " + e.getMessage());
            }
        }
        RunwayEstimator reminders = new RunwayEstimator(config.settings().reminderDays());
        MeterRunway.Estimate e = new MeterRunway(source).estimate(id, now, days, tariff, reminders, offset)
                .orElseThrow(() -> new ApiError(404, "meter '" + id + "' reported no balance in the last 7 days"));
        Runway r = e.runway();
        boolean unlimited = r.hoursLeft() == Long.MAX_VALUE;
        JsonWriter w = new JsonWriter().beginObject().field("deviceId", id).field("balanceMilli", e.balanceMilli())
                .field("balanceAt", Instant.ofEpochMilli(e.balanceAt()).toString())
                .field("dailyRateMilli", r.dailyRateMilli()).field("unlimited", unlimited);
        if (!unlimited) {
            w.field("hoursLeft", r.hoursLeft()).field("daysLeft", r.daysLeft());
        }
        w.field("reminderDays", r.reminderDays()).field("days", days).field("tariff", tariffText)
                .field("tariffSource", tariffSource);
        return ApiResponse.json(200, w.endObject().toString());
    }

    ApiResponse meterForecast(ApiRequest q) {
        String id = DeviceApi.find(registry, q.pathParams().get(0)).id();
        Window win = window(q);
        double[] y = HourlySeries.counterIncrements(source, id, MeterRunway.ENERGY, win.from, win.hours);
        int seen = HourlySeries.observed(y);
        if (seen < 2 * WEEK) {
            throw new ApiError(409, "meter '" + id + "' has " + seen + " hours of energy in the last " + win.hours / WEEK
                    + " weeks; at least " + 2 * WEEK + " are needed");
        }
        return forecast(q, id, "energy", "Wh per hour", HourlySeries.filled(y), win, null);
    }

    ApiResponse pumpForecast(ApiRequest q) {
        String id = DeviceApi.find(registry, q.pathParams().get(0)).id();
        Window win = window(q);
        double[] y = HourlySeries.eventSums(source, List.of(id), "sale", "grams", win.from, win.hours);
        return forecast(q, id, "sale.grams", "g per hour", y, win, null);
    }

    ApiResponse stationForecast(ApiRequest q) {
        String code = q.pathParams().get(0);
        String pumps = q.query().get("pumps");
        if (pumps == null || pumps.isEmpty()) {
            throw ApiError.badRequest("parameter pumps is required: the station's pump device ids, comma separated");
        }
        List<String> ids = new ArrayList<>();
        for (String p : pumps.split(",")) {
            ids.add(DeviceApi.find(registry, p.trim()).id());
        }
        Window win = window(q);
        double[] y = HourlySeries.eventSums(source, ids, "sale", "grams", win.from, win.hours);
        long fill = q.query().containsKey("fillGrams") ? range(q, "fillGrams", 0, 1, 1_000_000) : medianFill(ids, win);
        int perHour = (int) range(q, "fillsPerPumpHour", 6, 1, 60);
        SlotPlanner planner = new SlotPlanner(fill, ids.size(), perHour);
        return forecast(q, code, "sale.grams", "g per hour", y, win, planner);
    }

    private long medianFill(List<String> ids, Window win) {
        List<Double> grams = new ArrayList<>();
        for (String id : ids) {
            for (StoredEvent e : source.events(id, win.from, win.from + win.hours * HourlySeries.HOUR, 1_000_000)) {
                double g = e.type().equals("sale") ? HourlySeries.number(e.body(), "grams") : Double.NaN;
                if (g > 0) {
                    grams.add(g);
                }
            }
        }
        if (grams.isEmpty()) {
            return 10_000;
        }
        grams.sort(null);
        return Math.max(1, Math.round(grams.get(grams.size() / 2)));
    }

    private ApiResponse forecast(ApiRequest q, String id, String series, String unit, double[] y, Window win,
            SlotPlanner planner) {
        int hours = (int) range(q, "hours", WEEK, 1, WEEK);
        double coverage = coverage(q);
        Forecast f;
        HoltWinters.Model m;
        try {
            m = new HoltWinters(WEEK).fit(y);
            f = m.forecast(hours, coverage, 0);
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, e.getMessage());
        }
        long first = win.from + (long) win.hours * HourlySeries.HOUR;
        JsonWriter w = new JsonWriter().beginObject().field("id", id).field("series", series).field("unit", unit)
                .name("coverage").value(coverage).field("historyHours", win.hours).name("alpha").value(m.alpha())
                .name("beta").value(m.beta()).name("gamma").value(m.gamma()).name("sigma").value(m.sigma())
                .name("points").beginArray();
        for (int h = 0; h < f.horizon(); h++) {
            w.beginObject().field("t", Instant.ofEpochMilli(first + h * HourlySeries.HOUR).toString()).name("mean")
                    .value(f.mean()[h]).name("lower").value(f.lower()[h]).name("upper").value(f.upper()[h]).endObject();
        }
        w.endArray();
        if (planner != null) {
            w.field("capacityPerHour", planner.capacityPerHour()).name("slots").beginArray();
            for (SlotPlanner.SlotSuggestion s : planner.plan(first, f)) {
                w.beginObject().field("t", Instant.ofEpochMilli(s.hourStart()).toString())
                        .field("expectedGrams", s.expectedGrams()).field("upperGrams", s.upperGrams())
                        .field("slots", s.slots()).field("overCapacity", s.overCapacity()).endObject();
            }
            w.endArray();
        }
        return ApiResponse.json(200, w.endObject().toString());
    }

    ApiResponse decline(ApiRequest q) {
        String id = DeviceApi.find(registry, q.pathParams().get(0)).id();
        String channel = q.query().getOrDefault("channel", "oil_flow");
        int historyDays = (int) range(q, "historyDays", 730, 10, 20_000);
        double horizon = range(q, "horizonDays", 365, 1, 36_500);
        double step = range(q, "stepDays", 30, 1, 3_650);
        double limit = decimal(q, "economicLimit", 50);
        double terminal = decimal(q, "terminalDeclinePerYear", 0.08);
        int samples = (int) range(q, "samples", 200, 20, 2_000);
        long now = clock.millis();
        List<Bucket> days = source.buckets(id, channel, Resolution.D1, now - historyDays * DAY, now, historyDays + 1);
        if (days.size() < 5) {
            throw new ApiError(409, "well '" + id + "' has " + days.size() + " days of " + channel + "; at least 5 are needed");
        }
        // a wellhead's closed-gas-day total (daily_oil, daily_gas, daily_water) is already a volume per
        // day; a flow channel is a rate per hour
        boolean dailyTotal = channel.startsWith("daily_");
        long t0 = days.get(0).start();
        double[] t = new double[days.size()];
        double[] rate = new double[days.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (days.get(i).start() - t0) / (double) DAY;
            rate[i] = dailyTotal ? days.get(i).sum() : days.get(i).mean() * 24;
        }
        DeclineForecast f;
        List<DeclineFit> fits;
        try {
            DeclineFitter fitter = new DeclineFitter(terminal / 365);
            fits = fitter.fitAll(t, rate);
            f = new DeclineForecaster(fitter, samples, 1).forecast(t, rate, horizon, step, limit);
        } catch (DeclineFitException e) {
            throw new ApiError(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        JsonWriter w = new JsonWriter().beginObject().field("deviceId", id).field("channel", channel)
                .field("unit", dailyTotal ? "per day (the daily totals)" : "per day (channel unit per hour x 24)").field("firstDay", Instant.ofEpochMilli(t0).toString())
                .field("days", days.size()).field("best", f.best().curve().kind().wireName()).name("fits").beginArray();
        for (DeclineFit fit : fits) {
            w.beginObject().field("model", fit.curve().kind().wireName()).name("qi").value(fit.curve().qi()).name("di")
                    .value(fit.curve().di()).name("b").value(fit.curve().b()).name("dLim").value(fit.curve().dLim())
                    .name("aic").value(fit.aic()).name("rmsLog").value(fit.rmsLog()).endObject();
        }
        w.endArray().name("economicLimit").value(limit).field("samples", f.samples()).name("eur").beginObject().name("p10")
                .value(f.eurP10()).name("p50").value(f.eurP50()).name("p90").value(f.eurP90()).endObject()
                .name("forecast").beginArray();
        for (int k = 0; k < f.days().length; k++) {
            w.beginObject().field("t", Instant.ofEpochMilli(t0 + Math.round(f.days()[k] * DAY)).toString()).name("p10")
                    .value(f.p10()[k]).name("p50").value(f.p50()[k]).name("p90").value(f.p90()[k]).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse anomalies(ApiRequest q) {
        String id = DeviceApi.find(registry, q.pathParams().get(0)).id();
        String channel = q.pathParams().get(1);
        long to = q.time("to", clock.millis() + 1);
        long from = q.time("from", to - DAY);
        if (from >= to) {
            throw ApiError.badRequest("from must be before to");
        }
        int window = (int) range(q, "window", 96, 8, 10_000);
        double threshold = decimal(q, "threshold", 6);
        ChannelType type = kinds.typeOf(id, channel);
        ChannelWatch watch = new ChannelWatch(id, channel, type == ChannelType.COUNTER,
                new ChannelWatch.Settings(window, threshold, 0.05, threshold, 4));
        List<Reading> readings = source.readings(id, channel, from - 2L * window * DAY / 96, to, 1_000_000);
        JsonWriter w = new JsonWriter().beginObject().field("deviceId", id).field("channel", channel)
                .name("threshold").value(threshold).field("window", window).name("anomalies").beginArray();
        for (Reading r : readings) {
            for (Finding f : watch.accept(r.timeMillis(), r.value())) {
                if (f.raised() && r.timeMillis() >= from) {
                    w.beginObject().field("t", Instant.ofEpochMilli(f.timeMillis()).toString());
                    for (java.util.Map.Entry<String, String> e : f.evidence().entrySet()) {
                        w.field(e.getKey(), e.getValue());
                    }
                    w.endObject();
                }
            }
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private record Window(long from, int hours) {
    }

    private Window window(ApiRequest q) {
        int weeks = (int) range(q, "weeks", 4, 2, 12);
        long end = HourlySeries.hourStart(clock.millis());
        return new Window(end - (long) weeks * WEEK * HourlySeries.HOUR, weeks * WEEK);
    }

    private static double coverage(ApiRequest q) {
        double c = decimal(q, "coverage", 0.95);
        if (!Arrays.asList(0.8, 0.9, 0.95).contains(c)) {
            throw ApiError.badRequest("coverage must be 0.8, 0.9 or 0.95");
        }
        return c;
    }

    private static long range(ApiRequest q, String name, long def, long min, long max) {
        long v = q.number(name, def);
        if (v < min || v > max) {
            throw ApiError.badRequest("parameter " + name + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private static long signed(ApiRequest q, String name, long def, long min, long max) {
        String s = q.query().get(name);
        if (s == null) {
            return def;
        }
        try {
            long v = Long.parseLong(s);
            if (v < min || v > max) {
                throw ApiError.badRequest("parameter " + name + " must be " + min + ".." + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter " + name + " must be an integer, got '" + s + "'");
        }
    }

    private static double decimal(ApiRequest q, String name, double def) {
        String s = q.query().get(name);
        if (s == null) {
            return def;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw ApiError.badRequest("parameter " + name + " must be a positive number, got '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter " + name + " must be a number, got '" + s + "'");
        }
    }
}
