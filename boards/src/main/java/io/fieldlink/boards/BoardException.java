package io.fieldlink.boards;

/**
 * A board definition is wrong: names the file, the line (1-based; 0 when the whole file is at fault)
 * and the field. The root unchecked exception of the boards module.
 */
public class BoardException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String field;

    /**
     * @param file the file name or path
     * @param line 1-based line, 0 if none
     * @param field the field at fault, e.g. {@code channel voltage: scale}
     * @param reason what is wrong with it
     */
    public BoardException(String file, int line, String field, String reason) {
        super(file + ":" + line + ": " + field + ": " + reason);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** @return the file name or path */
    public String file() {
        return file;
    }

    /** @return the 1-based line, 0 if none */
    public int line() {
        return line;
    }

    /** @return the field at fault */
    public String field() {
        return field;
    }
}
