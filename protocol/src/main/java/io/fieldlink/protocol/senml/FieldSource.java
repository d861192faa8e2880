package io.fieldlink.protocol.senml;

/**
 * One SenML record as a codec reads it. A codec says how it reads each kind of value from its syntax
 * (CBOR items, JSON tokens); which label goes into which {@link SenmlRecord} field, and the rules
 * every record obeys (no field twice, at most one kind of value), are the same for both and live
 * here once. Not thread-safe: a codec uses one source per decode.
 */
abstract class FieldSource {
    private static final int VALUE_BITS = SenmlLabel.bit(SenmlLabel.VALUE) | SenmlLabel.bit(SenmlLabel.STRING_VALUE)
            | SenmlLabel.bit(SenmlLabel.BOOL_VALUE) | SenmlLabel.bit(SenmlLabel.DATA_VALUE);

    /** Position of the record being read in its pack, for error messages. */
    int index;
    private int seen;

    /** Starts record {@code index}: no field seen yet. */
    final void startRecord(int index) {
        this.index = index;
        this.seen = 0;
    }

    /** Refuses an unknown label that RFC 8428 says must be understood (its name ends with '_'). */
    final void unknown(String name) {
        if (SenmlLabel.mustUnderstand(name)) {
            throw new SenmlException("senml[" + index + "]: unsupported must-understand field " + name);
        }
    }

    /** Reads the value of {@code label} into {@code rec}, refusing a repeated field or a second kind of value. */
    final void read(int label, SenmlRecord rec) {
        int bit = SenmlLabel.bit(label);
        if ((seen & bit) != 0) {
            throw new SenmlException("senml[" + index + "]: duplicate field " + SenmlLabel.jsonName(label));
        }
        if ((bit & VALUE_BITS) != 0 && (seen & VALUE_BITS) != 0) {
            throw new SenmlException("senml[" + index + "]: more than one value field");
        }
        seen |= bit;
        switch (label) {
            case SenmlLabel.BASE_NAME:
                rec.baseName(text(label));
                return;
            case SenmlLabel.BASE_TIME:
                rec.baseTime(number(label));
                return;
            case SenmlLabel.BASE_UNIT:
                rec.baseUnit(text(label));
                return;
            case SenmlLabel.BASE_VALUE:
                rec.baseValue(number(label));
                return;
            case SenmlLabel.BASE_SUM:
                rec.baseSum(number(label));
                return;
            case SenmlLabel.BASE_VERSION:
                rec.baseVersion(version(label));
                return;
            case SenmlLabel.NAME:
                rec.name(text(label));
                return;
            case SenmlLabel.UNIT:
                rec.unit(text(label));
                return;
            case SenmlLabel.VALUE:
                rec.value(number(label));
                return;
            case SenmlLabel.STRING_VALUE:
                rec.stringValue(text(label));
                return;
            case SenmlLabel.BOOL_VALUE:
                rec.boolValue(bool(label));
                return;
            case SenmlLabel.DATA_VALUE:
                rec.dataValue(data(label));
                return;
            case SenmlLabel.SUM:
                rec.sum(number(label));
                return;
            case SenmlLabel.TIME:
                rec.time(number(label));
                return;
            default:
                rec.updateTime(number(label));
        }
    }

    /** An error naming the record and field: "senml[3].v: expected number, found text". */
    final SenmlException wrong(int label, String expected, String found) {
        return new SenmlException("senml[" + index + "]." + SenmlLabel.jsonName(label) + ": expected " + expected
                + ", found " + found);
    }

    abstract String text(int label);

    abstract double number(int label);

    abstract boolean bool(int label);

    abstract byte[] data(int label);

    abstract long version(int label);
}
