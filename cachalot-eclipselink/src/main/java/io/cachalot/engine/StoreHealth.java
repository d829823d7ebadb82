package io.cachalot.engine;

import io.cachalot.store.CacheStore;
import io.cachalot.store.TableVersion;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the store can be trusted. After a failure nothing read before it is trusted: the store is used
 * again only once a new epoch has been written, which makes every older entry invalid. One warning is
 * logged per outage.
 *
 * <p>The new epoch is tried by reads, and also in the background once a second until it is written: a unit
 * whose token write failed may read nothing for a long time, while other units sharing the store keep
 * serving what that write should have made stale, until the new epoch reaches them.
 */
final class StoreHealth implements AutoCloseable {

    static final String EPOCH_KEY = "#epoch";
    private static final System.Logger LOG = System.getLogger(StoreHealth.class.getName());
    private static final long RETRY_MILLIS = 1_000;
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cachalot-store-recovery");
        thread.setDaemon(true);
        return thread;
    });

    private final String unitName;
    private final CacheStore store;
    private volatile boolean trusted = true;
    private volatile long retryAt;
    private volatile boolean closed;
    private boolean retrying; // guarded by this

    StoreHealth(String unitName, CacheStore store) {
        this.unitName = unitName;
        this.store = store;
    }

    /** Whether the store may be used now; after an outage, tries to start a new epoch at most once a second. */
    boolean usable() {
        if (trusted) {
            return true;
        }
        if (System.currentTimeMillis() < retryAt) {
            return false;
        }
        synchronized (this) {
            if (trusted) {
                return true;
            }
            if (System.currentTimeMillis() < retryAt) {
                return false;
            }
            try {
                store.recover();
                store.putVersions(Map.of(EPOCH_KEY, TableVersion.invalidatedAt(System.currentTimeMillis())));
                trusted = true;
                LOG.log(Level.INFO, "cachalot: cache store of unit {0} is back; a new epoch invalidated every older entry",
                        unitName);
                return true;
            } catch (RuntimeException e) {
                retryAt = System.currentTimeMillis() + RETRY_MILLIS;
                return false;
            }
        }
    }

    /**
     * Stops trusting the store without a failure of its own (a member of its cluster left): queries go to the
     * database until a new epoch is written, at most a second later.
     */
    void distrust(String reason) {
        retryAt = System.currentTimeMillis() + RETRY_MILLIS;
        synchronized (this) {
            trusted = false;
            retryInBackground();
        }
        LOG.log(Level.INFO, "cachalot: unit {0} reads from the database until a new epoch is written: {1}", unitName, reason);
    }

    /** Records a failure of the store; queries go to the database until it is back. */
    void failed(RuntimeException cause) {
        retryAt = System.currentTimeMillis() + RETRY_MILLIS;
        if (trusted) {
            synchronized (this) {
                if (trusted) {
                    trusted = false;
                    LOG.log(Level.WARNING, "cachalot: cache store of unit " + unitName
                            + " failed; reading from the database until it is back: " + cause, cause);
                }
                retryInBackground();
            }
        }
    }

    /** Tries the new epoch once a second until it is written (or the unit closes). Holds this. */
    private void retryInBackground() {
        if (retrying || closed) {
            return;
        }
        retrying = true;
        RETRIES.schedule(this::retry, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void retry() {
        boolean back = closed || usable();
        synchronized (this) {
            retrying = false;
            if (!back && !trusted) {
                retryInBackground();
            }
        }
    }

    /** Stops the background attempts. */
    @Override
    public void close() {
        closed = true;
    }
}
