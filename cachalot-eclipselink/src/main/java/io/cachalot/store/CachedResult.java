package io.cachalot.store;

import java.util.Arrays;

/**
 * The rows of one result, as the database returned them. Never mutated once built: values are copies
 * owned by the cache, and readers copy them again before handing them out.
 *
 * @param columns column names in result order (an entry may be {@code null})
 * @param rows one array of values per row, aligned with {@code columns}
 * @param singleRow whether the call asked for one row (so an empty result means "no row")
 */
public record CachedResult(String[] columns, Object[][] rows, boolean singleRow) {

    public int rowCount() {
        return rows.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedResult result
                && singleRow == result.singleRow
                && Arrays.equals(columns, result.columns)
                && Arrays.deepEquals(rows, result.rows);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columns) * 31 + Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "CachedResult[" + rows.length + " rows of " + Arrays.toString(columns) + "]";
    }
}
