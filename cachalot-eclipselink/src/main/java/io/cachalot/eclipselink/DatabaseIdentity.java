package io.cachalot.eclipselink;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Names the database a connection talks to: URL, user, catalog and schema. */
final class DatabaseIdentity {

    private DatabaseIdentity() {
    }

    static String of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String url = metaData.getURL();
        int query = url == null ? -1 : url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + "|" + metaData.getUserName() + "|" + optional(() -> connection.getCatalog())
                + "|" + optional(() -> connection.getSchema());
    }

    private static String optional(SqlSupplier supplier) {
        try {
            return supplier.get();
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            return "";
        }
    }

    private interface SqlSupplier {
        String get() throws SQLException;
    }
}
