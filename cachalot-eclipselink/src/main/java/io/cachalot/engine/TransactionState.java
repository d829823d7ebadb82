package io.cachalot.engine;

import io.cachalot.sql.StatementInfo;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables one open transaction has written. Reads of them bypass the shared cache until the
 * transaction ends; on commit they are invalidated, on rollback forgotten. Used by one thread at a time.
 */
public final class TransactionState {

    private final Set<String> written = new LinkedHashSet<>();
    private boolean wroteUnknown;

    /** Notes a write statement. */
    public void record(StatementInfo write) {
        if (write.kind() == StatementInfo.Kind.WRITE_UNKNOWN) {
            wroteUnknown = true;
        } else {
            written.addAll(write.tables());
        }
    }

    /** Whether a read of these tables might see this transaction's own writes. */
    public boolean hasWrittenAny(Set<String> tables) {
        if (wroteUnknown) {
            return true;
        }
        for (String table : tables) {
            if (written.contains(table)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return !wroteUnknown && written.isEmpty();
    }

    /** The written tables; when a write could not be parsed, also every table in {@code allTables}. */
    Set<String> tablesToInvalidate(Set<String> allTables) {
        Set<String> tables = new LinkedHashSet<>(written);
        if (wroteUnknown) {
            tables.addAll(allTables);
        }
        return tables;
    }
}
