package io.fieldlink.protocol.senml;

/**
 * Resolves a pack to absolute records (RFC 8428 §4.6): each resolved record has its full name
 * (base name + name), unit (unit, else base unit), value (base value + value), sum (base sum + sum),
 * an absolute time (base time + time; a result below 2^28 is relative and gets {@code now} added)
 * and no other base fields, except a base version other than 10. Base fields apply from the record
 * that sets them to the end of the pack or until set again. Stateless and thread-safe.
 */
public final class SenmlResolver {
    /** Times below this are relative to now (RFC 8428 §4.5.3). */
    public static final double RELATIVE_LIMIT = 268435456.0;
    private static final long DEFAULT_VERSION = 10;

    private SenmlResolver() {
    }

    /**
     * @param nowSeconds the current time, seconds since the Unix epoch, for relative times
     * @throws SenmlException if a resolved name is empty or uses a character SenML names may not,
     *     if records disagree on the version, or if a record has no value and no sum
     */
    public static SenmlPack resolve(SenmlPack pack, double nowSeconds) {
        return resolve(pack, nowSeconds, new SenmlPack(), null);
    }

    /**
     * As {@link #resolve(SenmlPack, double)}, into {@code out} (cleared first, its records reused;
     * on failure its content is unspecified).
     *
     * @param names names resolved before (base name + name, already checked), or null
     * @return {@code out}
     */
    public static SenmlPack resolve(SenmlPack pack, double nowSeconds, SenmlPack out, ResolvedNames names) {
        out.clear();
        String baseName = "";
        double baseTime = 0;
        String baseUnit = null;
        double baseValue = 0;
        double baseSum = 0;
        long version = DEFAULT_VERSION;
        for (int i = 0; i < pack.size(); i++) {
            SenmlRecord r = pack.get(i);
            if (r.baseName() != null) {
                baseName = r.baseName();
            }
            if (r.hasBaseTime()) {
                baseTime = r.baseTime();
            }
            if (r.baseUnit() != null) {
                baseUnit = r.baseUnit();
            }
            if (r.hasBaseValue()) {
                baseValue = r.baseValue();
            }
            if (r.hasBaseSum()) {
                baseSum = r.baseSum();
            }
            if (r.hasBaseVersion()) {
                if (i > 0 && r.baseVersion() != version) {
                    throw new SenmlException("senml[" + i + "].bver: " + r.baseVersion() + " differs from " + version);
                }
                version = r.baseVersion();
            }
            SenmlRecord res = out.add();
            String name = names != null ? names.find(baseName, r.name()) : null;
            if (name == null) {
                name = r.name() == null ? baseName : baseName.length() == 0 ? r.name() : baseName + r.name();
                checkName(name, i);
                if (names != null) {
                    names.keep(baseName, r.name(), name);
                }
            }
            res.name(name);
            String unit = r.unit() != null ? r.unit() : baseUnit;
            if (unit != null) {
                res.unit(unit);
            }
            double time = baseTime + (r.hasTime() ? r.time() : 0);
            res.time(time < RELATIVE_LIMIT ? nowSeconds + time : time);
            if (r.hasUpdateTime()) {
                res.updateTime(r.updateTime());
            }
            if (r.hasValue()) {
                res.value(baseValue + r.value());
            } else if (r.stringValue() != null) {
                res.stringValue(r.stringValue());
            } else if (r.hasBoolValue()) {
                res.boolValue(r.boolValue());
            } else if (r.dataValue() != null) {
                res.dataValue(r.dataValue());
            } else if (!r.hasSum()) {
                throw new SenmlException("senml[" + i + "]: record has no value and no sum");
            }
            if (r.hasSum()) {
                res.sum(baseSum + r.sum());
            }
            if (version != DEFAULT_VERSION) {
                res.baseVersion(version);
            }
        }
        return out;
    }

    /** RFC 8428 §4.5.1: starts with a letter or digit; then letters, digits, '-', ':', '.', '/', '_'. */
    static void checkName(String name, int index) {
        if (name.length() == 0) {
            throw new SenmlException("senml[" + index + "]: resolved name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '-' && c != ':' && c != '.' && c != '/' && c != '_'))) {
                throw new SenmlException("senml[" + index + "]: resolved name \"" + name
                        + "\" has a character not allowed at index " + i);
            }
        }
    }
}
