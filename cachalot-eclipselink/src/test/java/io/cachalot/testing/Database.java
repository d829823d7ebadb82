package io.cachalot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the suite runs on. PostgreSQL and MariaDB are the machine's local servers; each test
 * run works in its own database {@value #TEST_DATABASE}, created when missing.
 */
public enum Database {
    H2("jdbc:h2:mem:cachalot;DB_CLOSE_DELAY=-1", "sa", "",
            "org.eclipse.persistence.platform.database.H2Platform"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/%s", "postgres", "",
            "org.eclipse.persistence.platform.database.PostgreSQLPlatform"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/%s", "root", "",
            "org.eclipse.persistence.platform.database.MySQLPlatform");

    /** The database (PostgreSQL) or schema (MariaDB) the tests use; {@code -Dcachalot.test.db=...} changes it. */
    public static final String TEST_DATABASE = Names.TEST_DATABASE;

    private final String url;
    private final String user;
    private final String password;
    private final String platform;
    private boolean created;

    Database(String url, String user, String password, String platform) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.platform = platform;
    }

    public String url() {
        return url.formatted(TEST_DATABASE);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String platform() {
        return platform;
    }

    /** A new counting data source on this database, creating the test database if needed. */
    public synchronized CountingDataSource dataSource() {
        if (!created) {
            createTestDatabase();
            created = true;
        }
        return new CountingDataSource(url(), user, password);
    }

    /** A plain JDBC connection that bypasses EclipseLink and cachalot, for writes "from outside". */
    public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private void createTestDatabase() {
        try {
            switch (this) {
                case H2 -> { }
                case POSTGRESQL -> {
                    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, password);
                            Statement statement = admin.createStatement()) {
                        var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TEST_DATABASE + "'");
                        if (!rs.next()) {
                            statement.execute("CREATE DATABASE " + TEST_DATABASE);
                        }
                    }
                }
                case MARIADB -> {
                    try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", user, password);
                            Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE IF NOT EXISTS " + TEST_DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + this
                    + " (is the server running? see .ci/run): " + e.getMessage(), e);
        }
    }

    private static final class Names {
        static final String TEST_DATABASE = System.getProperty("cachalot.test.db", "cachalot_it");
    }
}
