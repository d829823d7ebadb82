package io.cachalot.engine;

import io.cachalot.store.CachedResult;

/**
 * One read as the ORM runs it, adapted for the engine.
 *
 * @param <R> the ORM's own result type
 */
public interface ReadCall<R> {

    /** Runs the SQL on the database. */
    R execute();

    /**
     * After {@link #execute}: whether its rows may be stored for everyone. False when they were read inside
     * a database transaction whose snapshot may be older than the tokens read before (isolation above
     * READ COMMITTED).
     */
    boolean mayStore();

    /**
     * The rows of {@code result}, each value copied with {@link #copyValue}; null when the result cannot be
     * cached (a value of an unsupported type, or more than {@code maxRows} rows).
     */
    CachedResult capture(R result, int maxRows);

    /** Builds the ORM's result from cached rows; values must be taken through {@link #copyValue}. */
    R rebuild(CachedResult cached);

    /** A copy of a JDBC value safe to cache or hand out, or {@link #UNSUPPORTED}. */
    static Object copyValue(Object value) {
        return ValueCopier.copy(value);
    }

    /** What {@link #copyValue} returns for a value that cannot be cached. */
    Object UNSUPPORTED = ValueCopier.UNSUPPORTED;
}
