package io.cachalot.store;

import io.cachalot.CachalotConfigurationException;
import io.cachalot.CachalotProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.MetadataValue;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.annotation.ClientCacheEntryModified;
import org.infinispan.client.hotrod.annotation.ClientListener;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.infinispan.client.hotrod.event.ClientCacheEntryModifiedEvent;
import org.infinispan.commons.api.CacheContainerAdmin.AdminFlag;
import org.infinispan.commons.configuration.StringConfiguration;

/**
 * The store on an Infinispan Server reached over Hot Rod. Keys and values are encoded by {@link RowCodec}
 * ({@code byte[]} and {@code String} only travel), never by Java serialization. The caches are created on
 * first use when the server lacks them. One client per server list and configuration is shared by every
 * unit of this class loader.
 */
public final class RemoteInfinispanStore implements CacheStore {

    private static final System.Logger LOG = System.getLogger(RemoteInfinispanStore.class.getName());
    private static final Map<String, Shared> CLIENTS = new HashMap<>();
    private static final String TABLES_XML = "<replicated-cache name=\"" + CachalotProperties.TABLES_CACHE
            + "\" mode=\"SYNC\"><encoding media-type=\"application/x-protostream\"/></replicated-cache>";
    private static final String RESULTS_XML = "<distributed-cache name=\"" + CachalotProperties.RESULTS_CACHE
            + "\" mode=\"SYNC\"><encoding media-type=\"application/x-protostream\"/>"
            + "<memory max-count=\"100000\" when-full=\"REMOVE\"/></distributed-cache>";
    private static final String FRAGMENTS_XML = "<distributed-cache name=\"" + CachalotProperties.FRAGMENTS_CACHE
            + "\" mode=\"SYNC\"><encoding media-type=\"application/x-protostream\"/>"
            + "<memory max-count=\"10000\" when-full=\"REMOVE\"/></distributed-cache>";

    /** Identifies this store (one unit) in the tokens it writes, to tell others' invalidations from its own. */
    private final long writer = ThreadLocalRandom.current().nextLong();
    private final String clientKey;
    private final RemoteCacheManager manager;
    private final List<TablesListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RemoteCache<String, byte[]> tables;
    private final RemoteCache<byte[], byte[]> results;
    private final RemoteCache<String, String> fragments;
    private final NearResults near;
    private boolean closed;

    private RemoteInfinispanStore(String clientKey, RemoteCacheManager manager, int nearResults) {
        this.clientKey = clientKey;
        this.manager = manager;
        this.near = new NearResults(nearResults);
        this.tables = cache(manager, CachalotProperties.TABLES_CACHE, TABLES_XML);
        this.results = cache(manager, CachalotProperties.RESULTS_CACHE, RESULTS_XML);
        this.fragments = cache(manager, CachalotProperties.FRAGMENTS_CACHE, FRAGMENTS_XML);
    }

    /** Connects as {@link #open(String, String, int)} does, keeping the default number of results near. */
    public static RemoteInfinispanStore open(String servers, String clientProperties) {
        return open(servers, clientProperties, CachalotProperties.DEFAULT_NEAR_RESULTS);
    }

    /**
     * Connects to the server (sharing the client of the same settings), creating the caches when absent.
     *
     * @param servers {@code host:port[;host:port]}, or null to take them from the client properties
     * @param clientProperties a {@code hotrod-client.properties} resource or file, or null
     * @param nearResults how many decoded results this store keeps in memory (see {@code NearResults}); 0 for none
     * @throws CachalotConfigurationException when the server cannot be reached or the caches cannot be created
     */
    public static RemoteInfinispanStore open(String servers, String clientProperties, int nearResults) {
        String key = servers + "|" + clientProperties;
        synchronized (CLIENTS) {
            Shared shared = CLIENTS.get(key);
            if (shared == null) {
                shared = new Shared(start(servers, clientProperties));
            }
            RemoteInfinispanStore store;
            try {
                store = new RemoteInfinispanStore(key, shared.manager, nearResults);
            } catch (RuntimeException e) {
                if (shared.users == 0) {
                    shared.manager.stop();
                }
                throw new CachalotConfigurationException("Cannot use the Infinispan Server at "
                        + describe(servers, clientProperties) + " (properties " + CachalotProperties.INFINISPAN_SERVERS
                        + ", " + CachalotProperties.INFINISPAN_CONFIG + "): " + e.getMessage(), e);
            }
            CLIENTS.put(key, shared);
            shared.users++;
            return store;
        }
    }

