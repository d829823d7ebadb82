package io.cachalot.templates.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the statements the H2 database executed, from H2's own query statistics: what reached the
 * database, whatever cachalot or EclipseLink did in between. Its own queries and session settings (which
 * H2 runs when a connection opens) are not counted.
 */
public final class SqlCounter {

    private static final String COUNT = "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
            + " WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' AND SQL_STATEMENT NOT LIKE 'SET %'";

    private final String url;

    SqlCounter(String url) {
        this.url = url;
        run(statement -> {
            statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            statement.execute("SET QUERY_STATISTICS TRUE");
            return null;
        });
    }

    /** How many statements the database executed so far. */
    public long executed() {
        return run(statement -> {
            try (ResultSet rows = statement.executeQuery(COUNT)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** How many statements reached the database while {@code work} ran. */
    public long during(Runnable work) {
        long before = executed();
        work.run();
        return executed() - before;
    }

    private interface Work<T> {
        T apply(Statement statement) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 query statistics", e);
        }
    }
}
