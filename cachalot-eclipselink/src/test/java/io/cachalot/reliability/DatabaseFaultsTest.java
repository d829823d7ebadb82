package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions that fail for reasons outside the application's control: the database connection killed in the
 * middle, the database refusing the commit itself, a result too large to store. Afterwards no stale read, no
 * lost or phantom write, and nothing of the failed transaction left behind: the next transaction on the same
 * entity manager reads from the cache again and its writes invalidate as usual.
 */
@ParameterizedClass
@EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
class DatabaseFaultsTest {

    private static final List<String> AUTHORS = List.of("Tolkien", "Le Guin", "Pratchett");
    private static final List<String> PUBLISHERS = List.of("Allen & Unwin", "Gollancz");

    @Parameter
    Database database;

    TestUnit unit;
    EntityManager em;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        em = unit.factory().createEntityManager();
    }

    @AfterEach
    void tearDown() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    @Test
    void connectionKilledMidTransactionLeavesNeitherAWriteNorAStaleReadNorState() throws SQLException {
        cacheAuthorsAndPublishers();
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.find(Publisher.class, 2L).setName("Orion");
        em.flush();
        long backend = backendOf(em.unwrap(Connection.class));

        kill(backend);

        assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(RuntimeException.class);
        assertThat(rawNames("author")).as("nothing was committed").isEqualTo(AUTHORS);
        assertNextTransactionsBehaveNormally();
    }

    @Test
    void failureOfTheDatabaseCommitItselfLeavesNeitherAWriteNorAStaleReadNorState() throws SQLException {
        assumeTrue(database == Database.POSTGRESQL, "only PostgreSQL checks a constraint at COMMIT (DEFERRABLE)");
        unit.outside("ALTER TABLE author ADD CONSTRAINT rel_author_name UNIQUE (name) DEFERRABLE INITIALLY DEFERRED");
        try {
            cacheAuthorsAndPublishers();
            em.getTransaction().begin();
            em.find(Publisher.class, 2L).setName("Orion");
            em.find(Author.class, 2L).setName("Tolkien");
            em.flush();
            assertThat(em.createQuery("SELECT COUNT(a) FROM Author a WHERE a.name = 'Tolkien'", Long.class)
                    .getSingleResult()).as("flushed, not yet checked").isEqualTo(2);

            assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(RuntimeException.class);

            assertThat(rawNames("author")).as("the commit was refused").isEqualTo(AUTHORS);
            assertNextTransactionsBehaveNormally();
        } finally {
            unit.outside("ALTER TABLE author DROP CONSTRAINT rel_author_name");
        }
    }

    @Test
    void uniqueViolationAtCommitLeavesNeitherAWriteNorAStaleReadNorState() throws SQLException {
        cacheAuthorsAndPublishers();
        em.getTransaction().begin();
        em.find(Publisher.class, 2L).setName("Orion");
        em.persist(new Author(3, "Duplicate", null));

        assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(RuntimeException.class);

        assertThat(rawNames("publisher")).as("the publisher change was rolled back").isEqualTo(PUBLISHERS);
        assertNextTransactionsBehaveNormally();
    }

    @Test
    void resultOverMaxRowsIsNeverStaleAndLeavesSmallerResultsCached() {
        try (TestUnit small = TestUnit.withProperties(database, Map.of(CachalotProperties.MAX_ROWS, "2"))) {
            Fixtures.library(unit);
            for (int round = 0; round < 3; round++) {
                String name = "Author " + round;
                small.write(em -> em.find(Author.class, 3L).setName(name));

                List<String> names = new ArrayList<>();
                int over = small.countStatements(() -> names.addAll(authorNames(small)));
                int again = small.countStatements(() -> authorNames(small));
                List<String> two = small.read(em -> em.createQuery(
                        "SELECT p.name FROM Publisher p ORDER BY p.id", String.class).getResultList());
                int cached = small.countStatements(() -> small.read(em -> em.createQuery(
                        "SELECT p.name FROM Publisher p ORDER BY p.id", String.class).getResultList()));

                assertThat(names).containsExactly("Tolkien", "Le Guin", name);
                assertThat(over).isEqualTo(1);
                assertThat(again).as("3 rows > max-rows 2: never stored").isEqualTo(1);
                assertThat(two).isEqualTo(PUBLISHERS);
                assertThat(cached).isZero();
            }
        }
    }

    private void cacheAuthorsAndPublishers() {
        unit.read(DatabaseFaultsTest::authors);
        unit.read(DatabaseFaultsTest::publishers);
        assertThat(unit.countStatements(() -> unit.read(DatabaseFaultsTest::authors))).as("cached").isZero();
    }

    /**
     * After the failure: the cache still serves the committed rows; the same entity manager's next transaction
     * reads from the cache (nothing of the failed one was kept); its commit invalidates exactly what it wrote.
     */
    private void assertNextTransactionsBehaveNormally() {
        assertThat(unit.countStatements(() -> assertThat(unit.read(DatabaseFaultsTest::authors)).isEqualTo(AUTHORS)))
                .as("the failed transaction invalidated nothing and the cache serves the committed rows").isZero();

        em.getTransaction().begin();
        List<String> inNext = new ArrayList<>();
        int readsInNext = unit.countStatements(() -> {
            inNext.addAll(authors(em));
            inNext.addAll(publishers(em));
        });
        assertThat(inNext).containsExactly("Tolkien", "Le Guin", "Pratchett", "Allen & Unwin", "Gollancz");
        assertThat(readsInNext).as("the next transaction on the same entity manager reads from the cache").isZero();
        em.find(Author.class, 3L).setName("Sir Terry");
        em.getTransaction().commit();

        int authorsAfter = unit.countStatements(() -> assertThat(unit.read(DatabaseFaultsTest::authors))
                .containsExactly("Tolkien", "Le Guin", "Sir Terry"));
        int publishersAfter = unit.countStatements(() -> assertThat(unit.read(DatabaseFaultsTest::publishers))
                .isEqualTo(PUBLISHERS));
        assertThat(authorsAfter).as("the next commit invalidated its table").isEqualTo(1);
        assertThat(publishersAfter).as("and only its table").isZero();
    }

    private static List<String> authors(EntityManager em) {
        return em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList();
    }

    private static List<String> publishers(EntityManager em) {
        return em.createQuery("SELECT p.name FROM Publisher p ORDER BY p.id", String.class).getResultList();
    }

    private static List<String> authorNames(TestUnit unit) {
        return unit.read(DatabaseFaultsTest::authors);
    }

    private long backendOf(Connection connection) throws SQLException {
        String sql = database == Database.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Ends another session's connection from a connection of its own, as an administrator would. */
    private void kill(long backend) {
        unit.outside(database == Database.POSTGRESQL ? "SELECT pg_terminate_backend(" + backend + ")" : "KILL " + backend);
    }

    private List<String> rawNames(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM " + table + " ORDER BY id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
