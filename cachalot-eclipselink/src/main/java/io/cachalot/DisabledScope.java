package io.cachalot;

/**
 * While open, the thread that opened it reads straight from the database: no result is served from
 * or stored in the cache. Writes still invalidate. Scopes nest; close each one on the thread that opened it.
 */
public interface DisabledScope extends AutoCloseable {

    /** Ends this scope. */
    @Override
    void close();
}
