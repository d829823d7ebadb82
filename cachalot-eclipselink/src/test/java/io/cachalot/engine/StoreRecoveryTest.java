package io.cachalot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.store.CacheStore;
import io.cachalot.store.EmbeddedInfinispanStore;
import io.cachalot.store.TableVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A unit whose token write failed writes a new epoch as soon as the store answers again, without waiting for a
 * read of its own: until then, other units sharing the store serve what that write should have made stale.
 */
class StoreRecoveryTest {

    private final Ledger ledger = new Ledger();
    private final BreakableStore writerStore = new BreakableStore(EmbeddedInfinispanStore.open(Ledger.OWN_STORE));
    private final QueryCacheEngine writer = ledger.engine("writer", writerStore);
    private final QueryCacheEngine reader = ledger.engine("reader", EmbeddedInfinispanStore.open(Ledger.OWN_STORE));

    @AfterEach
    void close() {
        writer.close();
        reader.close();
    }

    @Test
    void aFailedTokenWriteIsRepairedByANewEpochWithoutAReadOfTheWriter() throws InterruptedException {
        assertThat(ledger.read(reader)).isEqualTo(1);
        assertThat(ledger.read(reader)).isEqualTo(1);
        assertThat(ledger.executions).as("the reader's second read is a hit").hasValue(1);

        ledger.total.set(2);
        writerStore.broken = true;
        writer.invalidate(List.of("ledger"));
        writerStore.broken = false;

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ledger.read(reader) != 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ledger.read(reader)).as("the reader sees the write once the writer's store answers again").isEqualTo(2);
        assertThat(writerStore.epochWrites).as("the writer wrote a new epoch by itself").hasPositiveValue();
    }

    /** A store whose token writes fail while {@code broken}, as when this unit alone loses the server. */
    private static final class BreakableStore extends ForwardingStore {
        final AtomicInteger epochWrites = new AtomicInteger();
        volatile boolean broken;

        BreakableStore(CacheStore delegate) {
            super(delegate);
        }

        @Override
        public void putVersions(Map<String, TableVersion> versions) {
            if (broken) {
                throw new IllegalStateException("connection refused (simulated)");
            }
            if (versions.containsKey(StoreHealth.EPOCH_KEY)) {
                epochWrites.incrementAndGet();
            }
            super.putVersions(versions);
        }
    }
}
