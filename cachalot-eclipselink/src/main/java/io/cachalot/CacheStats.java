package io.cachalot;

import java.util.Map;

/**
 * Counters of one persistence unit since it started. A hit or miss counts once in the totals and once
 * for each table the query reads.
 *
 * @param hits reads served from the cache
 * @param misses cachable reads that went to the database
 * @param stores results written to the cache
 * @param invalidations table invalidations (one per table per committed transaction or API call)
 * @param uncachable reads that could not be cached (locking, volatile function, unknown table...)
 * @param perTable the same counters for each table
 */
public record CacheStats(long hits, long misses, long stores, long invalidations, long uncachable,
        Map<String, TableStats> perTable) {

    public CacheStats {
        perTable = Map.copyOf(perTable);
    }

    /** Counters of one table. */
    public record TableStats(long hits, long misses, long stores, long invalidations) {
    }

    /** Hits divided by hits and misses; 0 when there was no cachable read. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
