package io.fieldlink.simulator.fleet;

import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.pump.DispenseState;
import io.fieldlink.firmware.pump.PumpApp;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.simulator.physics.StorageCascade;
import io.fieldlink.simulator.physics.VehicleArrivals;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A CNG pump station: vehicles arrive by the hour-of-day demand curve; a booked vehicle shows its
 * booking token, a walk-in asks for a fill without one (and so does a booked vehicle whose token the
 * pump refuses), a no-show never comes. Bookings are made an hour ahead of the arrival, through the
 * host's booking API when the fleet has one ({@link PumpBookings}: the host numbers them and signs
 * the tokens, the pump trusts the host's issuer keys), otherwise minted with the fleet's own issuer
 * key. What the customers did is kept in a {@link StationLog} for the check against the host's
 * books. While the nozzle is up and the valve open, gas flows at 25 g/s as flow pulses and the storage cascade loses pressure; the vehicle lifts
 * the nozzle off when full or when the pump closes the valve at the booked quantity. Faults: a
 * storage leak.
 */
final class PumpBoard extends VirtualBoard {
    private static final double GRAMS_PER_SECOND = 25;
    private static final int PULSES_PER_KG = 1000;

    private final TokenMint mint;
    private final VehicleArrivals arrivals;
    private final StorageCascade cascade = new StorageCascade();
    private final PlannedArrivals waiting = new PlannedArrivals();
    private final String station;
    private final PumpBookings bookings;
    private final String issuerKeys;
    final StationLog log;
    private PumpApp app;
    private long plannedUntil = Long.MIN_VALUE;
    private long bookingCounter;
    /** The grams the vehicle at the nozzle wants, or -1 when none is. */
    private long currentWants = -1;
    private double pulseCarry;
    private long pulses;
    private long leakUntil;
    private boolean quiet;

    /**
     * The booking token the first planned vehicle shows: the host's, or one minted by the fleet when
     * the vehicle shows it (the same token as at planning time: signing is deterministic), so a pump
     * holds no token text an hour ahead.
     */
    private String firstToken() {
        String hostToken = waiting.firstHostToken();
        if (hostToken != null) {
            return hostToken;
        }
        long slotStart = waiting.firstSlotStart();
        long slotEnd = slotStart + 3600;
        return mint.booking(station, waiting.firstBookingId(), waiting.firstWantsGrams(), slotStart, slotEnd,
                slotEnd + 3600, TokenClaims.ANY_PUMP);
    }

    /**
     * @param bookings the host's booking API, or null to mint the bookings with {@code mint}
     * @param issuerKeys with {@code bookings}: the host's issuer keys as the pump's config
     */
    PumpBoard(String id, int index, long seed, FleetSpec spec, TokenMint mint, PumpBookings bookings, String issuerKeys) {
        super(id, index, seed, spec);
        this.mint = mint;
        this.bookings = bookings;
        this.issuerKeys = issuerKeys;
        this.arrivals = new VehicleArrivals(seed, ZoneOffset.UTC, spec.bookedShare, spec.noShowShare, spec.vehiclesPerPeakHour);
        this.station = bookings != null ? spec.idPrefix + "stn-" + String.format("%05d", index) : "STN" + String.format("%05d", index);
        this.log = new StationLog(id, station, bookings != null); // ids only for the check against the host
        actuators.add("valve").add("buzzer");
    }

    PumpBoard(String id, int index, long seed, FleetSpec spec, TokenMint mint) {
        this(id, index, seed, spec, mint, null, null);
    }

    @Override
    String variant() {
        return "pump";
    }

    @Override
    String kind() {
        return "pump";
    }

    @Override
    long samplePeriodMillis() {
        return spec.pumpSampleMillis;
    }

    @Override
    void configure(Map<String, String> config) {
        config.put("station_code", station);
        config.put("pump_number", "1");
        config.put("walk_in", "true");
        config.put(PumpApp.ISSUER_KEYS, issuerKeys != null ? issuerKeys
                : Hex.encode(mint.key().keyId()) + ":" + mint.key().publicKeyHex());
    }

    @Override
    BoardApp newApp() {
        app = new PumpApp();
        currentWants = -1;
        sensors.set("nozzle", 0);
        return app;
    }

    @Override
    void physics(long now, long dt) {
        boolean nozzle = currentWants >= 0;
        boolean flowing = nozzle && actuators.get("valve") != 0;
        if (flowing && dt > 0) {
            double grams = GRAMS_PER_SECOND * dt / 1000.0;
            pulseCarry += grams * PULSES_PER_KG / 1000.0;
            long whole = (long) pulseCarry;
            pulses += whole;
            pulseCarry -= whole;
            cascade.dispensed((long) grams);
        }
        cascade.leak(now < leakUntil ? 300 : 0);
        cascade.advance(dt);
        sensors.set("flow_pulses", pulses).set("dispensed_mass", pulses * 1000 / PULSES_PER_KG)
                .set("storage_pressure", Math.round(cascade.pressureKpa() / 10)).set("nozzle", nozzle ? 1 : 0);
    }

