package io.fieldlink.firmware.console;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command answers: key=value fields and human text, then success or an error. In machine
 * mode it becomes exactly one line, {@code OK key=value ...} or {@code ERR code message}; values
 * holding blanks, quotes or '=' are double-quoted with {@code \"} and {@code \\} escapes. In human
 * mode it becomes readable lines. Event-loop thread only.
 */
public final class Reply {
    private final List<String> keys = new ArrayList<String>();
    private final List<String> values = new ArrayList<String>();
    private final List<String> text = new ArrayList<String>();
    private String errorCode;
    private String errorMessage;

    /**
     * @param key a field name (no blanks)
     * @param value its value
     * @return this
     */
    public Reply field(String key, String value) {
        keys.add(key);
        values.add(value);
        return this;
    }

    /**
     * @param key a field name
     * @param value its value
     * @return this
     */
    public Reply field(String key, long value) {
        return field(key, Long.toString(value));
    }

    /**
     * @param line a line for humans only (machine mode drops it)
     * @return this
     */
    public Reply text(String line) {
        text.add(line);
        return this;
    }

    /**
     * Marks the reply failed; fields are dropped.
     *
     * @param code short machine code, e.g. {@code usage}, {@code denied}
     * @param message one-line human message
     * @return this
     */
    public Reply error(String code, String message) {
        errorCode = code;
        errorMessage = message;
        return this;
    }

    /** @return true if {@link #error} was called */
    public boolean failed() {
        return errorCode != null;
    }

    /** @return the error code, or null */
    public String errorCode() {
        return errorCode;
    }

    String machineLine() {
        StringBuilder sb = new StringBuilder();
        if (errorCode != null) {
            return sb.append("ERR ").append(errorCode).append(' ').append(oneLine(errorMessage)).toString();
        }
        sb.append("OK");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(' ').append(keys.get(i)).append('=');
            quote(sb, values.get(i));
        }
        return sb.toString();
    }

    List<String> humanLines() {
        List<String> out = new ArrayList<String>();
        if (errorCode != null) {
            out.add("error: " + oneLine(errorMessage) + " (" + errorCode + ")");
            return out;
        }
        out.addAll(text);
        for (int i = 0; i < keys.size(); i++) {
            out.add(keys.get(i) + ": " + values.get(i));
        }
        if (out.isEmpty()) {
            out.add("ok");
        }
        return out;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    static void quote(StringBuilder sb, String v) {
        boolean plain = v.length() > 0;
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\';
        }
        if (plain) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < ' ' ? ' ' : c);
        }
        sb.append('"');
    }
}
