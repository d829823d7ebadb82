package io.cachalot.engine;

import io.cachalot.CacheStats;
import io.cachalot.PostInvalidation;
import io.cachalot.sql.SqlAnalyzer;
import io.cachalot.sql.StatementInfo;
import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedEntry;
import io.cachalot.store.CachedResult;
import io.cachalot.store.Lookup;
import io.cachalot.store.ResultKey;
import io.cachalot.store.TableVersion;
import io.cachalot.store.UncachableValueException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The invalidation protocol of one persistence unit: serves reads from the store while the tokens of
 * their tables are unchanged, and replaces the tokens of the tables a committed write changed.
 *
 * <p>A miss reads the tokens before its SQL runs and stores the rows under them; a hit needs every
 * current token to equal a stored one. No clock takes part in validity.
 */
public final class QueryCacheEngine {

    private static final System.Logger LOG = System.getLogger(QueryCacheEngine.class.getName());
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final String unitName;
    private final Settings settings;
    private final CacheStore store;
    private final StoreHealth health;
    private final Statistics statistics = new Statistics();
    private final List<Consumer<PostInvalidation>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<ResultKey, Flight> flights = new ConcurrentHashMap<>();
    /** The lookup keys of each set of read tables, built once (a hit then hashes no new string). */
    private final ConcurrentMap<Set<String>, List<String>> readKeys = new ConcurrentHashMap<>();
    private volatile SqlAnalyzer analyzer;
    private volatile String database;

    public QueryCacheEngine(String unitName, Settings settings, CacheStore store) {
        this.unitName = unitName;
        this.settings = settings;
        this.store = store;
        this.health = new StoreHealth(unitName, store);
        try {
            store.addVersionListener(this::versionReplaced);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cachalot: the store of unit " + unitName + " sends no version events", e);
        }
        store.addMemberLeftListener(() -> health.distrust("a member left the cluster"));
    }

    public String unitName() {
        return unitName;
    }

    public Settings settings() {
        return settings;
    }

    public CacheStore store() {
        return store;
    }

