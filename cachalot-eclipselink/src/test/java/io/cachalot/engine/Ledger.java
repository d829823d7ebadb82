package io.cachalot.engine;

import io.cachalot.CachalotProperties;
import io.cachalot.sql.IdentifierCase;
import io.cachalot.sql.SqlAnalyzer;
import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engines reading one table, {@code ledger}, whose "database" is a counter: a read returns {@link #total} and counts
 * an execution. For engine tests that need no ORM.
 */
final class Ledger {

    /**
     * The default store configuration, named by its file so that a test gets a store of its own: a new epoch
     * written there would otherwise count as the last invalidation of every table in the JVM's default store.
     */
    static final String OWN_STORE = "src/main/resources/" + CachalotProperties.DEFAULT_EMBEDDED_CONFIG;
    static final String SQL = "SELECT total FROM ledger";

    final AtomicLong total = new AtomicLong(1);
    final AtomicInteger executions = new AtomicInteger();
    private final String database = "ledger-" + System.nanoTime();

    QueryCacheEngine engine(String name, CacheStore store) {
        QueryCacheEngine engine = new QueryCacheEngine(name, Settings.defaults(), store);
        engine.identifyDatabase(database);
        engine.start(new SqlAnalyzer(IdentifierCase.LOWER, Set.of("ledger"), List.of(), List.of(), false));
        return engine;
    }

    long read(QueryCacheEngine engine) {
        return engine.read(engine.analyze(SQL), SQL, List.of(), 0, 0, null, new ReadCall<Long>() {
            @Override
            public Long execute() {
                executions.incrementAndGet();
                return total.get();
            }

            @Override
            public boolean mayStore() {
                return true;
            }

            @Override
            public CachedResult capture(Long result, int maxRows) {
                return new CachedResult(new String[] {"TOTAL"}, new Object[][] {{result}}, true);
            }

            @Override
            public Long rebuild(CachedResult cached) {
                return (Long) cached.rows()[0][0];
            }
        });
    }
}
