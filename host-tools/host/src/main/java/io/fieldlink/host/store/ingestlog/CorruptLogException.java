package io.fieldlink.host.store.ingestlog;

import io.fieldlink.host.HostException;
import java.nio.file.Path;

/**
 * The ingest log holds something that is not a torn tail: a frame that fails its CRC or length check
 * with more log after it, a gap between segments, or a segment missing before what the store applied.
 * Start-up stops rather than skip acknowledged data.
 */
public final class CorruptLogException extends HostException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long offset;

    /**
     * @param file the segment concerned
     * @param offset byte offset of the bad frame in {@code file}
     * @param what what is wrong there
     */
    public CorruptLogException(Path file, long offset, String what) {
        super("ingest log " + file + " is corrupt at offset " + offset + ": " + what
                + "; acknowledged uplinks may be in it, so the host does not start (restore the file or move it away"
                + " knowingly)");
        this.file = file;
        this.offset = offset;
    }

    /** @return the segment concerned */
    public Path file() {
        return file;
    }

    /** @return byte offset of the bad frame in {@link #file()} */
    public long offset() {
        return offset;
    }
}
