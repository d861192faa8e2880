package io.fieldlink.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads board definitions: the built-in ones shipped in this jar ({@link #builtIn}) or any file the
 * caller opens ({@link #load}; on the JVM: {@code BoardLoader.load(path.toString(),
 * Files.newInputStream(path))}). A bad file is refused with a {@link BoardException} naming the file,
 * line and field. Stateless and thread-safe.
 */
public final class BoardLoader {
    /** Names of the definitions shipped in the jar. */
    public static final String[] BUILT_IN = {"meter", "pump", "wellhead"};

    private static final int MAX_FILE_BYTES = 256 * 1024;

    private BoardLoader() {
    }

    /**
     * @param name a name from {@link #BUILT_IN}
     * @return the definition from resource {@code /io/fieldlink/boards/NAME.board}
     * @throws BoardException if there is no such built-in board or it cannot be read
     */
    public static BoardDefinition builtIn(String name) {
        String file = name + ".board";
        InputStream in = BoardLoader.class.getResourceAsStream(file);
        if (in == null || !BoardFileParser.isName(name)) {
            throw new BoardException(file, 0, "board", "no built-in board named '" + name + "'");
        }
        return load(file, in);
    }

    /**
     * Reads and closes the stream.
     *
     * @param file the file name or path, used in error messages
     * @param in the file's bytes (UTF-8)
     * @return the definition
     * @throws BoardException if the file is unreadable or wrong
     */
    public static BoardDefinition load(String file, InputStream in) {
        return parse(file, readUtf8(file, in));
    }

    /**
     * @param file the file name, used in error messages
     * @param text the file's content
     * @return the definition
     * @throws BoardException if the content is wrong
     */
    public static BoardDefinition parse(String file, String text) {
        List<BoardSection> sections = new BoardFileParser(file).sections(text);
        BoardSection board = null;
        List<ChannelDefinition> channels = new ArrayList<ChannelDefinition>();
        List<OutputDefinition> outputs = new ArrayList<OutputDefinition>();
        List<ConfigKey> config = new ArrayList<ConfigKey>();
        for (int i = 0; i < sections.size(); i++) {
            BoardSection s = sections.get(i);
            if (s.kind.equals("board")) {
                board = s;
                continue;
            } else if (s.kind.equals("channel")) {
                channels.add(ChannelReader.read(s));
            } else if (s.kind.equals("output")) {
                outputs.add(new OutputDefinition(s.name, s.required("kind"), s.integer("safe_value", 0, 65535, 0)));
            } else {
                config.add(configKey(s));
            }
            s.rejectUnknownKeys();
        }
        if (board == null) {
            throw new BoardException(file, 0, "board", "the file has no [board] section");
        }
        String name = board.required("name");
        BoardKind kind = kind(board);
        String description = board.has("description") ? board.text("description") : name;
        board.rejectUnknownKeys();
        return new BoardDefinition(name, kind, description, channels, outputs, config);
    }

    private static BoardKind kind(BoardSection board) {
        String k = board.required("kind");
        BoardKind[] all = BoardKind.values();
        for (int i = 0; i < all.length; i++) {
            if (all[i].name().toLowerCase().equals(k)) {
                return all[i];
            }
        }
        throw board.error("kind", "expected meter, pump or wellhead, got '" + k + "'");
    }

    private static ConfigKey configKey(BoardSection s) {
        String t = s.required("type");
        ConfigType type = null;
        ConfigType[] all = ConfigType.values();
        for (int i = 0; i < all.length; i++) {
            if (all[i].name().toLowerCase().equals(t)) {
                type = all[i];
            }
        }
        if (type == null) {
            throw s.error("type", "expected int, bool, duration, pin or text, got '" + t + "'");
        }
        long min = s.decimal("min", 0, Long.MIN_VALUE);
        long max = s.decimal("max", 0, Long.MAX_VALUE);
        if (type != ConfigType.INT && (s.has("min") || s.has("max"))) {
            throw s.error(s.has("min") ? "min" : "max", "only an int key has bounds");
        }
        if (min > max) {
            throw s.error("min", "is above max");
        }
        ConfigKey key = new ConfigKey(s.name, type, s.required("default"), s.required("description"), min, max);
        String problem = key.check(key.defaultValue());
        if (problem != null) {
            throw s.error("default", problem);
        }
        return key;
    }

    private static String readUtf8(String file, InputStream in) {
        byte[] buf = new byte[4096];
        int n = 0;
        try {
            try {
                int r;
                while ((r = in.read(buf, n, buf.length - n)) >= 0) {
                    n += r;
                    if (n == buf.length) {
                        if (buf.length >= MAX_FILE_BYTES) {
                            throw new BoardException(file, 0, "file", "larger than " + MAX_FILE_BYTES + " bytes");
                        }
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                }
            } finally {
                in.close();
            }
            return new String(buf, 0, n, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new BoardException(file, 0, "file", "UTF-8 is not supported: " + e.getMessage());
        } catch (IOException e) {
            throw new BoardException(file, 0, "file", "cannot be read: " + e.getMessage());
        }
    }
}
