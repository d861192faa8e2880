package io.fieldlink.firmware.update;

/**
 * What a boot selector keeps beside the two firmware slots: which slot is good (confirmed
 * healthy), the version each slot holds, a pending trial slot with the boots it has left, the slot
 * running now and the version last rolled back from. The rules:
 *
 * <ul>
 * <li>{@link #selectForBoot()}: with a pending trial, boot it while boots are left (one is used
 *     per boot); when none are left, roll back to the good slot and remember the failed version.
 *     Without a trial, boot the good slot.</li>
 * <li>{@link #confirm()}: the running trial slot becomes the good one.</li>
 * <li>{@link #eraseInactive()} / {@link #markPending}: the slot not running is forgotten before it is
 *     rewritten, and marked for a trial once its image is checked.</li>
 * </ul>
 *
 * <p>Stored as short ASCII text ({@link #encode()}, {@link #decode}) so a technician can read it:
 * <pre>
 * fieldlink-boot 1
 * good=A
 * running=A
 * trial=B
 * boots=3
 * version.A=0.1.0
 * version.B=0.2.0
 * rolledback=
 * </pre>
 * The binding writes it atomically (A/B state slots, or a file replaced with fsync). Versions are
 * 1-64 characters of {@code A-Z a-z 0-9 . _ -}. Not thread-safe.
 */
public final class BootState {
    /** Slot A. */
    public static final int A = 0;
    /** Slot B. */
    public static final int B = 1;
    /** No slot. */
    public static final int NONE = -1;
    private static final String MAGIC = "fieldlink-boot 1";

    private int good;
    private int running;
    private int trial = NONE;
    private int trialBootsLeft;
    private final String[] versions = {"", ""};
    private String rolledBackFrom = "";

    private BootState() {
    }

    /**
     * @param version the factory image's version, in slot A
     * @return a state with A good and running, B empty
     * @throws IllegalArgumentException for a bad version
     */
    public static BootState factory(String version) {
        BootState s = new BootState();
        s.versions[A] = checkVersion(version);
        return s;
    }

