package io.cachalot.engine;

import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedEntry;
import io.cachalot.store.Lookup;
import io.cachalot.store.ResultKey;
import io.cachalot.store.TableVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A store that hands every call to another one; tests override the calls they disturb. */
class ForwardingStore implements CacheStore {

    private final CacheStore delegate;

    ForwardingStore(CacheStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Lookup lookup(List<String> tableKeys, ResultKey key) {
        return delegate.lookup(tableKeys, key);
    }

    @Override
    public CachedEntry entryHeldHere(ResultKey key) {
        return delegate.entryHeldHere(key);
    }

    @Override
    public Map<String, TableVersion> versions(List<String> tableKeys) {
        return delegate.versions(tableKeys);
    }

    @Override
    public void putVersions(Map<String, TableVersion> versions) {
        delegate.putVersions(versions);
    }

    @Override
    public void putEntry(ResultKey key, CachedEntry entry, Duration lifespan) {
        delegate.putEntry(key, entry, lifespan);
    }

    @Override
    public String getFragment(String key) {
        return delegate.getFragment(key);
    }

    @Override
    public void putFragment(String key, String fragment, Duration lifespan) {
        delegate.putFragment(key, fragment, lifespan);
    }

    @Override
    public void addVersionListener(VersionListener listener) {
        delegate.addVersionListener(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
