package io.fieldlink.firmware.console;

import java.util.ArrayList;
import java.util.List;

/**
 * One console line split into words by hand: blanks separate words; a word in double quotes may
 * hold blanks ({@code config set friendly_hours "18:00-08:00"}). Immutable.
 */
public final class CommandLine {
    private final String text;
    private final List<String> words;
    private final String error;

    private CommandLine(String text, List<String> words, String error) {
        this.text = text;
        this.words = words;
        this.error = error;
    }

    /**
     * @param line the raw line
     * @return the parsed line ({@link #error()} is set for an unterminated quote)
     */
    public static CommandLine parse(String line) {
        List<String> words = new ArrayList<String>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (c >= ' ') {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return new CommandLine(line, words, quoted ? "unterminated quote" : null);
    }

    /** @return the raw line */
    public String text() {
        return text;
    }

    /** @return number of words, command included */
    public int count() {
        return words.size();
    }

    /**
     * @param i 0 for the command, 1.. for arguments
     * @return the word, or null if there is none
     */
    public String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    /** @return a parse error, or null */
    public String error() {
        return error;
    }
}
