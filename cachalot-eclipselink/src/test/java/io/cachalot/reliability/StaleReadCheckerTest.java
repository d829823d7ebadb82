package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stale-read checker ({@link StaleReadChecker}) on PostgreSQL and MariaDB, at READ COMMITTED and REPEATABLE
 * READ, with the embedded store and with the remote store on a real Hot Rod server (one unit, and two units
 * standing in for two application servers, each operation on either). Two seconds per
 * combination by default; {@code -Dcachalot.checker.seconds=120} (per combination) and
 * {@code -Dcachalot.checker.operations=N} (the bound on operations) make the long form.
 */
class StaleReadCheckerTest {

    static final Duration DURATION = Duration.ofSeconds(Long.getLong("cachalot.checker.seconds", 2));
    static final long OPERATIONS = Long.getLong("cachalot.checker.operations", 1_000_000);

    static HotRodServerProcess server;
    static final List<StaleReadChecker.Report> REPORTS = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = new HotRodServerProcess().start();
    }

    @AfterAll
    static void stopServerAndSummarize() {
        server.close();
        long operations = REPORTS.stream().mapToLong(StaleReadChecker.Report::operations).sum();
        long violations = REPORTS.stream().mapToLong(StaleReadChecker.Report::violations).sum();
        System.out.println("stale-read checker total: " + REPORTS.size() + " combinations, " + operations
                + " operations, " + violations + " violations");
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Database database : List.of(Database.POSTGRESQL, Database.MARIADB)) {
            for (String isolation : List.of("READ_COMMITTED", "REPEATABLE_READ")) {
                for (String store : List.of("embedded", "remote", "remote, two nodes")) {
                    all.add(Arguments.of(database, isolation, store));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void readThatStartsAfterACommitReturnedSeesIt(Database database, String isolation, String store) throws Exception {
        CountingDataSource dataSource = database.dataSource().pooled(isolation.equals("READ_COMMITTED")
                ? Connection.TRANSACTION_READ_COMMITTED : Connection.TRANSACTION_REPEATABLE_READ);
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        if (store.startsWith("remote")) {
            properties.put(CachalotProperties.INFINISPAN_MODE, "remote");
            properties.put(CachalotProperties.INFINISPAN_SERVERS, server.servers());
        }
        boolean twoNodes = store.endsWith("two nodes");
        try (dataSource; TestUnit unit = TestUnit.withProperties(database, properties);
                TestUnit other = twoNodes ? TestUnit.withProperties(database, properties) : null) {
            StaleReadChecker checker = new StaleReadChecker(
                    twoNodes ? List.of(unit.factory(), other.factory()) : List.of(unit.factory()), dataSource, database);
            checker.prepare();

            StaleReadChecker.Report report = checker.run(database + " " + isolation + " " + store, DURATION, OPERATIONS);

            System.out.println(report);
            REPORTS.add(report);
            assertThat(report.errors()).isEmpty();
            assertThat(report.violations()).as(report.toString()).isZero();
            assertThat(report.lostWrites()).as("counters that lost a committed increment").isZero();
            assertThat(report.commits()).isPositive();
            assertThat(report.rollbacks()).isPositive();
            assertThat(report.readsInTransaction()).isPositive();
            assertThat(report.selects()).as("some queries were served from the cache").isLessThan(report.queries());
            assertThat(report.selects()).as("reads after commits reached the database (and were counted)").isPositive();
        }
    }
}
