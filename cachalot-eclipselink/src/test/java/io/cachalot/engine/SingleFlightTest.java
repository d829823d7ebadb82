package io.cachalot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.store.CacheStore;
import io.cachalot.store.EmbeddedInfinispanStore;
import io.cachalot.store.Lookup;
import io.cachalot.store.ResultKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent misses of one key run the query once, even when one of them is slow between look-up and flight. */
class SingleFlightTest {

    private final Ledger ledger = new Ledger();
    private final PausingStore store = new PausingStore(EmbeddedInfinispanStore.open(Ledger.OWN_STORE));
    private final QueryCacheEngine engine = ledger.engine("flights", store);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aMissWhoseFlightEndedAfterItsLookupTakesTheStoredResult() throws Exception {
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> {
            store.pauseThisThread();
            return ledger.read(engine);
        });
        assertThat(store.paused.await(10, TimeUnit.SECONDS)).as("the slow read has missed").isTrue();

        assertThat(ledger.read(engine)).as("a read that missed, ran and stored meanwhile").isEqualTo(1);
        store.resume.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(ledger.executions).as("the query ran once").hasValue(1);
    }

    /** Holds the chosen thread after its look-up, as a descheduled thread would be. */
    private static final class PausingStore extends ForwardingStore {
        private final ThreadLocal<Boolean> pause = ThreadLocal.withInitial(() -> false);
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PausingStore(CacheStore delegate) {
            super(delegate);
        }

        void pauseThisThread() {
            pause.set(true);
        }

        @Override
        public Lookup lookup(List<String> tableKeys, ResultKey key) {
            Lookup lookup = super.lookup(tableKeys, key);
            if (pause.get()) {
                paused.countDown();
                try {
                    resume.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return lookup;
        }
    }
}
