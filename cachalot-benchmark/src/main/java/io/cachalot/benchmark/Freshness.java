package io.cachalot.benchmark;

import io.cachalot.benchmark.model.ItemView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What each cache serves right after a write, on the benchmark's data: a cached query is run twice (the second
 * run should be a hit), a write is made, and the query runs again in a new EntityManager. Its rows are compared
 * with what a plain JDBC read of the database returns.
 */
final class Freshness {

    static final String PROBE = "SELECT i FROM Item i WHERE i.id <= 3 OR i.id > " + BenchData.ITEMS + " ORDER BY i.id";
    private static final String PROBE_SQL = "SELECT name FROM bench_item WHERE id <= 3 OR id > " + BenchData.ITEMS
            + " ORDER BY id";
    private static final long NEW_ID = BenchData.ITEMS + 1L;

    /** A write made through the contender's own EntityManagerFactory, or from outside. */
    enum Write {
        ENTITY_UPDATE("entity update (find, set, commit)"),
        JPQL_UPDATE("JPQL bulk UPDATE"),
        NATIVE_UPDATE("native SQL UPDATE (createNativeQuery().executeUpdate())"),
        ENTITY_INSERT("entity insert (persist, commit)"),
        OUTSIDE_UPDATE("UPDATE by plain JDBC, outside the ORM");

        private final String description;

        Write(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** What one contender served after one write. */
    record Outcome(BenchDatabase database, String contender, Write write, boolean cachedBefore, String verdict) {
    }

    private Freshness() {
    }

    static List<Outcome> check(BenchDatabase database, List<Contender> contenders) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Contender contender : contenders) {
            for (Write write : Write.values()) {
                outcomes.add(check(database, contender, write));
            }
        }
        restore(database);
        contenders.forEach(Contender::invalidate);
        return outcomes;
    }

    private static Outcome check(BenchDatabase database, Contender contender, Write write) throws SQLException {
        restore(database);
        contender.invalidate();
        try {
            probe(contender);
            long before = CountingDataSource.executed();
            probe(contender);
            boolean cached = CountingDataSource.executed() == before;
            write(database, contender, write);
            List<String> served = probe(contender);
            List<String> truth = truth(database);
            String verdict = Objects.equals(served, truth) ? "fresh" : "STALE: served " + served + ", database has " + truth;
            return new Outcome(database, contender.label(), write, cached, verdict);
        } catch (RuntimeException e) {
            return new Outcome(database, contender.label(), write, false, "error: " + Workload.describe(e));
        }
    }

    private static List<String> probe(Contender contender) {
        EntityManager em = contender.factory().createEntityManager();
        try {
            List<String> names = new ArrayList<>();
            for (Object row : contender.query(em, "probe", PROBE, false).getResultList()) {
                names.add(((ItemView) row).getName());
            }
            return names;
        } finally {
            em.close();
        }
    }

    private static void write(BenchDatabase database, Contender contender, Write write) throws SQLException {
        switch (write) {
            case ENTITY_UPDATE -> inTransaction(contender, (em, orm) -> {
                if (orm.equals("Hibernate")) {
                    em.find(io.cachalot.benchmark.hibernate.Item.class, 1L).setName("Changed 1");
                } else {
                    em.find(io.cachalot.benchmark.eclipselink.Item.class, 1L).setName("Changed 1");
                }
            });
            case JPQL_UPDATE -> inTransaction(contender, (em, orm) ->
                    em.createQuery("UPDATE Item i SET i.name = :name WHERE i.id = 1").setParameter("name", "Changed 1")
                            .executeUpdate());
            case NATIVE_UPDATE -> inTransaction(contender, (em, orm) ->
                    em.createNativeQuery("UPDATE bench_item SET name = 'Changed 1' WHERE id = 1").executeUpdate());
            case ENTITY_INSERT -> inTransaction(contender, (em, orm) -> {
                if (orm.equals("Hibernate")) {
                    em.persist(new io.cachalot.benchmark.hibernate.Item(NEW_ID, "Entry new",
                            em.find(io.cachalot.benchmark.hibernate.BenchUser.class, 1L)));
                } else {
                    em.persist(new io.cachalot.benchmark.eclipselink.Item(NEW_ID, "Entry new",
                            em.find(io.cachalot.benchmark.eclipselink.BenchUser.class, 1L)));
                }
            });
            case OUTSIDE_UPDATE -> {
                try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE bench_item SET name = 'Changed 1' WHERE id = 1");
                }
            }
        }
    }

    private static void inTransaction(Contender contender, BiConsumer<EntityManager, String> work) {
        EntityManager em = contender.factory().createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            work.accept(em, contender.orm());
            transaction.commit();
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    private static List<String> truth(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(PROBE_SQL)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** Puts back the row the writes change and removes the inserted one. */
    static void restore(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement name = connection.prepareStatement("UPDATE bench_item SET name = ? WHERE id = 1");
                Statement delete = connection.createStatement()) {
            name.setString(1, originalName(connection));
            name.executeUpdate();
            delete.executeUpdate("DELETE FROM bench_item WHERE id > " + BenchData.ITEMS);
        }
    }

    private static String originalName;

    private static synchronized String originalName(Connection connection) throws SQLException {
        if (originalName == null) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT name FROM bench_item WHERE id = 1")) {
                row.next();
                originalName = row.getString(1);
            }
        }
        return originalName;
    }
}