    /**
     * @param version a firmware version
     * @return it
     * @throws IllegalArgumentException unless 1-64 characters of A-Z a-z 0-9 . _ - not starting with a dot
     */
    public static String checkVersion(String version) {
        if (version == null || version.length() == 0 || version.length() > 64 || version.charAt(0) == '.') {
            throw new IllegalArgumentException("firmware version must be 1-64 characters of A-Z a-z 0-9 . _ - "
                    + "not starting with a dot, got '" + version + "'");
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-')) {
                throw new IllegalArgumentException("firmware version has a bad character '" + c + "': " + version);
            }
        }
        return version;
    }

    /**
     * The boot selector's step, once per boot, before the firmware runs; the caller stores the state
     * again before booting the slot it returns.
     *
     * @return the slot to boot
     */
    public int selectForBoot() {
        if (trial != NONE) {
            if (trialBootsLeft > 0) {
                trialBootsLeft--;
                running = trial;
                return running;
            }
            rolledBackFrom = versions[trial];
            trial = NONE;
        }
        running = good;
        return running;
    }

    /** @return the slot not running (where an update goes) */
    public int inactive() {
        return 1 - running;
    }

    /**
     * Forgets the inactive slot's image and cancels a pending trial of it.
     *
     * @throws IllegalStateException while the running slot is on trial
     */
    public void eraseInactive() {
        if (onTrial()) {
            throw new IllegalStateException("slot " + name(running) + " is on trial: the inactive slot holds the good image");
        }
        int slot = inactive();
        versions[slot] = "";
        if (trial == slot) {
            trial = NONE;
            trialBootsLeft = 0;
        }
    }

    /**
     * @param version the version now written into the inactive slot
     * @param trialBoots boots it gets to confirm itself, at least 1
     * @throws IllegalArgumentException for a bad version or trial count
     */
    public void markPending(String version, int trialBoots) {
        checkVersion(version);
        if (trialBoots < 1) {
            throw new IllegalArgumentException("trial boots must be at least 1, got " + trialBoots);
        }
        if (onTrial()) {
            throw new IllegalStateException("slot " + name(running) + " is on trial: confirm or roll it back first");
        }
        int slot = inactive();
        versions[slot] = version;
        trial = slot;
        trialBootsLeft = trialBoots;
        rolledBackFrom = "";
    }

    /** @return true when the running slot is on trial and became the good one */
    public boolean confirm() {
        if (!onTrial()) {
            return false;
        }
        good = running;
        trial = NONE;
        trialBootsLeft = 0;
        return true;
    }

    /** Forgets the rolled-back version. */
    public void acknowledgeRollback() {
        rolledBackFrom = "";
    }

    /** @return true while the running slot is a trial not yet confirmed */
    public boolean onTrial() {
        return trial != NONE && running == trial;
    }

    /** @return the good slot */
    public int good() {
        return good;
    }

    /** @return the slot booted last */
    public int running() {
        return running;
    }

    /** @return the pending or running trial slot, or {@link #NONE} */
    public int trial() {
        return trial;
    }

    /** @return boots the trial slot has left */
    public int trialBootsLeft() {
        return trialBootsLeft;
    }

    /** @param slot A or B @return its version, empty when it holds no valid image */
    public String version(int slot) {
        return versions[slot];
    }

    /** @return the version running now */
    public String runningVersion() {
        return versions[running];
    }

    /** @return the version last rolled back from, or null */
    public String rolledBackFrom() {
        return rolledBackFrom.length() == 0 ? null : rolledBackFrom;
    }

    /** @param slot A or B @return "A" or "B" */
    public static String name(int slot) {
        return slot == A ? "A" : slot == B ? "B" : "-";
    }

    /** @return the state as ASCII text (see class comment) */
    public byte[] encode() {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        b.append("good=").append(name(good)).append('\n');
        b.append("running=").append(name(running)).append('\n');
        b.append("trial=").append(name(trial)).append('\n');
        b.append("boots=").append(trialBootsLeft).append('\n');
        b.append("version.A=").append(versions[A]).append('\n');
        b.append("version.B=").append(versions[B]).append('\n');
        b.append("rolledback=").append(rolledBackFrom).append('\n');
        byte[] out = new byte[b.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) b.charAt(i);
        }
        return out;
    }

    /**
     * @param data the stored text
     * @return the state
     * @throws IllegalArgumentException naming the line when it is not a boot state
     */
    public static BootState decode(byte[] data, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = data[offset + i] & 0xff;
            if (c > 0x7e || (c < 0x20 && c != '\n')) {
                throw new IllegalArgumentException("boot state: byte " + i + " is not printable ASCII");
            }
            text.append((char) c);
        }
        String s = text.toString();
        if (!s.startsWith(MAGIC + "\n")) {
            throw new IllegalArgumentException("boot state: does not start with '" + MAGIC + "'");
        }
        BootState st = new BootState();
        int start = MAGIC.length() + 1;
        int seen = 0;
        while (start < s.length()) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                end = s.length();
            }
            String line = s.substring(start, end);
            start = end + 1;
            if (line.length() == 0) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("boot state: line '" + line + "' is not key=value");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("good")) {
                st.good = slot(value, false, line);
            } else if (key.equals("running")) {
                st.running = slot(value, false, line);
            } else if (key.equals("trial")) {
                st.trial = slot(value, true, line);
            } else if (key.equals("boots")) {
                st.trialBootsLeft = count(value, line);
            } else if (key.equals("version.A")) {
                st.versions[A] = value.length() == 0 ? "" : version(value, line);
            } else if (key.equals("version.B")) {
                st.versions[B] = value.length() == 0 ? "" : version(value, line);
            } else if (key.equals("rolledback")) {
                st.rolledBackFrom = value.length() == 0 ? "" : version(value, line);
            } else {
                throw new IllegalArgumentException("boot state: unknown key '" + key + "'");
            }
            seen++;
        }
        if (seen != 7) {
            throw new IllegalArgumentException("boot state: expected 7 keys, found " + seen);
        }
        if (st.versions[st.good].length() == 0) {
            throw new IllegalArgumentException("boot state: good slot " + name(st.good) + " holds no image");
        }
        if (st.trial != NONE && st.versions[st.trial].length() == 0) {
            throw new IllegalArgumentException("boot state: trial slot " + name(st.trial) + " holds no image");
        }
        return st;
    }

    private static int slot(String v, boolean noneAllowed, String line) {
        if (v.equals("A")) {
            return A;
        }
        if (v.equals("B")) {
            return B;
        }
        if (noneAllowed && v.equals("-")) {
            return NONE;
        }
        throw new IllegalArgumentException("boot state: line '" + line + "' must name slot A or B");
    }

    private static int count(String v, String line) {
        if (v.length() == 0 || v.length() > 3) {
            throw new IllegalArgumentException("boot state: line '" + line + "' must be a small count");
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("boot state: line '" + line + "' must be a small count");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String version(String v, String line) {
        try {
            return checkVersion(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("boot state: line '" + line + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        byte[] b = encode();
        StringBuilder s = new StringBuilder(b.length);
        for (int i = 0; i < b.length; i++) {
            s.append(b[i] == '\n' ? ' ' : (char) b[i]);
        }
        return s.toString();
    }
}
