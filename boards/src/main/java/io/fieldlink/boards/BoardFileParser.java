package io.fieldlink.boards;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the board file format: UTF-8 text, {@code #} comments, {@code [board]}, {@code [channel NAME]},
 * {@code [output NAME]} and {@code [config NAME]} sections of {@code key = value} lines. Parsed by
 * hand; every error names the file, line and field. See {@code meter.board} for a commented example.
 */
final class BoardFileParser {
    private final String file;

    BoardFileParser(String file) {
        this.file = file;
    }

    List<BoardSection> sections(String text) {
        List<BoardSection> sections = new ArrayList<BoardSection>();
        BoardSection current = null;
        int lineNo = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(start, end).trim();
            start = end + 1;
            if (line.length() == 0 || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '[') {
                current = header(line, lineNo);
                for (int i = 0; i < sections.size(); i++) {
                    if (sections.get(i).label().equals(current.label())) {
                        throw new BoardException(file, lineNo, current.label(), "section given twice (first on line "
                                + sections.get(i).line + ")");
                    }
                }
                sections.add(current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new BoardException(file, lineNo, current == null ? "line" : current.label(),
                        "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (current == null) {
                throw new BoardException(file, lineNo, key, "key outside any section; start with [board]");
            }
            if (!isName(key)) {
                throw new BoardException(file, lineNo, current.label() + ": " + key,
                        "a key is lower-case letters, digits and _");
            }
            if (value.length() == 0) {
                throw new BoardException(file, lineNo, current.label() + ": " + key, "value is empty");
            }
            current.put(key, value, lineNo);
        }
        return sections;
    }

    private BoardSection header(String line, int lineNo) {
        if (line.charAt(line.length() - 1) != ']') {
            throw new BoardException(file, lineNo, "section", "expected '[kind name]', got '" + line + "'");
        }
        String inner = line.substring(1, line.length() - 1).trim();
        int space = inner.indexOf(' ');
        String kind = space < 0 ? inner : inner.substring(0, space);
        String name = space < 0 ? null : inner.substring(space + 1).trim();
        boolean named = kind.equals("channel") || kind.equals("output") || kind.equals("config");
        if (!named && !kind.equals("board")) {
            throw new BoardException(file, lineNo, "section " + inner,
                    "unknown section kind; expected board, channel, output or config");
        }
        if (named != (name != null)) {
            throw new BoardException(file, lineNo, "section " + inner,
                    named ? "needs a name, e.g. [" + kind + " voltage]" : "[board] takes no name");
        }
        if (name != null && !isName(name)) {
            throw new BoardException(file, lineNo, "section " + inner, "a name is lower-case letters, digits and _");
        }
        return new BoardSection(file, kind, name, lineNo);
    }

    static boolean isName(String s) {
        if (s.length() == 0 || s.length() > 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
