package io.cachalot.eclipselink;

import io.cachalot.CachalotConfigurationException;
import io.cachalot.CachalotProperties;
import io.cachalot.engine.Settings;
import io.cachalot.store.CacheStore;
import io.cachalot.store.EmbeddedInfinispanStore;
import io.cachalot.store.RemoteInfinispanStore;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.infinispan.manager.EmbeddedCacheManager;

/** Opens the store the settings ask for. */
final class Stores {

    private Stores() {
    }

    static CacheStore open(Settings settings, String sessionName) {
        if (settings.jndi() != null) {
            return EmbeddedInfinispanStore.onManager(lookup(settings.jndi()));
        }
        if (CachalotProperties.MODE_REMOTE.equals(settings.mode())) {
            return RemoteInfinispanStore.open(settings.servers(), settings.config(), settings.nearResults());
        }
        return EmbeddedInfinispanStore.open(settings.config());
    }

    private static EmbeddedCacheManager lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof EmbeddedCacheManager manager) {
                return manager;
            }
            throw new CachalotConfigurationException("Invalid value '" + name + "' for property "
                    + CachalotProperties.INFINISPAN_JNDI + ": it names a " + (found == null ? "null" : found.getClass().getName())
                    + ", not an EmbeddedCacheManager");
        } catch (NamingException e) {
            throw new CachalotConfigurationException("Invalid value '" + name + "' for property "
                    + CachalotProperties.INFINISPAN_JNDI + ": " + e.getMessage(), e);
        }
    }
}
