package io.cachalot.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where tokens and results live. Implementations are thin adapters (embedded Infinispan, remote Hot Rod).
 * Any method may throw a {@link RuntimeException} when the store is unavailable; the engine then reads
 * from the database and does not trust the store again until a new epoch has been written.
 */
public interface CacheStore extends AutoCloseable {

    /** Current tokens of the keys (absent ones are created), and the entry under {@code key} if any. */
    Lookup lookup(List<String> tableKeys, ResultKey key);

    /**
     * The entry under {@code key} if this JVM holds it without a network request (valid or not), else null. Lets a
     * read that missed find what a concurrent read of the same key stored in the meantime.
     */
    default CachedEntry entryHeldHere(ResultKey key) {
        return null;
    }

    /** Current versions of the keys, creating absent ones. */
    Map<String, TableVersion> versions(List<String> tableKeys);

    /** Replaces the versions of these keys (a blind put). */
    void putVersions(Map<String, TableVersion> versions);

    /** Stores an entry; {@code lifespan} null means until evicted or invalidated. */
    void putEntry(ResultKey key, CachedEntry entry, Duration lifespan);

    /** A rendered fragment, or null. */
    String getFragment(String key);

    /** Stores a rendered fragment; {@code lifespan} null means until evicted. */
    void putFragment(String key, String fragment, Duration lifespan);

    /** Adds a listener told of every version replaced by any unit on any node, this store's own included. */
    void addVersionListener(VersionListener listener);

    /**
     * Adds a callback run when a member leaves the cluster this store is part of (never, for a store that is not
     * clustered). While members change, a clustered cache may re-apply a write after a newer one, bringing an old
     * token back; the engine therefore trusts nothing stored before a member left.
     */
    default void addMemberLeftListener(Runnable listener) {
    }

    /**
     * Called before the store is trusted again after a failure: re-creates what a restarted server lost
     * (caches, listener registrations). Throws when the store is still unavailable.
     */
    default void recover() {
    }

    /** Releases what this store holds. */
    @Override
    void close();

    /** Told when a table key's version is replaced. */
    @FunctionalInterface
    interface VersionListener {
        /**
         * @param tableKey the replaced key
         * @param version the new version
         * @param local whether this store (this unit) made the replacement
         */
        void versionReplaced(String tableKey, TableVersion version, boolean local);
    }
}
