package io.cachalot;

import java.time.Duration;
import java.util.Optional;

/**
 * The bounded cache of rendered template fragments ({@code cachalot-fragments}), in the same store as the
 * query cache. Keys should include a {@link Cachalot#versionTag} of the tables a fragment shows, so that
 * a fragment is never served once one of them changed. When the store is unavailable, {@link #get}
 * finds nothing and {@link #put} stores nothing.
 */
public interface FragmentCache {

    /** The fragment stored under this key, if any. */
    Optional<String> get(String key);

    /**
     * Stores a fragment.
     *
     * @param lifespan how long it may be served; null for "until evicted"
     */
    void put(String key, String fragment, Duration lifespan);
}
