package io.cachalot.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;

/**
 * One way to run the workload: an ORM with or without a cache. Cachalot and its competitors run through this
 * one harness.
 */
interface Contender extends AutoCloseable {

    /** A short label for the report, e.g. "cachalot embedded". */
    String label();

    /** The ORM of this contender, for the report. */
    String orm();

    EntityManagerFactory factory();

    /**
     * The query as this contender runs it (hints, named queries), before parameters and the row window.
     *
     * @param name a name for the query, unique per JPQL text
     * @param batchFetch whether to add the batch-fetch hints of the seed's prefetch
     */
    Query query(EntityManager em, String name, String jpql, boolean batchFetch);

    default Query query(EntityManager em, BenchQuery query) {
        return query(em, query.key(), query.jpql(), query.isBatchFetch());
    }

    /** Empties this contender's cache, for a Cold run; nothing to do without a cache. */
    void invalidate();

    /** Whether this contender has a cache (Cold and Hot runs make sense). */
    boolean caches();

    @Override
    void close();
}
