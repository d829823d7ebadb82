package io.cachalot.store;

import io.cachalot.CachalotConfigurationException;
import io.cachalot.CachalotProperties;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.commons.marshall.WrappedByteArray;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;

/**
 * The store on an in-JVM Infinispan cache manager: local by default, clustered when the configuration
 * has a JGroups transport. One cache manager per configuration is shared by every persistence unit of
 * this class loader, and stopped when the last of them closes.
 *
 * <p>Tokens are kept encoded by {@link RowCodec} with the id of the unit that wrote them (so listeners tell
 * other units' and other nodes' invalidations from their own, and replicated tokens need no marshaller);
 * results are kept as objects in a local cache, and encoded when the results cache is clustered.
 */
public final class EmbeddedInfinispanStore implements CacheStore {

    private static final System.Logger LOG = System.getLogger(EmbeddedInfinispanStore.class.getName());

    private static final Map<String, SharedManager> MANAGERS = new HashMap<>();

    private final long writer = java.util.concurrent.ThreadLocalRandom.current().nextLong();
    private final String configuration;
    private final Cache<String, Object> tables;
    private final Cache<Object, Object> results;
    private final boolean encodeResults;
    private final boolean clusteredTables;
    private final Cache<String, String> fragments;
    private final List<TablesListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<MembersListener> membersListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean closed;

    private EmbeddedInfinispanStore(String configuration, EmbeddedCacheManager manager) {
        this.configuration = configuration;
        this.tables = cache(manager, CachalotProperties.TABLES_CACHE, configuration);
        this.results = cache(manager, CachalotProperties.RESULTS_CACHE, configuration);
        this.encodeResults = results.getCacheConfiguration().clustering().cacheMode().isClustered();
        this.clusteredTables = tables.getCacheConfiguration().clustering().cacheMode().isClustered();
        this.fragments = cache(manager, CachalotProperties.FRAGMENTS_CACHE, configuration);
    }

    /**
     * Opens the store on the shared cache manager of this configuration, starting it if needed.
     *
     * @param configuration a class-path resource or file holding an Infinispan XML; null for the default
     */
    public static EmbeddedInfinispanStore open(String configuration) {
        String name = configuration == null ? CachalotProperties.DEFAULT_EMBEDDED_CONFIG : configuration;
        synchronized (MANAGERS) {
            SharedManager shared = MANAGERS.get(name);
            if (shared == null) {
                shared = new SharedManager(start(name));
                MANAGERS.put(name, shared);
            }
            EmbeddedInfinispanStore store = new EmbeddedInfinispanStore(name, shared.manager);
            shared.users++;
            return store;
        }
    }

    /** Opens a store on a cache manager owned by someone else (for example a container's, from JNDI). */
    public static EmbeddedInfinispanStore onManager(EmbeddedCacheManager manager) {
        return new EmbeddedInfinispanStore(null, manager);
    }

    /** The shared cache manager of a configuration opened by some unit, for other caches (fragments). */
    public EmbeddedCacheManager cacheManager() {
        return tables.getCacheManager();
    }

    @Override
    public Lookup lookup(List<String> tableKeys, ResultKey key) {
        long[] tokens = tokens(tableKeys);
        if (!encodeResults) {
            return new Lookup(tokens, (CachedEntry) results.get(key));
        }
        byte[] value = bytes(results.get(new WrappedByteArray(RowCodec.encodeKey(key))));
        return new Lookup(tokens, value == null ? null : RowCodec.decodeEntry(value));
    }

    /** The local results cache's entry; none when results are clustered (a look-up could cross the network). */
    @Override
    public CachedEntry entryHeldHere(ResultKey key) {
        return encodeResults ? null : (CachedEntry) results.get(key);
    }

    /** The current tokens: one get per key, the common case; absent keys are created through {@link #versions}. */
    private long[] tokens(List<String> tableKeys) {
        long[] tokens = new long[tableKeys.size()];
        for (int i = 0; i < tokens.length; i++) {
            byte[] value = bytes(tables.get(tableKeys.get(i)));
            if (value == null) {
                Map<String, TableVersion> versions = versions(tableKeys);
                for (int j = 0; j < tokens.length; j++) {
                    tokens[j] = versions.get(tableKeys.get(j)).token();
                }
                return tokens;
            }
            tokens[i] = RowCodec.decodeToken(value);
        }
        return tokens;
    }

    @Override
    public Map<String, TableVersion> versions(List<String> tableKeys) {
        Map<String, Object> encoded = tables.getAdvancedCache().getAll(new LinkedHashSet<>(tableKeys));
        Map<String, TableVersion> found = new HashMap<>();
        for (String key : tableKeys) {
            byte[] value = bytes(encoded.get(key));
            if (value == null) {
                TableVersion fresh = TableVersion.initial();
                value = bytes(tables.putIfAbsent(key, RowCodec.encodeVersion(fresh, writer)));
                found.put(key, value == null ? fresh : RowCodec.decodeVersion(value));
            } else {
                found.put(key, RowCodec.decodeVersion(value));
            }
        }
        return found;
    }

