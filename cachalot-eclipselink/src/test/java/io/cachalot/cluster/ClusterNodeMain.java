package io.cachalot.cluster;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import io.cachalot.PostInvalidation;
import io.cachalot.model.Author;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One application node of a cachalot cluster, in its own JVM: a persistence unit on PostgreSQL whose store is
 * the clustered embedded configuration. Driven by {@link ClusterNodeProcess} through one command per line on
 * standard input; answers one line per command on standard output.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        CountingDataSource sql = Database.POSTGRESQL.dataSource();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("cachalot-test", Map.of(
                "jakarta.persistence.nonJtaDataSource", sql,
                "eclipselink.target-database", Database.POSTGRESQL.platform(),
                "eclipselink.session-name", "cluster-node",
                CachalotProperties.INFINISPAN_CONFIG, "io/cachalot/infinispan/cachalot-cluster.xml"));
        Cachalot cachalot = Cachalot.of(factory);
        List<PostInvalidation> events = new CopyOnWriteArrayList<>();
        cachalot.addListener(events::add);
        System.out.println("READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            String[] words = line.split(" ", 3);
            switch (words[0]) {
                case "READ" -> {
                    sql.reset();
                    String names = read(factory);
                    System.out.println("READ " + sql.count() + " " + names);
                }
                case "RENAME" -> {
                    write(factory, Long.parseLong(words[1]), words[2]);
                    System.out.println("DONE");
                }
                case "EVENTS" -> System.out.println("EVENTS " + events.stream()
                        .map(event -> event.table() + ":" + (event.local() ? "local" : "remote"))
                        .collect(Collectors.joining(",")));
                case "EXIT" -> {
                    factory.close();
                    System.out.println("BYE");
                    System.exit(0);
                }
                default -> System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
    }

    static String read(EntityManagerFactory factory) {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("SELECT a FROM Author a ORDER BY a.id", Author.class).getResultList().stream()
                    .map(Author::getName).collect(Collectors.joining("|"));
        } finally {
            em.close();
        }
    }

    static void write(EntityManagerFactory factory, long id, String name) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            em.find(Author.class, id).setName(name);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }
}
