package io.cachalot.sql;

import java.util.Locale;
import java.util.Set;

/** Functions whose result changes between two runs of the same SQL on the same data. */
final class VolatileFunctions {

    private static final Set<String> CLOCK_AND_SEQUENCE = Set.of(
            "NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "SYSDATE",
            "SYSTIMESTAMP", "GETDATE", "GETUTCDATE", "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME", "CURDATE", "CURTIME",
            "STATEMENT_TIMESTAMP", "CLOCK_TIMESTAMP", "TRANSACTION_TIMESTAMP", "TIMEOFDAY", "UNIX_TIMESTAMP",
            "NEXTVAL", "CURRVAL", "LASTVAL", "SETVAL", "LAST_INSERT_ID", "IDENTITY", "SCOPE_IDENTITY",
            "UUID", "UUID_SHORT", "RANDOM_UUID", "GEN_RANDOM_UUID", "UUID_GENERATE_V4", "NEWID", "SYS_GUID",
            "SLEEP", "PG_SLEEP", "GET_LOCK", "RELEASE_LOCK", "CONNECTION_ID", "PG_BACKEND_PID", "TXID_CURRENT",
            "FOUND_ROWS", "ROW_COUNT", "SESSION_ID", "DATABASE_PATH");
    private static final Set<String> RANDOM = Set.of("RANDOM", "RAND", "DBMS_RANDOM");

    private final boolean cacheRandom;

    VolatileFunctions(boolean cacheRandom) {
        this.cacheRandom = cacheRandom;
    }

    /** Whether a function of this (possibly qualified) name makes a read uncachable. */
    boolean isVolatile(String name) {
        if (name == null) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        int dot = upper.lastIndexOf('.');
        String simple = dot < 0 ? upper : upper.substring(dot + 1);
        if (RANDOM.contains(simple) || RANDOM.contains(upper)) {
            return !cacheRandom;
        }
        return CLOCK_AND_SEQUENCE.contains(simple);
    }
}
