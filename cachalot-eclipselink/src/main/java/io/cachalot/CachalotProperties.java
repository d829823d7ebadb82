package io.cachalot;

import java.util.List;

/**
 * Every {@code cachalot.*} configuration property, with its default.
 *
 * <p>Properties are read from the persistence unit ({@code persistence.xml} or the map given to
 * {@code createEntityManagerFactory}), then from JVM system properties of the same name. A bad value
 * stops the persistence unit from starting, with a message naming the property and the value.
 */
public final class CachalotProperties {

    /** {@code true} (default) or {@code false}: when false, results are neither served nor stored, but writes still invalidate. */
    public static final String ENABLED = "cachalot.enabled";
    /** {@code embedded} (default) or {@code remote}. */
    public static final String INFINISPAN_MODE = "cachalot.infinispan.mode";
    /** An Infinispan XML (embedded) or a {@code hotrod-client.properties} (remote), from the class path or a file. */
    public static final String INFINISPAN_CONFIG = "cachalot.infinispan.config";
    /** Remote mode: {@code host:port[;host:port]}. */
    public static final String INFINISPAN_SERVERS = "cachalot.infinispan.servers";
    /**
     * Remote mode: how many decoded results each unit keeps in its JVM (default 10000; 0 for none). A kept result
     * is served only when the tokens fetched from the server on that read still equal the ones it was read under,
     * so it saves the result's transfer and decoding, never the token check.
     */
    public static final String INFINISPAN_NEAR_RESULTS = "cachalot.infinispan.near-results";
    /** JNDI name of a container-provided {@code EmbeddedCacheManager}. */
    public static final String INFINISPAN_JNDI = "cachalot.infinispan.jndi";
    /** Seconds a cached result may live; unset means until invalidated or evicted. */
    public static final String TIMEOUT = "cachalot.timeout";
    /** Results with more rows than this are not stored (default 10000). */
    public static final String MAX_ROWS = "cachalot.max-rows";
    /** {@code true} to cache reads that call a random function (default false). */
    public static final String CACHE_RANDOM = "cachalot.cache-random";
    /** {@code true} (default) to parse native SQL writes and invalidate their tables. */
    public static final String INVALIDATE_NATIVE = "cachalot.invalidate-native";
    /** Comma-separated tables: when set, only reads of these tables are cached. */
    public static final String ONLY_CACHABLE_TABLES = "cachalot.only-cachable-tables";
    /** Comma-separated tables: reads touching any of these are never cached. Wins over {@link #ONLY_CACHABLE_TABLES}. */
    public static final String UNCACHABLE_TABLES = "cachalot.uncachable-tables";
    /** Comma-separated tables unknown to the mappings (views, legacy tables) to recognise in SQL. */
    public static final String ADDITIONAL_TABLES = "cachalot.additional-tables";
    /** Class name of the application's own {@code SessionCustomizer}, run after cachalot's. */
    public static final String SESSION_CUSTOMIZER = "cachalot.session.customizer";

    /**
     * Per-query property (set through {@link Cachalot#uncached(jakarta.persistence.Query)}): {@code false}
     * skips the cache for that query.
     */
    public static final String QUERY_CACHE = "cachalot.cache";

    public static final boolean DEFAULT_ENABLED = true;
    public static final String MODE_EMBEDDED = "embedded";
    public static final String MODE_REMOTE = "remote";
    public static final String DEFAULT_INFINISPAN_MODE = MODE_EMBEDDED;
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final int DEFAULT_NEAR_RESULTS = 10_000;
    public static final boolean DEFAULT_CACHE_RANDOM = false;
    public static final boolean DEFAULT_INVALIDATE_NATIVE = true;

    /** Names of the Infinispan caches cachalot uses. */
    public static final String TABLES_CACHE = "cachalot-tables";
    public static final String RESULTS_CACHE = "cachalot-results";
    public static final String FRAGMENTS_CACHE = "cachalot-fragments";
    /** The Infinispan configuration shipped in the jar and used by default in embedded mode. */
    public static final String DEFAULT_EMBEDDED_CONFIG = "io/cachalot/infinispan/cachalot-local.xml";

    /** Every property name above that a persistence unit may set. */
    public static final List<String> ALL = List.of(ENABLED, INFINISPAN_MODE, INFINISPAN_CONFIG, INFINISPAN_SERVERS,
            INFINISPAN_NEAR_RESULTS, INFINISPAN_JNDI, TIMEOUT, MAX_ROWS, CACHE_RANDOM, INVALIDATE_NATIVE, ONLY_CACHABLE_TABLES,
            UNCACHABLE_TABLES, ADDITIONAL_TABLES, SESSION_CUSTOMIZER);

    private CachalotProperties() {
    }
}
