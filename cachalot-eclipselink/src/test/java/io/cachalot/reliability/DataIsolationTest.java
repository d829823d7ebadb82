package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.model.Author;
import io.cachalot.testing.CountingDataSource;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A result cached for one set of rows is never served for another: two units on the same tables in two
 * schemas (PostgreSQL) or databases (MariaDB), and two tenants of one EclipseLink multitenant entity.
 */
@ParameterizedClass
@EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
class DataIsolationTest {

    private static final List<String> AUTHORS = List.of("Tolkien", "Le Guin", "Pratchett");
    private static final Function<EntityManager, List<String>> AUTHOR_NAMES = em -> em.createQuery(
            "SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList();
    private static final Function<EntityManager, List<String>> NOTES = em -> em.createQuery(
            "SELECT n.text FROM TenantNote n ORDER BY n.id", String.class).getResultList();

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void unitsOnTheSameTablesInTwoSchemasNeverServeEachOthersRows() throws SQLException {
        CountingDataSource otherSql = new CountingDataSource(otherSchemaUrl(), database.user(), database.password());
        try (TestUnit other = TestUnit.withProperties(database, Map.of(
                "jakarta.persistence.nonJtaDataSource", otherSql,
                "eclipselink.ddl-generation", "drop-and-create-tables"))) {
            Fixtures.library(unit);
            other.write(em -> {
                em.persist(new Author(1, "Other One", null));
                em.persist(new Author(2, "Other Two", null));
            });
            assertThat(unit.read(AUTHOR_NAMES)).isEqualTo(AUTHORS);
            assertThat(unit.countStatements(() -> unit.read(AUTHOR_NAMES))).as("cached in this schema").isZero();

            otherSql.reset();
            List<String> otherNames = other.read(AUTHOR_NAMES);
            String otherFound = other.read(em -> em.find(Author.class, 1L).getName());
            assertThat(otherNames).containsExactly("Other One", "Other Two");
            assertThat(otherFound).isEqualTo("Other One");
            assertThat(otherSql.count()).as("the other schema's reads ran on its own rows").isEqualTo(2);
            otherSql.reset();
            assertThat(other.read(AUTHOR_NAMES)).containsExactly("Other One", "Other Two");
            assertThat(otherSql.count()).as("and are cached for it").isZero();

            other.write(em -> em.find(Author.class, 1L).setName("Other Renamed"));

            assertThat(other.read(AUTHOR_NAMES)).containsExactly("Other Renamed", "Other Two");
            assertThat(unit.read(AUTHOR_NAMES)).isEqualTo(AUTHORS);
            String stillTolkien = unit.read(em -> em.find(Author.class, 1L).getName());
            assertThat(stillTolkien).isEqualTo("Tolkien");
        }
    }

    @Test
    void tenantsOfOneMultitenantEntityNeverSeeEachOthersCachedRows() {
        unit.outside("CREATE TABLE IF NOT EXISTS rel_tenant_note (id BIGINT NOT NULL, tenant VARCHAR(31) NOT NULL,"
                + " text VARCHAR(255), PRIMARY KEY (id, tenant))");
        unit.outside("DELETE FROM rel_tenant_note");
        CountingDataSource sql = database.dataSource();
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", "META-INF/reliability-persistence.xml");
        properties.put("jakarta.persistence.nonJtaDataSource", sql);
        properties.put("eclipselink.target-database", database.platform());
        properties.put("eclipselink.session-name", "cachalot-reliability-" + database + "-" + System.nanoTime());
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("cachalot-reliability", properties);
        try {
            Cachalot.of(factory).invalidate();
            write(factory, "acme", new TenantNote(1, "acme first"), new TenantNote(2, "acme second"));
            write(factory, "globex", new TenantNote(1, "globex first"));

            assertThat(read(factory, "acme", NOTES)).containsExactly("acme first", "acme second");
            sql.reset();
            assertThat(read(factory, "acme", NOTES)).containsExactly("acme first", "acme second");
            assertThat(sql.count()).as("cached for acme").isZero();

            List<String> globex = read(factory, "globex", NOTES);
            String globexFound = read(factory, "globex", em -> em.find(TenantNote.class, 1L).getText());
            String acmeFound = read(factory, "acme", em -> em.find(TenantNote.class, 1L).getText());
            int statements = sql.count();
            sql.reset();
            List<String> globexAgain = read(factory, "globex", NOTES);

            assertThat(globex).containsExactly("globex first");
            assertThat(globexFound).isEqualTo("globex first");
            assertThat(acmeFound).isEqualTo("acme first");
            assertThat(statements).as("each tenant's reads ran on its own rows").isEqualTo(3);
            assertThat(globexAgain).containsExactly("globex first");
            assertThat(sql.count()).as("and are cached per tenant").isZero();
        } finally {
            factory.close();
        }
    }

    private static void write(EntityManagerFactory factory, String tenant, TenantNote... notes) {
        EntityManager em = factory.createEntityManager(Map.of(TenantNote.TENANT, tenant));
        try {
            em.getTransaction().begin();
            for (TenantNote note : notes) {
                em.persist(note);
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static <T> T read(EntityManagerFactory factory, String tenant, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager(Map.of(TenantNote.TENANT, tenant));
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** The same server and user, another schema (PostgreSQL) or database (MariaDB), created when missing. */
    private String otherSchemaUrl() throws SQLException {
        String other = Database.TEST_DATABASE + "_other";
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement()) {
            if (database == Database.POSTGRESQL) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + other);
                return database.url() + "?currentSchema=" + other;
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS " + other);
            return database.url().substring(0, database.url().lastIndexOf('/') + 1) + other;
        }
    }
}
