package io.fieldlink.host.store;

import io.fieldlink.host.HostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The host's MapDB database: one file ({@code host.db}) plus its write-ahead log in the data
 * directory, opened with transactions so that a commit survives {@code kill -9}, and memory-mapped
 * (B-tree nodes are read from the page cache, not with a system call each). Writes happen
 * only on the {@link Committer} thread; reads may happen on any thread. Close once, after the
 * committer.
 */
public final class HostStore implements AutoCloseable {
    private final Path dir;
    private final DB db;
    private final List<CommitHook> hooks = new CopyOnWriteArrayList<>();

    private HostStore(Path dir, DB db) {
        this.dir = dir;
        this.db = db;
    }

    /**
     * Opens (creating when absent) the database in {@code dataDir}.
     *
     * @throws HostException when the directory cannot be created or the file cannot be opened
     */
    public static HostStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            DB db = DBMaker.fileDB(dataDir.resolve("host.db").toFile())
                    .fileMmapEnableIfSupported()
                    .fileMmapPreclearDisable()
                    .transactionEnable()
                    .make();
            return new HostStore(dataDir, db);
        } catch (IOException | RuntimeException e) {
            throw new HostException("cannot open the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** @return a sorted map with string keys and string values, created when absent */
    public BTreeMap<String, String> textMap(String name) {
        return db.treeMap(name, Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    /**
     * @return a sorted map with string keys and string values kept outside the B-tree nodes, created
     *         when absent: for values of hundreds of bytes rewritten often (one JSON document per
     *         device or account), where a put then rewrites the value alone instead of a node holding
     *         dozens of them. A map created before keeps the layout it was created with.
     */
    public BTreeMap<String, String> documentMap(String name) {
        return db.treeMap(name, Serializer.STRING, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
    }

    /** @return a sorted map from string keys to longs, created when absent */
    public BTreeMap<String, Long> counterMap(String name) {
        return db.treeMap(name, Serializer.STRING, Serializer.LONG).createOrOpen();
    }

    /** @return a sorted map from long keys to strings, created when absent */
    public BTreeMap<Long, String> logMap(String name) {
        return db.treeMap(name, Serializer.LONG, Serializer.STRING).createOrOpen();
    }

    /**
     * @param keyParts serializers of the key tuple's parts, e.g. device, channel, time
     * @return a sorted map from tuples to double arrays, created when absent
     */
    public BTreeMap<Object[], double[]> tupleMap(String name, Serializer<?>... keyParts) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        BTreeMap<Object[], double[]> m = (BTreeMap) db.treeMap(name)
                .keySerializer(new SerializerArrayTuple(keyParts))
                .valueSerializer(Serializer.DOUBLE_ARRAY)
                .createOrOpen();
        return m;
    }

    /**
     * @param keyParts serializers of the key tuple's parts
     * @return a sorted map from tuples to strings, created when absent
     */
    public BTreeMap<Object[], String> tupleTextMap(String name, Serializer<?>... keyParts) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        BTreeMap<Object[], String> m = (BTreeMap) db.treeMap(name)
                .keySerializer(new SerializerArrayTuple(keyParts))
                .valueSerializer(Serializer.STRING)
                .createOrOpen();
        return m;
    }

    /**
     * @return a sorted map from long keys to double arrays, created when absent; large values are
     *         kept outside the B-tree nodes, so a node rewrite does not copy them
     */
    public BTreeMap<Long, double[]> longDoublesMap(String name) {
        return db.treeMap(name, Serializer.LONG, Serializer.DOUBLE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
    }

    /** @return a sorted map from long keys to small double arrays kept inside the B-tree nodes, created when absent */
    public BTreeMap<Long, double[]> longSmallDoublesMap(String name) {
        return db.treeMap(name, Serializer.LONG, Serializer.DOUBLE_ARRAY).createOrOpen();
    }

    /** @return a sorted map from long keys to longs, created when absent */
    public BTreeMap<Long, Long> longLongMap(String name) {
        return db.treeMap(name, Serializer.LONG, Serializer.LONG).createOrOpen();
    }

    /** @return true when a collection named {@code name} exists */
    public boolean exists(String name) {
        return db.exists(name);
    }

    /**
     * Registers a hook that writes what it holds in memory just before each commit and forgets it
     * after a rollback. Register during start-up.
     */
    public void addCommitHook(CommitHook hook) {
        hooks.add(hook);
    }

    /**
     * Lets every hook write what it holds, then makes every write since the last commit durable.
     * Committer thread only.
     *
     * @throws RuntimeException when a hook or the commit fails; call {@link #rollback()} then
     */
    void commit() {
        for (CommitHook h : hooks) {
            h.beforeCommit();
        }
        db.commit();
        for (CommitHook h : hooks) {
            h.afterCommit();
        }
    }

    /**
     * Lets every hook publish what it holds ({@link CommitHook#beforeFlush}) without committing, so
     * readers on other threads see it (MapDB's one transaction is visible to every reader before its
     * commit; a write-behind hook's readers read its memory); a later {@link #commit()} makes it
     * durable, a {@link #rollback()} discards it. Committer thread only.
     */
    void flush() {
        for (CommitHook h : hooks) {
            h.beforeFlush();
        }
    }

    /**
     * Lets every hook write a little of what it holds ahead of the next commit ({@link
     * CommitHook#writeAhead}). Committer thread only.
     *
     * @throws RuntimeException when a write fails; call {@link #rollback()} then
     */
    void writeAhead() {
        for (CommitHook h : hooks) {
            h.writeAhead();
        }
    }

    /** Discards every write since the last commit, and what the hooks held for it. Committer thread only. */
    void rollback() {
        db.rollback();
        for (CommitHook h : hooks) {
            h.afterRollback();
        }
    }

    /** @return bytes used by the database files in the data directory */
    public long sizeBytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("host.db"))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }
}
