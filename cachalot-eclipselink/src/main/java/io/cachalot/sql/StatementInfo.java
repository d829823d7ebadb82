package io.cachalot.sql;

import java.util.Set;

/**
 * What one SQL string does to the cache, as found by {@link SqlAnalyzer}.
 *
 * @param kind what the statement is
 * @param tables for a read, the known tables it reads; for a write, the known tables it changes
 * @param uncachableReason for a read that must never be cached, why; {@code null} when it may be cached
 */
public record StatementInfo(Kind kind, Set<String> tables, String uncachableReason) {

    /** What a statement does. */
    public enum Kind {
        /** A SELECT (or WITH ... SELECT). */
        READ,
        /** Changes the listed tables. */
        WRITE,
        /** Changes something that could not be determined: every table must be invalidated. */
        WRITE_UNKNOWN,
        /** Changes no table data: SET, SHOW, transaction control, sequences. */
        NEUTRAL
    }

    public StatementInfo {
        tables = Set.copyOf(tables);
    }

    public boolean cachable() {
        return kind == Kind.READ && uncachableReason == null;
    }

    static StatementInfo uncachableRead(Set<String> tables, String reason) {
        return new StatementInfo(Kind.READ, tables, reason);
    }
}
