package io.fieldlink.fieldctl.serial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One machine-mode reply line of a board's console: {@code OK key=value key="quoted value" ...} or
 * {@code ERR <code> <message>}.
 */
public record BoardReply(boolean ok, Map<String, String> fields, String errorCode, String errorMessage) {
    /** Whether a console line is a machine-mode reply at all (boards may print other lines in between). */
    public static boolean isReply(String line) {
        return line.equals("OK") || line.startsWith("OK ") || line.startsWith("ERR ");
    }

    /** Parses a reply line; anything else is an {@link IllegalArgumentException} saying what is wrong. */
    public static BoardReply parse(String line) {
        if (line.startsWith("ERR ")) {
            String rest = line.substring(4);
            int space = rest.indexOf(' ');
            String code = space < 0 ? rest : rest.substring(0, space);
            return new BoardReply(false, Map.of(), code, space < 0 ? "" : rest.substring(space + 1));
        }
        if (!line.equals("OK") && !line.startsWith("OK ")) {
            throw new IllegalArgumentException("not a machine-mode reply: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 2;
        while (i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= line.length()) {
                break;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("reply field without '=' at column " + i + ": " + line);
            }
            String key = line.substring(i, eq);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < line.length()) {
                        c = line.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unterminated quoted value of " + key + ": " + line);
                }
                i++;
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    value.append(line.charAt(i++));
                }
            }
            fields.put(key, value.toString());
        }
        return new BoardReply(true, fields, null, null);
    }
}
