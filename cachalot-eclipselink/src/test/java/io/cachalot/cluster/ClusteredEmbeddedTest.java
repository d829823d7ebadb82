package io.cachalot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes in two JVMs form a cluster over JGroups TCP on 127.0.0.1 with the shipped
 * cachalot-cluster.xml: node A is this JVM, node B a {@link ClusterNodeMain} process. Tokens are replicated
 * synchronously, so a commit on A returns once B can no longer serve the old rows.
 */
class ClusteredEmbeddedTest {

    static ClusterNodeProcess nodeB;
    static TestUnit nodeA;
    static int portA;
    static int portB;
    static String hosts;

    @BeforeAll
    static void formCluster() throws IOException {
        portA = freePort();
        portB = freePort();
        hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String cluster = "cachalot-test-" + portA;
        System.setProperty("cachalot.cluster.name", cluster);
        System.setProperty("cachalot.cluster.port", String.valueOf(portA));
        System.setProperty("cachalot.cluster.hosts", hosts);
        System.setProperty("java.net.preferIPv4Stack", "true");
        TestUnit.on(Database.POSTGRESQL);
        nodeB = new ClusterNodeProcess(portB, hosts).start();
        nodeA = TestUnit.withProperties(Database.POSTGRESQL, Map.of(
                CachalotProperties.INFINISPAN_CONFIG, "io/cachalot/infinispan/cachalot-cluster.xml"));
        Fixtures.library(nodeA);
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aCommitOnOneNodeInvalidatesTheOthersResultsBeforeItReturns() {
        nodeB.ask("READ");
        assertThat(nodeB.ask("READ")).startsWith("READ 0 ");
        nodeA.write(em -> em.find(Author.class, 1L).setName("John Ronald Reuel Tolkien"));
        assertThat(nodeB.ask("READ")).startsWith("READ 1 John Ronald Reuel Tolkien|");
        assertThat(nodeB.ask("READ")).startsWith("READ 0 ");
    }

    @Test
    void theOtherNodesListenersHearTheInvalidationAsRemote() throws InterruptedException {
        nodeA.write(em -> em.find(Author.class, 3L).setName("Terry Pratchett"));
        String events = nodeB.ask("EVENTS");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!events.contains("author:remote") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            events = nodeB.ask("EVENTS");
        }
        assertThat(events).contains("author:remote");
    }

    @Test
    void apiInvalidationAndLastInvalidationWorkAcrossNodes() throws InterruptedException {
        List<PostInvalidation> heard = new CopyOnWriteArrayList<>();
        nodeA.cachalot().addListener(heard::add);
        nodeB.ask("RENAME 2 Ursula Le Guin");
        assertThat(nodeA.cachalot().lastInvalidation("author")).isPresent();
        assertThat(nodeA.countStatements(() -> nodeA.read(em -> em.find(Author.class, 2L).getName()))).isEqualTo(1);
        String name = nodeA.read(em -> em.find(Author.class, 2L).getName());
        assertThat(name).isEqualTo("Ursula Le Guin");
        assertThat(heard).anySatisfy(event -> assertThat(event.local()).isFalse());
    }

    @Test
    void whenANodeDiesTheOtherDiscardsWhatItCachedAndKeepsServingCorrectResults() throws InterruptedException {
        Runnable authors = () -> nodeA.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList());
        authors.run();
        assertThat(nodeA.countStatements(authors)).as("cached before the node dies").isZero();
        ClusterNodeProcess doomed = nodeB;
        doomed.kill();
        assertThat(eventually(() -> nodeA.countStatements(authors) == 1))
                .as("what was cached before a member left is read again from the database").isTrue();

        nodeA.write(em -> em.find(Author.class, 1L).setName("Tolkien again"));
        String name = nodeA.read(em -> em.createQuery("SELECT a.name FROM Author a WHERE a.id = 1", String.class)
                .getSingleResult());
        assertThat(name).isEqualTo("Tolkien again");
        assertThat(eventually(() -> nodeA.countStatements(() -> nodeA.read(em -> em.createQuery(
                "SELECT a.name FROM Author a WHERE a.id = 1", String.class).getSingleResult())) == 0))
                .as("caching resumes on the surviving node").isTrue();
        nodeB = new ClusterNodeProcess(portB, hosts).start();
        String expected = ClusterNodeMain.read(nodeA.factory());
        assertThat(nodeB.ask("READ")).isEqualTo("READ 1 " + expected);
    }

    /** Whether the condition holds within ten seconds, checked every 100 ms. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
