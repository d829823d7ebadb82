package io.cachalot.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** The databases of the benchmark, each in its own database {@value #NAME}, created when missing. */
enum BenchDatabase {
    H2("H2", "jdbc:h2:mem:" + BenchDatabase.NAME + ";DB_CLOSE_DELAY=-1", "sa",
            "org.eclipse.persistence.platform.database.H2Platform"),
    POSTGRESQL("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/" + BenchDatabase.NAME, "postgres",
            "org.eclipse.persistence.platform.database.PostgreSQLPlatform"),
    MARIADB("MariaDB", "jdbc:mariadb://127.0.0.1:3306/" + BenchDatabase.NAME, "root",
            "org.eclipse.persistence.platform.database.MySQLPlatform");

    static final String NAME = "cachalot_bench";

    private final String label;
    private final String url;
    private final String user;
    private final String platform;

    BenchDatabase(String label, String url, String user, String platform) {
        this.label = label;
        this.url = url;
        this.user = user;
        this.platform = platform;
    }

    String label() {
        return label;
    }

    String platform() {
        return platform;
    }

    String url() {
        return url;
    }

    static BenchDatabase parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Creates the benchmark database when missing. */
    void create() throws SQLException {
        switch (this) {
            case H2 -> { }
            case POSTGRESQL -> {
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, "");
                        Statement statement = admin.createStatement()) {
                    var found = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
                    if (!found.next()) {
                        statement.execute("CREATE DATABASE " + NAME);
                    }
                }
            }
            case MARIADB -> {
                try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", user, "");
                        Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE IF NOT EXISTS " + NAME);
                }
            }
        }
    }

    /** A plain connection, outside every ORM and cache. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** A small pool (the benchmark is single-threaded), the same kind for every ORM. */
    HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /** SQL type of a timestamp column (MariaDB's TIMESTAMP has implicit defaults). */
    String timestampType() {
        return this == MARIADB ? "DATETIME(6)" : "TIMESTAMP";
    }
}
