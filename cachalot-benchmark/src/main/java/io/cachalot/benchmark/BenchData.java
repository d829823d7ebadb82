package io.cachalot.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * The seed's data set, made with plain JDBC on the benchmark's own tables: 50 users, 10 groups, each user in
 * two of them, and 10,000 items, each with a random owner. Seeded, so every run and database holds the same rows.
 */
final class BenchData {

    static final int USERS = 50;
    static final int GROUPS = 10;
    static final int ITEMS = 10_000;
    static final String[] TABLES = {"bench_item", "bench_user_groups", "bench_user", "bench_group"};

    private BenchData() {
    }

    /** Drops and re-creates the tables, then fills them. */
    static void load(BenchDatabase database) throws SQLException {
        database.create();
        try (Connection connection = database.connect()) {
            try (Statement ddl = connection.createStatement()) {
                for (String table : TABLES) {
                    ddl.execute("DROP TABLE IF EXISTS " + table);
                }
                String timestamp = database.timestampType();
                ddl.execute("CREATE TABLE bench_group (id BIGINT PRIMARY KEY, name VARCHAR(150) NOT NULL)");
                ddl.execute("CREATE TABLE bench_user (id BIGINT PRIMARY KEY, username VARCHAR(150) NOT NULL,"
                        + " first_name VARCHAR(150), last_name VARCHAR(150), email VARCHAR(254),"
                        + " is_staff BOOLEAN NOT NULL, is_active BOOLEAN NOT NULL, date_joined " + timestamp + ")");
                ddl.execute("CREATE TABLE bench_user_groups (user_id BIGINT NOT NULL REFERENCES bench_user (id),"
                        + " group_id BIGINT NOT NULL REFERENCES bench_group (id), PRIMARY KEY (user_id, group_id))");
                ddl.execute("CREATE TABLE bench_item (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL,"
                        + " is_public BOOLEAN NOT NULL, created_on DATE, created_at " + timestamp + ","
                        + " a_float DOUBLE PRECISION, a_decimal DECIMAL(10, 2),"
                        + " owner_id BIGINT NOT NULL REFERENCES bench_user (id))");
                ddl.execute("CREATE INDEX bench_item_owner ON bench_item (owner_id)");
                ddl.execute("CREATE INDEX bench_user_groups_group ON bench_user_groups (group_id)");
            }
            connection.setAutoCommit(false);
            fill(connection);
            connection.commit();
            connection.setAutoCommit(true);
            if (database == BenchDatabase.POSTGRESQL) {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE");
                }
            }
        }
    }

    private static void fill(Connection connection) throws SQLException {
        Random random = new Random(20_170_601);
        LocalDateTime epoch = LocalDateTime.of(2017, 6, 1, 12, 0);
        try (PreparedStatement group = connection.prepareStatement("INSERT INTO bench_group (id, name) VALUES (?, ?)")) {
            for (int id = 1; id <= GROUPS; id++) {
                group.setLong(1, id);
                group.setString(2, "group " + id);
                group.addBatch();
            }
            group.executeBatch();
        }
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO bench_user (id, username, first_name,"
                + " last_name, email, is_staff, is_active, date_joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement member = connection.prepareStatement(
                        "INSERT INTO bench_user_groups (user_id, group_id) VALUES (?, ?)")) {
            for (int id = 1; id <= USERS; id++) {
                user.setLong(1, id);
                user.setString(2, "user" + id);
                user.setString(3, "First" + id);
                user.setString(4, "Last" + id);
                user.setString(5, "user" + id + "@example.org");
                user.setBoolean(6, id % 10 == 0);
                user.setBoolean(7, true);
                user.setTimestamp(8, Timestamp.valueOf(epoch.minusDays(id)));
                user.addBatch();
                int first = 1 + random.nextInt(GROUPS);
                int second = 1 + (first + random.nextInt(GROUPS - 1)) % GROUPS;
                for (int groupId : new int[] {first, second}) {
                    member.setLong(1, id);
                    member.setLong(2, groupId);
                    member.addBatch();
                }
            }
            user.executeBatch();
            member.executeBatch();
        }
        try (PreparedStatement item = connection.prepareStatement("INSERT INTO bench_item (id, name, is_public,"
                + " created_on, created_at, a_float, a_decimal, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= ITEMS; id++) {
                item.setLong(1, id);
                // about 70% of the names contain an 'e', so both slices of the LIKE '%e%' filter have rows
                item.setString(2, (random.nextInt(10) < 7 ? "Entry " : "Box ") + id);
                item.setBoolean(3, random.nextBoolean());
                item.setDate(4, Date.valueOf(LocalDate.of(2017, 1, 1).plusDays(random.nextInt(365))));
                item.setTimestamp(5, Timestamp.valueOf(epoch.plusSeconds(random.nextInt(86_400 * 30))));
                item.setDouble(6, random.nextDouble() * 1000);
                item.setBigDecimal(7, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
                item.setLong(8, 1 + random.nextInt(USERS));
                item.addBatch();
                if (id % 1000 == 0) {
                    item.executeBatch();
                }
            }
        }
    }
}