    /** Called once the unit's mappings are known; until then nothing is cached. */
    public void start(SqlAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The analyzer, or null before {@link #start}. */
    public SqlAnalyzer analyzer() {
        return analyzer;
    }

    /** Sets the database identity (URL, user, schema) once, from the first connection. */
    public void identifyDatabase(String identity) {
        if (database == null) {
            database = identity;
        }
    }

    public boolean hasDatabaseIdentity() {
        return database != null;
    }

    /** What a SQL string does, or null before {@link #start}. */
    public StatementInfo analyze(String sql) {
        SqlAnalyzer current = analyzer;
        return current == null ? null : current.analyze(sql);
    }

    /**
     * Serves a read from the cache or runs it and stores its rows.
     *
     * @param info the analysis of {@code sql}, a read
     * @param parameters bound values
     * @param transaction the open transaction's writes, or null
     */
    public <R> R read(StatementInfo info, String sql, List<?> parameters, int firstResult, int maxRows,
            TransactionState transaction, ReadCall<R> call) {
        String db = database;
        if (db == null || !settings.enabled() || isDisabledOnThisThread()) {
            return call.execute();
        }
        if (!info.cachable()) {
            statistics.uncachable();
            return call.execute();
        }
        if (transaction != null && transaction.hasWrittenAny(info.tables())) {
            return call.execute();
        }
        Object[] keyParameters = ValueCopier.copyAll(parameters.toArray());
        if (keyParameters == null || !health.usable()) {
            statistics.uncachable();
            return call.execute();
        }
        ResultKey key = new ResultKey(db, sql, keyParameters, firstResult, maxRows);
        Lookup lookup;
        try {
            lookup = store.lookup(readKeys(db, info.tables()), key);
        } catch (UncachableValueException e) {
            statistics.uncachable();
            return call.execute();
        } catch (RuntimeException e) {
            health.failed(e);
            return call.execute();
        }
        CachedEntry hit = lookup.validEntry();
        if (hit != null) {
            statistics.hit(info.tables());
            return call.rebuild(hit.result());
        }
        R result = runOnce(info, key, lookup.tokens(), call);
        statistics.miss(info.tables()); // only once the read succeeded: a failing statement is no miss
        return result;
    }

    /** Runs the query once for concurrent misses of one key read under the same tokens. */
    private <R> R runOnce(StatementInfo info, ResultKey key, long[] tokens, ReadCall<R> call) {
        Flight mine = new Flight(tokens);
        Flight running = flights.putIfAbsent(key, mine);
        if (running != null) {
            CachedResult shared = Arrays.equals(running.tokens, tokens) ? running.result.join() : null;
            return shared != null ? call.rebuild(shared) : call.execute();
        }
        CachedResult captured = null;
        try {
            CachedResult meanwhile = storedMeanwhile(key, tokens);
            if (meanwhile != null) {
                captured = meanwhile;
                return call.rebuild(meanwhile);
            }
            R result = call.execute();
            captured = call.mayStore() ? call.capture(result, settings.maxRows()) : null;
            if (captured != null) {
                store(info, key, new CachedEntry(tokens, captured));
            }
            return result;
        } finally {
            mine.result.complete(captured);
            flights.remove(key, mine);
        }
    }

    /**
     * The result a flight of the same key and tokens stored after this read's look-up and ended before this read
     * began its own flight, if this JVM holds it without asking the network.
     */
    private CachedResult storedMeanwhile(ResultKey key, long[] tokens) {
        try {
            CachedEntry entry = store.entryHeldHere(key);
            return entry != null && entry.isValidFor(tokens) ? entry.result() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void store(StatementInfo info, ResultKey key, CachedEntry entry) {
        try {
            store.putEntry(key, entry, settings.timeout());
            statistics.stored(info.tables());
        } catch (UncachableValueException e) {
            statistics.uncachable();
        } catch (RuntimeException e) {
            health.failed(e);
        }
    }

    /** Invalidates what a committed transaction wrote. */
    public void commit(TransactionState transaction) {
        if (transaction != null && !transaction.isEmpty()) {
            invalidate(transaction.tablesToInvalidate(knownTables()));
        }
    }

    /** Invalidates what a write outside any transaction changed (autocommit). */
    public void written(StatementInfo write) {
        TransactionState single = new TransactionState();
        single.record(write);
        commit(single);
    }

    /** Replaces the tokens of these tables now, then tells the listeners. */
    public void invalidate(Collection<String> tables) {
        String db = database;
        if (tables.isEmpty() || db == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Map<String, TableVersion> versions = new LinkedHashMap<>();
        for (String table : tables) {
            versions.put(tableKey(db, table), TableVersion.invalidatedAt(now));
        }
        try {
            store.putVersions(versions);
        } catch (RuntimeException e) {
            health.failed(e);
        }
        statistics.invalidated(tables);
        Instant at = Instant.ofEpochMilli(now);
        for (String table : tables) {
            fire(new PostInvalidation(unitName, table, at, true));
        }
    }

    /**
     * The latest invalidation of any of these tables, if one was ever invalidated; "now" when the store is
     * unavailable (so that nothing keyed on it is trusted).
     */
    public Optional<Instant> lastInvalidation(Collection<String> tables) {
        Map<String, TableVersion> versions;
        try {
            versions = versions(tables);
        } catch (RuntimeException e) {
            health.failed(e);
            return Optional.of(Instant.now());
        }
        long latest = 0;
        for (TableVersion version : versions.values()) {
            latest = Math.max(latest, version.invalidatedAtMillis());
        }
        return latest == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
    }

    /**
     * A text that changes whenever any of these tables (or the epoch) is invalidated; a text never returned
     * before when the store is unavailable.
     */
    public String versionTag(Collection<String> tables) {
        Map<String, TableVersion> versions;
        try {
            versions = health.usable() ? versions(tables) : null;
        } catch (RuntimeException e) {
            health.failed(e);
            versions = null;
        }
        if (versions == null) {
            return "unavailable-" + Long.toHexString(TableVersion.initial().token());
        }
        long hash = 1125899906842597L;
        for (TableVersion version : versions.values()) {
            hash = Long.rotateLeft(hash * 0x9E3779B97F4A7C15L ^ version.token(), 31);
        }
        return Long.toHexString(hash);
    }

    private Map<String, TableVersion> versions(Collection<String> tables) {
        String db = database;
        if (db == null) {
            return Map.of();
        }
        List<String> keys = tableKeys(db, tables);
        Map<String, TableVersion> found = store.versions(keys);
        Map<String, TableVersion> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, found.get(key)));
        return ordered;
    }

    /** The fragment cache of this unit's store; keys are scoped to the unit's database. */
    public io.cachalot.FragmentCache fragments() {
        return new io.cachalot.FragmentCache() {
            @Override
            public Optional<String> get(String key) {
                if (!health.usable()) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(store.getFragment(database + "|" + key));
                } catch (RuntimeException e) {
                    health.failed(e);
                    return Optional.empty();
                }
            }

            @Override
            public void put(String key, String fragment, java.time.Duration lifespan) {
                if (!health.usable()) {
                    return;
                }
                try {
                    store.putFragment(database + "|" + key, fragment, lifespan);
                } catch (RuntimeException e) {
                    health.failed(e);
                }
            }
        };
    }

    /** Every table the unit knows. */
    public Set<String> knownTables() {
        SqlAnalyzer current = analyzer;
        return current == null ? Set.of() : current.knownTables();
    }

    public CacheStats stats() {
        return statistics.snapshot();
    }

    public void addListener(Consumer<PostInvalidation> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PostInvalidation> listener) {
        listeners.remove(listener);
    }

    /** Opens a scope in which this thread reads straight from the database, for every unit. */
    public static io.cachalot.DisabledScope disableOnThisThread() {
        int[] depth = DISABLED_DEPTH.get();
        depth[0]++;
        return new io.cachalot.DisabledScope() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    depth[0]--;
                }
            }
        };
    }

    public static boolean isDisabledOnThisThread() {
        return DISABLED_DEPTH.get()[0] > 0;
    }

    /** Releases the store. */
    public void close() {
        health.close();
        store.close();
    }

    private void versionReplaced(String tableKey, TableVersion version, boolean local) {
        String db = database;
        if (local || db == null || !tableKey.startsWith(db + "|")) {
            return;
        }
        fire(new PostInvalidation(unitName, tableKey.substring(db.length() + 1),
                Instant.ofEpochMilli(version.invalidatedAtMillis()), false));
    }

    private void fire(PostInvalidation event) {
        for (Consumer<PostInvalidation> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cachalot: a PostInvalidation listener of unit " + unitName + " failed", e);
            }
        }
    }

    private List<String> readKeys(String db, Set<String> tables) {
        List<String> keys = readKeys.get(tables);
        if (keys == null) {
            if (readKeys.size() > 10_000) {
                readKeys.clear();
            }
            keys = List.copyOf(tableKeys(db, tables));
            readKeys.putIfAbsent(tables, keys);
        }
        return keys;
    }

    private static List<String> tableKeys(String db, Collection<String> tables) {
        List<String> keys = new ArrayList<>(tables.size() + 1);
        keys.add(StoreHealth.EPOCH_KEY);
        for (String table : tables) {
            keys.add(tableKey(db, table));
        }
        return keys;
    }

    private static String tableKey(String db, String table) {
        return db + "|" + table;
    }

    private static final class Flight {
        final long[] tokens;
        final CompletableFuture<CachedResult> result = new CompletableFuture<>();

        Flight(long[] tokens) {
            this.tokens = tokens;
        }
    }
}
