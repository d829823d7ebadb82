package io.cachalot.benchmark;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.jpa.JpaHelper;

/**
 * EclipseLink alone (the Control), with cachalot on one store, or with EclipseLink's own query-results cache
 * (named queries carrying the {@code eclipselink.query-results-cache} hint, as its documentation asks).
 */
final class EclipseLinkContender implements Contender {

    static final String UNIT = "bench-eclipselink";
    static final String CUSTOMIZER = "io.cachalot.eclipselink.CachalotSessionCustomizer";

    enum Kind { PLAIN, CACHALOT, QUERY_RESULTS_CACHE }

    private static int sessions;

    private final Kind kind;
    private final String label;
    private final CountingDataSource dataSource;
    private final EntityManagerFactory factory;
    private final Map<String, String> namedQueries = new ConcurrentHashMap<>();

    private EclipseLinkContender(Kind kind, String label, BenchDatabase database, Map<String, Object> extra) {
        this.kind = kind;
        this.label = label;
        this.dataSource = new CountingDataSource(database.pool("el-" + label.replace(' ', '-')));
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.target-database", database.platform());
        properties.put("eclipselink.session-name", "bench-" + (++sessions) + "-" + label.replace(' ', '-'));
        properties.putAll(extra);
        this.factory = Persistence.createEntityManagerFactory(UNIT, properties);
        factory.createEntityManager().close();
    }

    /** EclipseLink without any query cache. */
    static EclipseLinkContender plain(BenchDatabase database) {
        return new EclipseLinkContender(Kind.PLAIN, "EclipseLink", database, Map.of());
    }

    /** EclipseLink with cachalot on the store these properties describe. */
    static EclipseLinkContender cachalot(BenchDatabase database, BenchStore store, Map<String, Object> storeProperties) {
        Map<String, Object> properties = new HashMap<>(storeProperties);
        properties.put("eclipselink.session.customizer", CUSTOMIZER);
        return new EclipseLinkContender(Kind.CACHALOT, "cachalot " + store.label(), database, properties);
    }

    /**
     * EclipseLink with its own query-results cache on every query. It needs EclipseLink's shared object cache:
     * with {@code shared-cache-mode} NONE the results live in each EntityManager's isolated session and die with it.
     */
    static EclipseLinkContender queryResultsCache(BenchDatabase database) {
        return new EclipseLinkContender(Kind.QUERY_RESULTS_CACHE, "EclipseLink query-results cache", database,
                Map.of("jakarta.persistence.sharedCache.mode", "ALL"));
    }

    /** The batch-fetch hints of the seed's prefetch_related("owner__groups"): IN batches, as Django does. */
    static void batchHints(Query query) {
        query.setHint(QueryHints.BATCH, "i.owner");
        query.setHint(QueryHints.BATCH, "i.owner.groups");
        query.setHint(QueryHints.BATCH_TYPE, "IN");
    }

    /** Registers a named query carrying the query-results-cache hint, the first time a query is used. */
    private String namedQuery(String key, String jpql, boolean batchFetch) {
        return namedQueries.computeIfAbsent(key, missing -> {
            EntityManager em = factory.createEntityManager();
            try {
                Query named = em.createQuery(jpql);
                named.setHint(QueryHints.QUERY_RESULTS_CACHE, "true");
                if (batchFetch) {
                    batchHints(named);
                }
                String name = "bench." + key;
                factory.addNamedQuery(name, named);
                return name;
            } finally {
                em.close();
            }
        });
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String orm() {
        return "EclipseLink";
    }

    Kind kind() {
        return kind;
    }

    @Override
    public EntityManagerFactory factory() {
        return factory;
    }

    @Override
    public Query query(EntityManager em, String name, String jpql, boolean batchFetch) {
        if (kind == Kind.QUERY_RESULTS_CACHE) {
            return em.createNamedQuery(namedQuery(name, jpql, batchFetch));
        }
        Query created = em.createQuery(jpql);
        if (batchFetch) {
            batchHints(created);
        }
        return created;
    }

    @Override
    public void invalidate() {
        switch (kind) {
            case PLAIN -> { }
            case CACHALOT -> Cachalot.of(factory).invalidate();
            case QUERY_RESULTS_CACHE -> {
                JpaHelper.getServerSession(factory).getIdentityMapAccessor().clearQueryCache();
                factory.getCache().evictAll();
            }
        }
    }

    @Override
    public boolean caches() {
        return kind != Kind.PLAIN;
    }

    /** Cachalot's statistics, for the report (null without cachalot). */
    io.cachalot.CacheStats cachalotStats() {
        return kind == Kind.CACHALOT ? Cachalot.of(factory).stats() : null;
    }

    @Override
    public void close() {
        factory.close();
        ((com.zaxxer.hikari.HikariDataSource) dataSource.pool()).close();
    }

    /** Properties of cachalot's store per kind of store. */
    static Map<String, Object> storeProperties(BenchStore store, String remoteServers) {
        return switch (store) {
            case EMBEDDED -> Map.of();
            case REMOTE -> Map.of(CachalotProperties.INFINISPAN_MODE, CachalotProperties.MODE_REMOTE,
                    CachalotProperties.INFINISPAN_SERVERS, remoteServers);
            case CLUSTER -> Map.of(CachalotProperties.INFINISPAN_CONFIG, ClusterPeer.CONFIG);
        };
    }
}
