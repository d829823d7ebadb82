package io.cachalot.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The version token of one table (or of the whole store, for the epoch).
 *
 * @param token a random value, replaced at every invalidation; only equality matters
 * @param invalidatedAtMillis when it was last invalidated, by the invalidating node's clock, for display;
 *        0 when it never was
 */
public record TableVersion(long token, long invalidatedAtMillis) {

    /** A fresh token for a table first seen now (never invalidated). */
    public static TableVersion initial() {
        return new TableVersion(ThreadLocalRandom.current().nextLong(), 0);
    }

    /** A fresh token for a table invalidated at the given instant. */
    public static TableVersion invalidatedAt(long epochMillis) {
        return new TableVersion(ThreadLocalRandom.current().nextLong(), epochMillis);
    }
}
