package io.cachalot.engine;

import io.cachalot.CacheStats;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Hit, miss, store and invalidation counters of one unit, in total and per table. */
final class Statistics {

    private final Counters total = new Counters();
    private final LongAdder uncachable = new LongAdder();
    private final ConcurrentMap<String, Counters> perTable = new ConcurrentHashMap<>();

    void hit(Collection<String> tables) {
        total.hits.increment();
        tables.forEach(table -> table(table).hits.increment());
    }

    void miss(Collection<String> tables) {
        total.misses.increment();
        tables.forEach(table -> table(table).misses.increment());
    }

    void stored(Collection<String> tables) {
        total.stores.increment();
        tables.forEach(table -> table(table).stores.increment());
    }

    void invalidated(Collection<String> tables) {
        tables.forEach(table -> {
            total.invalidations.increment();
            table(table).invalidations.increment();
        });
    }

    void uncachable() {
        uncachable.increment();
    }

    CacheStats snapshot() {
        Map<String, CacheStats.TableStats> tables = new HashMap<>();
        perTable.forEach((name, counters) -> tables.put(name, counters.tableStats()));
        return new CacheStats(total.hits.sum(), total.misses.sum(), total.stores.sum(), total.invalidations.sum(),
                uncachable.sum(), tables);
    }

    private Counters table(String table) {
        return perTable.computeIfAbsent(table, name -> new Counters());
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder stores = new LongAdder();
        final LongAdder invalidations = new LongAdder();

        CacheStats.TableStats tableStats() {
            return new CacheStats.TableStats(hits.sum(), misses.sum(), stores.sum(), invalidations.sum());
        }
    }
}
