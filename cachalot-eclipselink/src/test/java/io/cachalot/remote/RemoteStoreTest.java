package io.cachalot.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote mode against a real Hot Rod server in another JVM: results and tokens live on the server, so two
 * units (standing in for two application servers) share one truth about what is stale.
 */
class RemoteStoreTest {

    static HotRodServerProcess server;

    @BeforeAll
    static void startServer() {
        server = new HotRodServerProcess().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static TestUnit remoteUnit() {
        return remoteUnit(Map.of());
    }

    private static TestUnit remoteUnit(Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put(CachalotProperties.INFINISPAN_MODE, "remote");
        properties.put(CachalotProperties.INFINISPAN_SERVERS, server.servers());
        return TestUnit.withProperties(Database.POSTGRESQL, properties);
    }

    /** Empties the server's results cache behind the units' backs (tokens stay). */
    private static void clearResultsOnTheServer() {
        RemoteCacheManager client = new RemoteCacheManager(new ConfigurationBuilder().addServers(server.servers()).build());
        try {
            client.getCache(CachalotProperties.RESULTS_CACHE).clear();
        } finally {
            client.stop();
        }
    }

    private static List<Author> authors(TestUnit unit) {
        return unit.read(em -> em.createQuery("SELECT a FROM Author a ORDER BY a.id", Author.class).getResultList());
    }

    @Test
    void secondReadIsServedFromTheServer() {
        try (TestUnit unit = remoteUnit()) {
            Fixtures.library(unit);
            assertThat(unit.countStatements(() -> authors(unit))).isEqualTo(1);
            List<String> names = unit.read(em -> authors(unit).stream().map(Author::getName).toList());
            assertThat(unit.countStatements(() -> assertThat(authors(unit)).hasSize(3))).isZero();
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void aWriteThroughOneNodeInvalidatesTheOthersResults() {
        try (TestUnit nodeA = remoteUnit(); TestUnit nodeB = remoteUnit()) {
            Fixtures.library(nodeA);
            authors(nodeB);
            assertThat(nodeB.countStatements(() -> authors(nodeB))).isZero();
            nodeA.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
            nodeB.sql().reset();
            assertThat(authors(nodeB).get(0).getName()).isEqualTo("J.R.R. Tolkien");
            assertThat(nodeB.sql().count()).isEqualTo(1);
        }
    }

    @Test
    void aResultKeptNearIsServedOnlyWhileTheServersTokensStillMatch() {
        try (TestUnit nodeA = remoteUnit(); TestUnit nodeB = remoteUnit()) {
            Fixtures.library(nodeA);
            authors(nodeA);
            clearResultsOnTheServer();
            assertThat(nodeA.countStatements(() -> authors(nodeA))).as("served from the result kept in this JVM").isZero();

            nodeB.write(em -> em.find(Author.class, 3L).setName("Terry Pratchett"));

            nodeA.sql().reset();
            assertThat(authors(nodeA).get(2).getName()).isEqualTo("Terry Pratchett");
            assertThat(nodeA.sql().count()).as("the other node's commit made the kept result stale").isEqualTo(1);
        }
    }

    @Test
    void withNoResultKeptNearEveryHitIsFetchedFromTheServer() {
        try (TestUnit unit = remoteUnit(Map.of(CachalotProperties.INFINISPAN_NEAR_RESULTS, "0"))) {
            Fixtures.library(unit);
            authors(unit);
            assertThat(unit.countStatements(() -> authors(unit))).isZero();
            clearResultsOnTheServer();
            assertThat(unit.countStatements(() -> authors(unit))).isEqualTo(1);
        }
    }

    @Test
    void aResultKeptNearDiesWithItsTimeout() throws InterruptedException {
        try (TestUnit unit = remoteUnit(Map.of(CachalotProperties.TIMEOUT, "1"))) {
            Fixtures.library(unit);
            authors(unit);
            assertThat(unit.countStatements(() -> authors(unit))).isZero();
            Thread.sleep(1_300);
            assertThat(unit.countStatements(() -> authors(unit))).as("expired here and on the server").isEqualTo(1);
        }
    }

    @Test
    void anotherNodesInvalidationReachesListenersAsNotLocal() throws Exception {
        try (TestUnit nodeA = remoteUnit(); TestUnit nodeB = remoteUnit()) {
            Fixtures.library(nodeA);
            authors(nodeB);
            List<PostInvalidation> received = new CopyOnWriteArrayList<>();
            nodeB.cachalot().addListener(received::add);
            nodeA.cachalot().invalidate("author");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).anySatisfy(event -> {
                assertThat(event.table()).isEqualTo("author");
                assertThat(event.local()).isFalse();
            });
        }
    }

    @Test
    void queriesStayCorrectWhileTheServerIsDownAndCachingResumesAfter() {
        try (TestUnit unit = remoteUnit()) {
            Fixtures.library(unit);
            authors(unit);
            server.stop();
            try {
                unit.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));
                assertThat(authors(unit).get(1).getName()).isEqualTo("Ursula K. Le Guin");
                assertThat(unit.countStatements(() -> authors(unit))).isEqualTo(1);
            } finally {
                server.start();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int statements = 1;
            while (statements > 0 && System.nanoTime() < deadline) {
                authors(unit);
                statements = unit.countStatements(() -> authors(unit));
            }
            assertThat(statements).as("caching resumes after the server is back").isZero();
            assertThat(authors(unit).get(1).getName()).isEqualTo("Ursula K. Le Guin");
        }
    }
}
