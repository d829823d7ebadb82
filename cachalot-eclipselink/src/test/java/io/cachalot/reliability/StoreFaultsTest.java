package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.cluster.ClusterNodeProcess;
import io.cachalot.model.Author;
import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cache store fails while the stale-read checker runs: the Hot Rod server is killed and started again
 * empty, or the other member of a cluster is killed. Queries go on against the database: no stale read, no
 * error reaches the application, no write is lost; caching resumes afterwards.
 */
class StoreFaultsTest {

    private static final Duration RUN = Duration.ofSeconds(Math.max(6, Long.getLong("cachalot.checker.seconds", 6)));

    @Test
    void hotRodServerKilledAndRestartedDuringTheChecker() throws Exception {
        try (HotRodServerProcess server = new HotRodServerProcess().start();
                CountingDataSource dataSource = Database.MARIADB.dataSource().pooled(Connection.TRANSACTION_REPEATABLE_READ);
                TestUnit unit = TestUnit.withProperties(Database.MARIADB, Map.of(
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        CachalotProperties.INFINISPAN_MODE, "remote",
                        CachalotProperties.INFINISPAN_SERVERS, server.servers()))) {
            StaleReadChecker checker = new StaleReadChecker(unit.factory(), dataSource, Database.MARIADB);
            checker.prepare();
            CompletableFuture<StaleReadChecker.Report> run = CompletableFuture.supplyAsync(
                    () -> run(checker, "MARIADB remote, Hot Rod server killed and restarted"));

            Thread.sleep(RUN.toMillis() / 4);
            server.stop();
            Thread.sleep(RUN.toMillis() / 4);
            server.start();

            StaleReadChecker.Report report = run.get(RUN.toSeconds() + 180, TimeUnit.SECONDS);
            System.out.println(report);
            assertClean(report);
            Fixtures.library(unit);
            assertThat(cachingResumes(unit)).as("caching resumes after the server is back").isTrue();
        }
    }

    @Test
    void clusterMemberKilledDuringTheChecker() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String cluster = "cachalot-reliability-" + portA;
        Map<String, String> previous = setClusterProperties(cluster, portA, hosts);
        TestUnit.on(Database.POSTGRESQL);
        try (ClusterNodeProcess memberB = new ClusterNodeProcess(portB, hosts).start();
                CountingDataSource dataSource = Database.POSTGRESQL.dataSource()
                        .pooled(Connection.TRANSACTION_READ_COMMITTED);
                TestUnit memberA = TestUnit.withProperties(Database.POSTGRESQL, Map.of(
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        CachalotProperties.INFINISPAN_CONFIG, "io/cachalot/infinispan/cachalot-cluster.xml"))) {
            Fixtures.library(memberA);
            memberB.ask("READ");
            assertThat(memberB.ask("READ")).as("member B caches the authors").startsWith("READ 0 ");
            StaleReadChecker checker = new StaleReadChecker(memberA.factory(), dataSource, Database.POSTGRESQL);
            checker.prepare();
            CompletableFuture<StaleReadChecker.Report> run = CompletableFuture.supplyAsync(
                    () -> run(checker, "POSTGRESQL clustered embedded, one member killed"));

            for (int round = 1; round <= 3; round++) {
                String name = "Tolkien " + round;
                memberA.write(em -> em.find(Author.class, 1L).setName(name));
                assertThat(memberB.ask("READ")).as("B reads A's commit once it returned").startsWith("READ 1 " + name + "|");
            }
            memberB.kill();

            StaleReadChecker.Report report = run.get(RUN.toSeconds() + 180, TimeUnit.SECONDS);
            System.out.println(report);
            assertClean(report);
            memberA.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));
            String renamed = memberA.read(em -> em.find(Author.class, 2L).getName());
            assertThat(renamed).isEqualTo("Ursula K. Le Guin");
            assertThat(cachingResumes(memberA)).as("member A caches alone").isTrue();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static StaleReadChecker.Report run(StaleReadChecker checker, String label) {
        try {
            return checker.run(label, RUN, Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertClean(StaleReadChecker.Report report) {
        assertThat(report.errors()).as("errors that reached the application").isEmpty();
        assertThat(report.violations()).as(report.toString()).isZero();
        assertThat(report.lostWrites()).isZero();
        assertThat(report.commits()).isPositive();
    }

    /** Whether, within 30 seconds, a second read of the authors is served without a statement. */
    private static boolean cachingResumes(TestUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> first = names(unit);
            int statements = unit.countStatements(() -> names(unit));
            if (statements == 0 && first.equals(names(unit))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static List<String> names(TestUnit unit) {
        return unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList());
    }

    private static Map<String, String> setClusterProperties(String cluster, int port, String hosts) {
        Map<String, String> previous = new HashMap<>();
        Map<String, String> values = Map.of("cachalot.cluster.name", cluster, "cachalot.cluster.port", String.valueOf(port),
                "cachalot.cluster.hosts", hosts, "java.net.preferIPv4Stack", "true");
        values.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