    @Override
    public void putVersions(Map<String, TableVersion> versions) {
        Map<String, Object> encoded = new HashMap<>();
        versions.forEach((key, version) -> encoded.put(key, RowCodec.encodeVersion(version, writer)));
        tables.putAll(encoded);
    }

    @Override
    public void putEntry(ResultKey key, CachedEntry entry, Duration lifespan) {
        Object storedKey = encodeResults ? new WrappedByteArray(RowCodec.encodeKey(key)) : key;
        Object storedEntry = encodeResults ? RowCodec.encodeEntry(entry) : entry;
        if (lifespan == null) {
            results.put(storedKey, storedEntry);
        } else {
            results.put(storedKey, storedEntry, lifespan.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String getFragment(String key) {
        return fragments.get(key);
    }

    @Override
    public void putFragment(String key, String fragment, Duration lifespan) {
        if (lifespan == null) {
            fragments.put(key, fragment);
        } else {
            fragments.put(key, fragment, lifespan.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void addVersionListener(VersionListener listener) {
        TablesListener registered = new TablesListener(listener, writer);
        tables.addListener(registered);
        listeners.add(registered);
    }

    @Override
    public void addMemberLeftListener(Runnable listener) {
        if (clusteredTables) {
            MembersListener registered = new MembersListener(listener);
            tables.getCacheManager().addListener(registered);
            membersListeners.add(registered);
        }
    }

    /** Stops telling this unit's listeners; the cache manager outlives the unit when others (or a container) use it. */
    private void removeListeners() {
        for (TablesListener listener : listeners) {
            tables.removeListener(listener);
        }
        listeners.clear();
        for (MembersListener listener : membersListeners) {
            tables.getCacheManager().removeListener(listener);
        }
        membersListeners.clear();
    }

    @Override
    public void close() {
        synchronized (MANAGERS) {
            if (closed) {
                return;
            }
            closed = true;
            removeListeners();
            if (configuration == null) {
                return;
            }
            SharedManager shared = MANAGERS.get(configuration);
            if (shared != null && --shared.users == 0) {
                MANAGERS.remove(configuration);
                shared.manager.stop();
            }
        }
    }

    /** A value stored as bytes, as the cache hands it back (clustered caches may wrap it). */
    private static byte[] bytes(Object value) {
        return value instanceof WrappedByteArray wrapped ? wrapped.getBytes() : (byte[]) value;
    }

    private static <K, V> Cache<K, V> cache(EmbeddedCacheManager manager, String name, String configuration) {
        if (!manager.cacheExists(name) && manager.getCacheConfiguration(name) == null) {
            throw new CachalotConfigurationException("The Infinispan configuration " + configuration
                    + " (property " + CachalotProperties.INFINISPAN_CONFIG + ") defines no cache named '" + name + "'");
        }
        return manager.getCache(name);
    }

    private static EmbeddedCacheManager start(String configuration) {
        try (InputStream in = open(configuration, Thread.currentThread().getContextClassLoader())) {
            return new DefaultCacheManager(in);
        } catch (IOException | RuntimeException e) {
            throw new CachalotConfigurationException("Cannot start Infinispan from " + configuration
                    + " (property " + CachalotProperties.INFINISPAN_CONFIG + "): " + e.getMessage(), e);
        }
    }

    private static InputStream open(String configuration, ClassLoader contextLoader) throws IOException {
        String resource = configuration.startsWith("/") && !Files.exists(Path.of(configuration))
                ? configuration.substring(1) : configuration;
        for (ClassLoader loader : new ClassLoader[] {contextLoader, EmbeddedInfinispanStore.class.getClassLoader()}) {
            if (loader != null) {
                InputStream in = loader.getResourceAsStream(resource);
                if (in != null) {
                    return in;
                }
            }
        }
        Path file = Path.of(configuration);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        throw new IOException("no such class-path resource or file");
    }

    private static final class SharedManager {
        final EmbeddedCacheManager manager;
        int users;

        SharedManager(EmbeddedCacheManager manager) {
            this.manager = manager;
        }
    }

    @Listener
    public static final class TablesListener {
        private final VersionListener delegate;
        private final long writer;

        TablesListener(VersionListener delegate, long writer) {
            this.delegate = delegate;
            this.writer = writer;
        }

        @CacheEntryModified
        public void modified(CacheEntryModifiedEvent<String, Object> event) {
            byte[] value = bytes(event.getNewValue());
            if (event.isPre() || value == null) {
                return;
            }
            try {
                delegate.versionReplaced(event.getKey(), RowCodec.decodeVersion(value),
                        RowCodec.decodeNode(value) == writer);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cachalot: cannot deliver the invalidation of " + event.getKey(), e);
            }
        }
    }

    /** Tells the engine when a member of the cluster is gone (crashed, left, or cut off). */
    @Listener(sync = true)
    public static final class MembersListener {
        private final Runnable memberLeft;

        MembersListener(Runnable memberLeft) {
            this.memberLeft = memberLeft;
        }

        @ViewChanged
        public void viewChanged(ViewChangedEvent event) {
            if (!event.getNewMembers().containsAll(event.getOldMembers())) {
                memberLeft.run();
            }
        }
    }
}
