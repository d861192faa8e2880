package io.fieldlink.fieldctl;

/** fieldctl's exit codes, the same for every command. */
public final class ExitCodes {
    /** Done; every command or check succeeded. */
    public static final int OK = 0;
    /** The board answered ERR, or a token was rejected. */
    public static final int REFUSED = 1;
    /** Bad usage: an unknown option, a missing argument, a malformed value. */
    public static final int USAGE = 2;
    /** A port, file or connection could not be used, or the board did not answer in time. */
    public static final int IO = 3;

    private ExitCodes() {
    }
}