    @Override
    public Lookup lookup(List<String> tableKeys, ResultKey key) {
        CachedEntry kept = near.get(key);
        if (kept != null) {
            long[] tokens = tokens(tableKeys);
            if (kept.isValidFor(tokens)) {
                return new Lookup(tokens, kept);
            }
            // Invalidated since it was kept: a miss (another node may have stored a newer one; not worth a round trip).
            near.remove(key, kept);
            return new Lookup(tokens, null);
        }
        CompletableFuture<MetadataValue<byte[]>> stored = results.getWithMetadataAsync(RowCodec.encodeKey(key));
        long[] tokens = tokens(tableKeys);
        MetadataValue<byte[]> value = stored.join();
        CachedEntry entry = value == null ? null : decodeEntry(value.getValue());
        if (entry != null && entry.isValidFor(tokens) && value.getLifespan() < 0) {
            // Kept only when it has no lifespan: how much of one is left would need the server's clock.
            near.put(key, entry, null);
        }
        return new Lookup(tokens, entry);
    }

    /** The decoded copy this unit keeps, if any. */
    @Override
    public CachedEntry entryHeldHere(ResultKey key) {
        return near.get(key);
    }

    private CachedEntry decodeEntry(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return RowCodec.decodeEntry(value);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "cachalot: ignoring an undecodable entry in " + CachalotProperties.RESULTS_CACHE
                    + ": " + e.getMessage());
            return null;
        }
    }

    private long[] tokens(List<String> tableKeys) {
        Map<String, TableVersion> versions = versions(tableKeys);
        long[] tokens = new long[tableKeys.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = versions.get(tableKeys.get(i)).token();
        }
        return tokens;
    }

    @Override
    public Map<String, TableVersion> versions(List<String> tableKeys) {
        Map<String, byte[]> found = tables.getAll(new LinkedHashSet<>(tableKeys));
        Map<String, TableVersion> versions = new HashMap<>();
        for (String key : tableKeys) {
            byte[] encoded = found.get(key);
            TableVersion version = encoded == null ? null : decodeVersion(encoded);
            if (version == null) {
                TableVersion fresh = TableVersion.initial();
                byte[] existing = tables.withFlags(org.infinispan.client.hotrod.Flag.FORCE_RETURN_VALUE)
                        .putIfAbsent(key, RowCodec.encodeVersion(fresh, writer));
                version = existing == null ? fresh : decodeVersion(existing);
                if (version == null) {
                    tables.put(key, RowCodec.encodeVersion(fresh, writer));
                    version = fresh;
                }
            }
            versions.put(key, version);
        }
        return versions;
    }

    private static TableVersion decodeVersion(byte[] encoded) {
        try {
            return RowCodec.decodeVersion(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void putVersions(Map<String, TableVersion> versions) {
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        versions.forEach((key, version) -> encoded.put(key, RowCodec.encodeVersion(version, writer)));
        tables.putAll(encoded);
    }

    @Override
    public void putEntry(ResultKey key, CachedEntry entry, Duration lifespan) {
        byte[] encodedKey = RowCodec.encodeKey(key);
        byte[] value = RowCodec.encodeEntry(entry);
        if (lifespan == null) {
            results.put(encodedKey, value);
        } else {
            results.put(encodedKey, value, lifespan.toMillis(), TimeUnit.MILLISECONDS);
        }
        near.put(key, entry, lifespan);
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
        TablesListener registered = new TablesListener(tables, listener, writer);
        tables.addClientListener(registered);
        listeners.add(registered);
    }

    /** After the server restarted empty: creates the caches again and registers the listeners again. */
    @Override
    public void recover() {
        near.clear();
        cache(manager, CachalotProperties.TABLES_CACHE, TABLES_XML);
        cache(manager, CachalotProperties.RESULTS_CACHE, RESULTS_XML);
        cache(manager, CachalotProperties.FRAGMENTS_CACHE, FRAGMENTS_XML);
        for (TablesListener listener : listeners) {
            try {
                tables.removeClientListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "cachalot: stale client listener not removed", e);
            }
            tables.addClientListener(listener);
        }
    }

    @Override
    public void close() {
        synchronized (CLIENTS) {
            if (closed) {
                return;
            }
            closed = true;
            near.clear();
            for (TablesListener listener : listeners) {
                try {
                    tables.removeClientListener(listener);
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "cachalot: client listener not removed at close", e);
                }
            }
            listeners.clear();
            Shared shared = CLIENTS.get(clientKey);
            if (shared != null && --shared.users == 0) {
                CLIENTS.remove(clientKey);
                shared.manager.stop();
            }
        }
    }

    private static <K, V> RemoteCache<K, V> cache(RemoteCacheManager manager, String name, String xml) {
        return manager.administration().withFlags(AdminFlag.VOLATILE)
                .getOrCreateCache(name, new StringConfiguration(xml));
    }

    private static RemoteCacheManager start(String servers, String clientProperties) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.connectionTimeout(2_000).socketTimeout(2_000).maxRetries(1);
        if (clientProperties != null) {
            builder.withProperties(load(clientProperties));
        }
        if (servers != null) {
            builder.addServers(servers);
        }
        try {
            return new RemoteCacheManager(builder.build());
        } catch (RuntimeException e) {
            throw new CachalotConfigurationException("Cannot start the Hot Rod client for "
                    + describe(servers, clientProperties) + ": " + e.getMessage(), e);
        }
    }

    private static Properties load(String clientProperties) {
        Properties properties = new Properties();
        try (InputStream in = open(clientProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new CachalotConfigurationException("Invalid value '" + clientProperties + "' for property "
                    + CachalotProperties.INFINISPAN_CONFIG + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static InputStream open(String location) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(location);
        if (in == null) {
            in = RemoteInfinispanStore.class.getClassLoader().getResourceAsStream(location);
        }
        if (in == null && Files.isRegularFile(Path.of(location))) {
            in = Files.newInputStream(Path.of(location));
        }
        if (in == null) {
            throw new IOException("no such class-path resource or file");
        }
        return in;
    }

    private static String describe(String servers, String clientProperties) {
        return servers != null ? servers : "the servers of " + clientProperties;
    }

    private static final class Shared {
        final RemoteCacheManager manager;
        int users;

        Shared(RemoteCacheManager manager) {
            this.manager = manager;
        }
    }

    /** Tells the engine of replaced tokens; the new value names the store (unit) that wrote it. */
    @ClientListener
    public static final class TablesListener {
        private final RemoteCache<String, byte[]> tables;
        private final VersionListener delegate;
        private final long writer;

        TablesListener(RemoteCache<String, byte[]> tables, VersionListener delegate, long writer) {
            this.tables = tables;
            this.delegate = delegate;
            this.writer = writer;
        }

        @ClientCacheEntryModified
        public void modified(ClientCacheEntryModifiedEvent<String> event) {
            tables.getAsync(event.getKey()).thenAccept(value -> {
                if (value != null) {
                    try {
                        TableVersion version = RowCodec.decodeVersion(value);
                        delegate.versionReplaced(event.getKey(), version, RowCodec.decodeNode(value) == writer);
                    } catch (IllegalArgumentException e) {
                        LOG.log(Level.DEBUG, "cachalot: undecodable token for " + event.getKey());
                    }
                }
            });
        }
    }
}
