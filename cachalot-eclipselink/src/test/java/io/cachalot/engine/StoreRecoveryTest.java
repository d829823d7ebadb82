package io.cachalot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.sql.IdentifierCase;
import io.cachalot.sql.SqlAnalyzer;
import io.cachalot.sql.StatementInfo;
import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedEntry;
import io.cachalot.store.CachedResult;
import io.cachalot.store.EmbeddedInfinispanStore;
import io.cachalot.store.Lookup;
import io.cachalot.store.ResultKey;
import io.cachalot.store.TableVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A unit whose token write failed writes a new epoch as soon as the store answers again, without waiting for a
 * read of its own: until then, other units sharing the store serve what that write should have made stale.
 */
class StoreRecoveryTest {

    private static final String SQL = "SELECT total FROM ledger";
    /**
     * The default configuration, named by its file so that this test gets a store of its own: the new epoch it
     * makes would otherwise count as the last invalidation of every table in the JVM's default store.
     */
    private static final String OWN_STORE = "src/main/resources/" + CachalotProperties.DEFAULT_EMBEDDED_CONFIG;
    private final String database = "recovery-test-" + System.nanoTime();
    private final AtomicLong total = new AtomicLong(1);
    private final AtomicInteger executions = new AtomicInteger();
    private final BreakableStore writerStore = new BreakableStore(EmbeddedInfinispanStore.open(OWN_STORE));
    private final QueryCacheEngine writer = engine("writer", writerStore);
    private final QueryCacheEngine reader = engine("reader", EmbeddedInfinispanStore.open(OWN_STORE));
    private final StatementInfo read = writer.analyze(SQL);

    @AfterEach
    void close() {
        writer.close();
        reader.close();
    }

    @Test
    void aFailedTokenWriteIsRepairedByANewEpochWithoutAReadOfTheWriter() throws InterruptedException {
        assertThat(readTotal()).isEqualTo(1);
        assertThat(readTotal()).isEqualTo(1);
        assertThat(executions).as("the reader's second read is a hit").hasValue(1);

        total.set(2);
        writerStore.broken = true;
        writer.invalidate(List.of("ledger"));
        writerStore.broken = false;

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (readTotal() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(readTotal()).as("the reader sees the write once the writer's store answers again").isEqualTo(2);
        assertThat(writerStore.epochWrites).as("the writer wrote a new epoch by itself").hasPositiveValue();
    }

    private long readTotal() {
        return reader.read(reader.analyze(SQL), SQL, List.of(), 0, 0, null, new ReadCall<Long>() {
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

    private QueryCacheEngine engine(String name, CacheStore store) {
        QueryCacheEngine engine = new QueryCacheEngine(name, Settings.defaults(), store);
        engine.identifyDatabase(database);
        engine.start(new SqlAnalyzer(IdentifierCase.LOWER, Set.of("ledger"), List.of(), List.of(), false));
        return engine;
    }

    /** A store whose token writes fail while {@code broken}, as when this unit alone loses the server. */
    private static final class BreakableStore implements CacheStore {
        private final CacheStore delegate;
        final AtomicInteger epochWrites = new AtomicInteger();
        volatile boolean broken;

        BreakableStore(CacheStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Lookup lookup(List<String> tableKeys, ResultKey key) {
            return delegate.lookup(tableKeys, key);
        }

        @Override
        public Map<String, TableVersion> versions(List<String> tableKeys) {
            return delegate.versions(tableKeys);
        }

        @Override
        public void putVersions(Map<String, TableVersion> versions) {
            if (broken) {
                throw new IllegalStateException("connection refused (simulated)");
            }
            if (versions.containsKey(StoreHealth.EPOCH_KEY)) {
                epochWrites.incrementAndGet();
            }
            delegate.putVersions(versions);
        }

        @Override
        public void putEntry(ResultKey key, CachedEntry entry, Duration lifespan) {
            delegate.putEntry(key, entry, lifespan);
        }

        @Override
        public String getFragment(String key) {
            return delegate.getFragment(key);
        }

        @Override
        public void putFragment(String key, String fragment, Duration lifespan) {
            delegate.putFragment(key, fragment, lifespan);
        }

        @Override
        public void addVersionListener(VersionListener listener) {
            delegate.addVersionListener(listener);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
