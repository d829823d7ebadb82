package io.cachalot.store;

import java.util.Arrays;

/**
 * Identifies one cached result: the database, the final SQL, its bound values and the row window.
 * Parameters must already be immutable copies (see {@code ValueCopier}).
 */
public final class ResultKey {

    private final String database;
    private final String sql;
    private final Object[] parameters;
    private final int firstResult;
    private final int maxRows;
    private final int hash;

    public ResultKey(String database, String sql, Object[] parameters, int firstResult, int maxRows) {
        this.database = database;
        this.sql = sql;
        this.parameters = parameters;
        this.firstResult = firstResult;
        this.maxRows = maxRows;
        this.hash = ((database.hashCode() * 31 + sql.hashCode()) * 31 + Arrays.deepHashCode(parameters)) * 31
                + firstResult * 17 + maxRows;
    }

    public String database() {
        return database;
    }

    public String sql() {
        return sql;
    }

    public Object[] parameters() {
        return parameters.clone();
    }

    public int firstResult() {
        return firstResult;
    }

    public int maxRows() {
        return maxRows;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultKey key
                && hash == key.hash
                && firstResult == key.firstResult
                && maxRows == key.maxRows
                && sql.equals(key.sql)
                && database.equals(key.database)
                && Arrays.deepEquals(parameters, key.parameters);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ResultKey[" + sql + " " + Arrays.deepToString(parameters) + " first=" + firstResult + " max=" + maxRows + "]";
    }
}
