package io.cachalot.store;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded results kept next to a remote store's client, so that a hit costs the token round trip only.
 *
 * <p>Safe without any invalidation message: an entry is served only when the tokens it was read under equal
 * the current tokens, which every lookup still fetches from the server. Tokens are random and never reused,
 * so an entry is either exactly right for the current tokens or never valid again. Bounded by count: past
 * the bound, arbitrary entries are dropped (a dropped entry is fetched from the server again).
 */
final class NearResults {

    private final int capacity;
    private final ConcurrentHashMap<ResultKey, Near> entries = new ConcurrentHashMap<>();

    /** @param capacity how many results to keep; 0 keeps none */
    NearResults(int capacity) {
        this.capacity = capacity;
    }

    /** The kept entry for the key whose lifespan has not run out, valid or not for the current tokens. */
    CachedEntry get(ResultKey key) {
        Near near = entries.get(key);
        if (near == null) {
            return null;
        }
        if (near.expired()) {
            entries.remove(key, near);
            return null;
        }
        return near.entry;
    }

    /**
     * Keeps an entry.
     *
     * @param lifespan how long the entry may be served from now; null for as long as its tokens hold
     */
    void put(ResultKey key, CachedEntry entry, Duration lifespan) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() >= capacity) {
            dropSome();
        }
        entries.put(key, new Near(entry, lifespan != null, lifespan == null ? 0 : System.nanoTime() + lifespan.toNanos()));
    }

    /** Forgets the entry if it is still the one given (it was found stale). */
    void remove(ResultKey key, CachedEntry entry) {
        Near near = entries.get(key);
        if (near != null && near.entry == entry) {
            entries.remove(key, near);
        }
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** Drops about a tenth of the entries, in the map's (arbitrary) order. */
    private void dropSome() {
        int toDrop = Math.max(1, capacity / 10);
        Iterator<ResultKey> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** An entry and, when {@code limited}, the {@link System#nanoTime()} after which it may not be served. */
    private record Near(CachedEntry entry, boolean limited, long deadline) {
        boolean expired() {
            return limited && System.nanoTime() - deadline > 0;
        }
    }
}
