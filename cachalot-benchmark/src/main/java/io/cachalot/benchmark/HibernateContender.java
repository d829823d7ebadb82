package io.cachalot.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernateHints;

/**
 * Hibernate ORM alone, or with its query cache over its second-level cache (JCache on Caffeine): every entity
 * and the user's groups collection cached read-write, every query marked cacheable.
 */
final class HibernateContender implements Contender {

    static final String UNIT = "bench-hibernate";

    private final boolean cached;
    private final CountingDataSource dataSource;
    private final EntityManagerFactory factory;

    private HibernateContender(boolean cached, BenchDatabase database) {
        this.cached = cached;
        this.dataSource = new CountingDataSource(database.pool(cached ? "hb-cached" : "hb-plain"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("hibernate.cache.use_second_level_cache", String.valueOf(cached));
        properties.put("hibernate.cache.use_query_cache", String.valueOf(cached));
        if (cached) {
            properties.put("hibernate.cache.region.factory_class", "jcache");
            properties.put("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
            properties.put("hibernate.javax.cache.missing_cache_strategy", "create");
        } else {
            properties.put("jakarta.persistence.sharedCache.mode", "NONE");
        }
        this.factory = Persistence.createEntityManagerFactory(UNIT, properties);
        factory.createEntityManager().close();
    }

    static HibernateContender plain(BenchDatabase database) {
        return new HibernateContender(false, database);
    }

    static HibernateContender queryCache(BenchDatabase database) {
        return new HibernateContender(true, database);
    }

    @Override
    public String label() {
        return cached ? "Hibernate query cache" : "Hibernate";
    }

    @Override
    public String orm() {
        return "Hibernate";
    }

    @Override
    public EntityManagerFactory factory() {
        return factory;
    }

    @Override
    public Query query(EntityManager em, String name, String jpql, boolean batchFetch) {
        Query created = em.createQuery(jpql);
        if (cached) {
            created.setHint(HibernateHints.HINT_CACHEABLE, true);
        }
        return created;
    }

    @Override
    public void invalidate() {
        if (cached) {
            factory.unwrap(SessionFactory.class).getCache().evictAllRegions();
        }
    }

    @Override
    public boolean caches() {
        return cached;
    }

    @Override
    public void close() {
        factory.close();
        ((HikariDataSource) dataSource.pool()).close();
    }
}
