package io.fieldlink.protocol.senml;

import java.util.Arrays;

/**
 * One SenML record (RFC 8428 §4): base fields, name, unit, at most one of value / string value /
 * boolean value / data value, sum, time and update time. Absent fields are null (text, data) or
 * flagged by {@code hasX()} (numbers, boolean). Times are seconds (RFC 8428 §4.5.3: below 2^28 is
 * relative to now).
 *
 * <p>Mutable and reusable so a device can refill the same records every cycle without garbage:
 * {@link SenmlPack#add()} hands out cleared ones. Setters return {@code this}; setting one kind of
 * value clears the others. Not thread-safe.
 */
public final class SenmlRecord {
    private static final int BASE_TIME = 1;
    private static final int BASE_VALUE = 1 << 1;
    private static final int BASE_SUM = 1 << 2;
    private static final int BASE_VERSION = 1 << 3;
    private static final int VALUE = 1 << 4;
    private static final int BOOL_VALUE = 1 << 5;
    private static final int SUM = 1 << 6;
    private static final int TIME = 1 << 7;
    private static final int UPDATE_TIME = 1 << 8;

    private int present;
    private String baseName;
    private double baseTime;
    private String baseUnit;
    private double baseValue;
    private double baseSum;
    private long baseVersion;
    private String name;
    private String unit;
    private double value;
    private String stringValue;
    private boolean boolValue;
    private byte[] dataValue;
    private double sum;
    private double time;
    private double updateTime;

    /** Removes every field. */
    public SenmlRecord clear() {
        present = 0;
        baseName = null;
        baseUnit = null;
        name = null;
        unit = null;
        stringValue = null;
        dataValue = null;
        return this;
    }

    public SenmlRecord baseName(String v) {
        baseName = v;
        return this;
    }

    public SenmlRecord baseTime(double seconds) {
        baseTime = seconds;
        present |= BASE_TIME;
        return this;
    }

    public SenmlRecord baseUnit(String v) {
        baseUnit = v;
        return this;
    }

    public SenmlRecord baseValue(double v) {
        baseValue = v;
        present |= BASE_VALUE;
        return this;
    }

    public SenmlRecord baseSum(double v) {
        baseSum = v;
        present |= BASE_SUM;
        return this;
    }

    /** The SenML version (10 when absent). */
    public SenmlRecord baseVersion(long v) {
        baseVersion = v;
        present |= BASE_VERSION;
        return this;
    }

    public SenmlRecord name(String v) {
        name = v;
        return this;
    }

    public SenmlRecord unit(String v) {
        unit = v;
        return this;
    }

    public SenmlRecord value(double v) {
        clearValues();
        value = v;
        present |= VALUE;
        return this;
    }

    public SenmlRecord stringValue(String v) {
        clearValues();
        stringValue = v;
        return this;
    }

    public SenmlRecord boolValue(boolean v) {
        clearValues();
        boolValue = v;
        present |= BOOL_VALUE;
        return this;
    }

    /** The data value; the array is kept, not copied. */
    public SenmlRecord dataValue(byte[] v) {
        clearValues();
        dataValue = v;
        return this;
    }

    public SenmlRecord sum(double v) {
        sum = v;
        present |= SUM;
        return this;
    }

    public SenmlRecord time(double seconds) {
        time = seconds;
        present |= TIME;
        return this;
    }

    public SenmlRecord updateTime(double seconds) {
        updateTime = seconds;
        present |= UPDATE_TIME;
        return this;
    }

    private void clearValues() {
        present &= ~(VALUE | BOOL_VALUE);
        stringValue = null;
        dataValue = null;
    }

    public String baseName() {
        return baseName;
    }

    public boolean hasBaseTime() {
        return (present & BASE_TIME) != 0;
    }

    public double baseTime() {
        return baseTime;
    }

    public String baseUnit() {
        return baseUnit;
    }

    public boolean hasBaseValue() {
        return (present & BASE_VALUE) != 0;
    }

    public double baseValue() {
        return baseValue;
    }

    public boolean hasBaseSum() {
        return (present & BASE_SUM) != 0;
    }

    public double baseSum() {
        return baseSum;
    }

    public boolean hasBaseVersion() {
        return (present & BASE_VERSION) != 0;
    }

    public long baseVersion() {
        return baseVersion;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public boolean hasValue() {
        return (present & VALUE) != 0;
    }

    public double value() {
        return value;
    }

    public String stringValue() {
        return stringValue;
    }

    public boolean hasBoolValue() {
        return (present & BOOL_VALUE) != 0;
    }

    public boolean boolValue() {
        return boolValue;
    }

    public byte[] dataValue() {
        return dataValue;
    }

    public boolean hasSum() {
        return (present & SUM) != 0;
    }

    public double sum() {
        return sum;
    }

    public boolean hasTime() {
        return (present & TIME) != 0;
    }

    public double time() {
        return time;
    }

    public boolean hasUpdateTime() {
        return (present & UPDATE_TIME) != 0;
    }

    public double updateTime() {
        return updateTime;
    }

    /** Copies every field of {@code other} into this record. */
    public SenmlRecord copyFrom(SenmlRecord other) {
        present = other.present;
        baseName = other.baseName;
        baseTime = other.baseTime;
        baseUnit = other.baseUnit;
        baseValue = other.baseValue;
        baseSum = other.baseSum;
        baseVersion = other.baseVersion;
        name = other.name;
        unit = other.unit;
        value = other.value;
        stringValue = other.stringValue;
        boolValue = other.boolValue;
        dataValue = other.dataValue;
        sum = other.sum;
        time = other.time;
        updateTime = other.updateTime;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SenmlRecord)) {
            return false;
        }
        SenmlRecord r = (SenmlRecord) o;
        return present == r.present && same(baseName, r.baseName) && same(baseUnit, r.baseUnit)
                && same(name, r.name) && same(unit, r.unit) && same(stringValue, r.stringValue)
                && Arrays.equals(dataValue, r.dataValue) && (!hasBoolValue() || boolValue == r.boolValue)
                && (!hasBaseVersion() || baseVersion == r.baseVersion)
                && num(BASE_TIME, baseTime, r.baseTime) && num(BASE_VALUE, baseValue, r.baseValue)
                && num(BASE_SUM, baseSum, r.baseSum) && num(VALUE, value, r.value) && num(SUM, sum, r.sum)
                && num(TIME, time, r.time) && num(UPDATE_TIME, updateTime, r.updateTime);
    }

    private boolean num(int flag, double a, double b) {
        return (present & flag) == 0 || Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int hashCode() {
        int h = present;
        h = h * 31 + (name == null ? 0 : name.hashCode());
        h = h * 31 + (baseName == null ? 0 : baseName.hashCode());
        return h * 31 + (hasValue() ? (int) Double.doubleToLongBits(value) : 0);
    }

    /** The record as SenML JSON, e.g. {@code {"n":"temp","u":"Cel","v":23.1}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        SenmlJson.writeRecord(this, new io.fieldlink.protocol.json.JsonWriter(sb));
        return sb.toString();
    }
}