    @Override
    void world(long now) {
        if (quiet && board.context().uplink() != null && board.context().journal().unackedCount() > 0) {
            // the run's quiet end: the pump's 5-minute station telemetry would otherwise wait for the
            // next periodic report, so some pump always holds a record and the fleet never drains
            board.context().uplink().reportNow();
        }
        plan(now);
        if (currentWants >= 0) {
            DispenseState state = app.station().state();
            boolean stopped = state == DispenseState.IDLE || (state == DispenseState.DISPENSING && actuators.get("valve") == 0);
            if (stopped || app.station().fillGrams() >= currentWants) {
                currentWants = -1; // full, or the pump stopped: the nozzle goes back on the next sample
            }
            return;
        }
        if (!spec.serveBeforeClockKnown && !clock.wallTimeKnown()) {
            return;
        }
        while (!waiting.isEmpty() && waiting.firstArrivalMillis() <= now) {
            if (waiting.firstNoShow()) {
                waiting.removeFirst();
                continue;
            }
            long wants = waiting.firstWantsGrams();
            long bookingId = waiting.firstBookingId();
            boolean booked = waiting.firstHostToken() != null || bookingId > 0;
            boolean authorised = false;
            if (booked) {
                String token = firstToken();
                waiting.removeFirst();
                authorised = app.station().scan(token, wall()).accepted();
                if (authorised) {
                    if (bookings != null) { // the station log is for the check against the host's books
                        log.accepted.add(bookingId);
                    }
                } else {
                    log.refusedScans++;
                }
            } else {
                waiting.removeFirst();
            }
            if (!authorised) {
                authorised = app.station().walkIn(wall());
                if (authorised) {
                    log.walkIns++;
                }
            }
            if (authorised) {
                currentWants = wants;
                return;
            }
        }
    }

    /** Books the vehicles of the next hours an hour ahead of their arrival. */
    private void plan(long now) {
        long hour = Math.floorDiv(now, 3_600_000L) * 3_600_000L;
        if (plannedUntil == Long.MIN_VALUE) {
            plannedUntil = hour;
        }
        while (plannedUntil <= hour + 3_600_000L) {
            List<VehicleArrivals.Vehicle> vs = arrivals.inHour(plannedUntil);
            for (VehicleArrivals.Vehicle v : vs) {
                if (v.arrivalMillis() < now) {
                    continue;
                }
                String token = null;
                long bookingId = -1;
                long slotStart = 0;
                if (v.booked()) {
                    long offset = wall() - now;
                    slotStart = (v.arrivalMillis() + offset) / 1000 - 1800;
                    long slotEnd = slotStart + 3600;
                    if (bookings == null) {
                        bookingId = ++bookingCounter; // minted when the vehicle shows it
                    } else {
                        PumpBookings.Made made = book(slotStart * 1000, slotEnd * 1000, v.wantsGrams());
                        if (made != null) {
                            bookingId = made.id();
                            token = made.token();
                            if (v.noShow()) {
                                log.noShows.add(bookingId);
                            }
                        }
                    }
                }
                if (!v.noShow()) { // a no-show is booked (and logged) but never comes: nothing to keep
                    waiting.add(v.arrivalMillis(), v.wantsGrams(), v.booked(), false, token, bookingId, slotStart);
                }
            }
            plannedUntil += 3_600_000L;
        }
    }

    /** Books through the host; a refusal is logged and the vehicle comes as a walk-in. */
    private PumpBookings.Made book(long slotStart, long slotEnd, long grams) {
        try {
            PumpBookings.Made made = bookings.book(station, slotStart, slotEnd, grams);
            if (log.booked.put(made.id(), grams) != null) {
                throw new java.io.IOException("the host gave booking id " + made.id() + " at " + station + " twice");
            }
            return made;
        } catch (java.io.IOException | RuntimeException e) {
            log.bookingFailures++;
            if (log.firstFailure == null) {
                log.firstFailure = e.getMessage();
            }
            return null;
        }
    }

    @Override
    void quiesce() {
        leakUntil = 0;
        quiet = true;
    }

    /** A storage leak for a few hours. */
    void incident(long now) {
        leakUntil = now + 3_600_000L * (1 + faults.nextInt(4));
    }

    /** Pumps have no sensor faults of their own in this model; a stuck nozzle switch would stop sales. */
    void sensorFault(long now) {
        incident(now);
    }
}
