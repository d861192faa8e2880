package io.fieldlink.firmware.console;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.journal.Settings;

/**
 * The technician login: a PIN check with a lock-out after each wrong PIN of 1 minute, doubling up to
 * 512 minutes (the OpenPAYGO audit's back-off), and a session that ends after 15 idle minutes.
 * The count of failed tries is persisted, and a boot with failures pending starts the lock-out
 * again, so a reboot cannot skip it. Time comes from the HAL clock. Event-loop thread only.
 */
public final class TechnicianLock {
    /** First lock-out, ms. */
    public static final long FIRST_LOCKOUT_MILLIS = 60000L;
    /** Longest lock-out, ms (512 minutes). */
    public static final long MAX_LOCKOUT_MILLIS = 512L * 60000L;
    /** Idle time after which a session ends, ms. */
    public static final long SESSION_IDLE_MILLIS = 15L * 60000L;

    static final String FAILURES_KEY = "console.failures";

    private final Clock clock;
    private final Settings settings;
    private final PinSource pin;
    private int failures;
    private long lockedUntil;
    private boolean loggedIn;
    private long lastActivity;

    /**
     * @param clock the board clock
     * @param settings where the failure count persists
     * @param pin the PIN source
     */
    public TechnicianLock(Clock clock, Settings settings, PinSource pin) {
        this.clock = clock;
        this.settings = settings;
        this.pin = pin;
        this.failures = (int) settings.getLong(FAILURES_KEY, 0);
        this.lockedUntil = failures > 0 ? clock.monotonicMillis() + lockout(failures) : 0;
    }

    /**
     * @param failures failed tries so far (at least 1)
     * @return the lock-out they earn, ms
     */
    public static long lockout(int failures) {
        long ms = FIRST_LOCKOUT_MILLIS;
        for (int i = 1; i < failures && ms < MAX_LOCKOUT_MILLIS; i++) {
            ms *= 2;
        }
        return Math.min(ms, MAX_LOCKOUT_MILLIS);
    }

    /**
     * Tries a PIN.
     *
     * @param candidate the PIN typed
     * @return null on success, else the reason ({@code locked ...} or {@code wrong PIN ...})
     */
    public String login(String candidate) {
        long now = clock.monotonicMillis();
        if (now < lockedUntil) {
            return "locked for " + ((lockedUntil - now + 999) / 1000) + " s";
        }
        if (candidate != null && constantTimeEquals(candidate, pin.pin())) {
            loggedIn = true;
            lastActivity = now;
            if (failures != 0) {
                failures = 0;
                settings.put(FAILURES_KEY, null);
                settings.commit();
            }
            return null;
        }
        failures++;
        settings.put(FAILURES_KEY, Integer.toString(failures));
        settings.commit();
        long wait = lockout(failures);
        lockedUntil = now + wait;
        loggedIn = false;
        return "wrong PIN; locked for " + (wait / 1000) + " s";
    }

    /** Ends the session. */
    public void logout() {
        loggedIn = false;
    }

    /** @return true if a session is open and not idle too long; refreshes the idle timer */
    public boolean touch() {
        long now = clock.monotonicMillis();
        if (loggedIn && now - lastActivity > SESSION_IDLE_MILLIS) {
            loggedIn = false;
        }
        if (loggedIn) {
            lastActivity = now;
        }
        return loggedIn;
    }

    /** @return failed tries since the last good login */
    public int failures() {
        return failures;
    }

    /** @return ms until a login may be tried, 0 if now */
    public long lockedForMillis() {
        return Math.max(0, lockedUntil - clock.monotonicMillis());
    }

    private static boolean constantTimeEquals(String a, String b) {
        if (b == null || a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }
}
