package io.cachalot.testing;

import io.cachalot.Cachalot;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A started persistence unit on one database, with the counting data source in front of it. The shared
 * unit of each database is started once per test JVM; units with extra properties are opened and
 * closed by the tests that need them.
 */
public final class TestUnit implements AutoCloseable {

    public static final String UNIT = "cachalot-test";
    private static final Map<Database, TestUnit> SHARED = new EnumMap<>(Database.class);
    private static final String[] TABLES_IN_DELETE_ORDER = {"book_tag", "book_category", "review", "book", "author",
        "publisher", "category", "car", "bike", "vehicle", "payment", "sample"};

    private final Database database;
    private final CountingDataSource sql;
    private final EntityManagerFactory factory;
    private final boolean shared;

    private TestUnit(Database database, Map<String, Object> extra, boolean shared) {
        this.database = database;
        this.sql = database.dataSource();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", sql);
        properties.put("eclipselink.target-database", database.platform());
        properties.put("eclipselink.ddl-generation", shared ? "drop-and-create-tables" : "none");
        properties.put("eclipselink.session-name", UNIT + "-" + database + (shared ? "" : "-" + System.nanoTime()));
        properties.putAll(extra);
        this.factory = Persistence.createEntityManagerFactory(UNIT, properties);
        this.shared = shared;
        Cachalot.of(factory);
    }

    /** The shared unit of this database, with default properties and empty tables. */
    public static synchronized TestUnit on(Database database) {
        TestUnit unit = SHARED.get(database);
        if (unit == null) {
            unit = new TestUnit(database, Map.of(), true);
            SHARED.put(database, unit);
            Runtime.getRuntime().addShutdownHook(new Thread(unit.factory::close));
        }
        unit.clear();
        return unit;
    }

    /** A separate unit with extra properties, on the same tables; close it after use. */
    public static TestUnit withProperties(Database database, Map<String, Object> extra) {
        on(database);
        return new TestUnit(database, extra, false);
    }

    /**
     * Starts a separate unit with these extra properties, opens an EntityManager and closes both: the messages of
     * the failure's whole cause chain, one per line, or an empty text when the unit started.
     */
    public static String startFailure(Database database, Map<String, Object> extra) {
        on(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", database.dataSource());
        properties.put("eclipselink.target-database", database.platform());
        properties.put("eclipselink.session-name", "start-failure-" + System.nanoTime());
        properties.putAll(extra);
        EntityManagerFactory factory = null;
        try {
            factory = Persistence.createEntityManagerFactory(UNIT, properties);
            factory.createEntityManager().close();
            return "";
        } catch (RuntimeException e) {
            List<String> messages = new ArrayList<>();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                messages.add(String.valueOf(cause.getMessage()));
            }
            return String.join("\n", messages);
        } finally {
            if (factory != null && factory.isOpen()) {
                factory.close();
            }
        }
    }

    public Database database() {
        return database;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    public Cachalot cachalot() {
        return Cachalot.of(factory);
    }

    /** The statements that reached the database. */
    public CountingDataSource sql() {
        return sql;
    }

    /** Runs {@code work} in a new entity manager and returns its result; the entity manager is closed after. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in a committed RESOURCE_LOCAL transaction. */
    public void write(Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** How many statements reached the database while {@code work} ran. */
    public int countStatements(Runnable work) {
        sql.reset();
        work.run();
        return sql.count();
    }

    /** Runs SQL on a plain connection that EclipseLink and cachalot never see (a write "from outside"). */
    public void outside(String statementSql) {
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement()) {
            statement.execute(statementSql);
        } catch (SQLException e) {
            throw new IllegalStateException(statementSql, e);
        }
    }

    /** Empties every table from outside, then invalidates them all. */
    public void clear() {
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES_IN_DELETE_ORDER) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test tables on " + database, e);
        }
        cachalot().invalidate();
        sql.reset();
    }

    @Override
    public void close() {
        if (!shared) {
            factory.close();
        }
    }
}
