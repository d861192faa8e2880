package io.fieldlink.protocol.cbor;

/**
 * Bounds a {@link CborReader} enforces on untrusted input, so that a hostile or broken peer cannot
 * make the decoder recurse, loop or allocate without bound. Immutable.
 */
public final class CborLimits {
    /**
     * Safe defaults for Fieldlink payloads: depth 16, 4,096 items per container, 64 KiB per string,
     * 65,536 items per reader.
     */
    public static final CborLimits DEFAULTS = new CborLimits(16, 4096, 65536, 65536);

    private final int maxDepth;
    private final int maxContainerItems;
    private final int maxStringLength;
    private final int maxTotalItems;

    /**
     * @param maxDepth deepest nesting of arrays, maps and tags, at least 1
     * @param maxContainerItems most elements in one array, or pairs in one map
     * @param maxStringLength most bytes in one byte or text string (all chunks together)
     * @param maxTotalItems most data items one reader will read (every head counts)
     * @throws IllegalArgumentException if a limit is below 1
     */
    public CborLimits(int maxDepth, int maxContainerItems, int maxStringLength, int maxTotalItems) {
        if (maxDepth < 1 || maxContainerItems < 1 || maxStringLength < 1 || maxTotalItems < 1) {
            throw new IllegalArgumentException("CBOR limits must be at least 1");
        }
        this.maxDepth = maxDepth;
        this.maxContainerItems = maxContainerItems;
        this.maxStringLength = maxStringLength;
        this.maxTotalItems = maxTotalItems;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxContainerItems() {
        return maxContainerItems;
    }

    public int maxStringLength() {
        return maxStringLength;
    }

    public int maxTotalItems() {
        return maxTotalItems;
    }
}
