package io.cachalot.transactions;

import static io.cachalot.transactions.Library.authorNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachalot.Cachalot;
import io.cachalot.model.Author;
import io.cachalot.model.Payment;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A result read on a connection inside an open database transaction is stored for everyone only when the
 * transaction's isolation is READ COMMITTED or lower: above it, the transaction's snapshot may be older
 * than the table tokens read before the SQL ran.
 */
@ParameterizedClass
@EnumSource(Database.class)
class IsolationTest {

    private static final List<String> AUTHORS = List.of("Tolkien", "Le Guin", "Pratchett");

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
    void readCommittedTransactionStoresWhatItReads() throws SQLException {
        beginAt(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(authorNames(em)).isEqualTo(AUTHORS);
        em.getTransaction().commit();

        assertThat(unit.countStatements(() -> assertThat(unit.read(Library::authorNames)).isEqualTo(AUTHORS))).isZero();
    }

    @Test
    void repeatableReadTransactionDoesNotStoreWhatItReads() throws SQLException {
        beginAt(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(authorNames(em)).isEqualTo(AUTHORS);
        em.getTransaction().commit();

        int first = unit.countStatements(() -> assertThat(unit.read(Library::authorNames)).isEqualTo(AUTHORS));
        int second = unit.countStatements(() -> unit.read(Library::authorNames));

        assertThat(first).as("not stored by the transaction").isEqualTo(1);
        assertThat(second).as("stored by the autocommit read").isZero();
    }

    @Test
    void serializableTransactionDoesNotStoreWhatItReads() throws SQLException {
        beginAt(Connection.TRANSACTION_SERIALIZABLE);
        authorNames(em);
        em.getTransaction().rollback();

        assertThat(unit.countStatements(() -> unit.read(Library::authorNames))).isEqualTo(1);
    }

    @Test
    void repeatableReadTransactionStillGetsHits() throws SQLException {
        unit.read(Library::authorNames);
        beginAt(Connection.TRANSACTION_REPEATABLE_READ);

        assertThat(unit.countStatements(() -> assertThat(authorNames(em)).isEqualTo(AUTHORS))).isZero();
    }

    @Test
    void databaseDefaultIsolationDecidesWhetherATransactionalReadIsStored() throws SQLException {
        int isolation;
        try (Connection connection = database.rawConnection()) {
            isolation = connection.getTransactionIsolation();
        }
        if (database == Database.MARIADB) {
            assertThat(isolation).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        }
        em.getTransaction().begin();
        em.find(Payment.class, 1L).setAmount(new BigDecimal("11.00"));
        em.flush();
        assertThat(authorNames(em)).isEqualTo(AUTHORS);
        em.getTransaction().commit();

        int statements = unit.countStatements(() -> assertThat(unit.read(Library::authorNames)).isEqualTo(AUTHORS));

        assertThat(statements).isEqualTo(isolation > Connection.TRANSACTION_READ_COMMITTED ? 1 : 0);
    }

    @Test
    void oldSnapshotNeverFillsTheCacheWithRowsOlderThanACommit() throws SQLException {
        unit.read(Library::authorNames);
        beginAt(Connection.TRANSACTION_REPEATABLE_READ);
        Cachalot.uncached(em.createQuery("SELECT COUNT(a) FROM Author a")).getSingleResult();
        unit.write(other -> other.find(Author.class, 1L).setName("J.R.R. Tolkien"));

        List<String> inOldSnapshot = authorNames(em);
        assumeTrue(inOldSnapshot.contains("Tolkien"), database + " gave the transaction no snapshot");
        em.getTransaction().commit();
        List<String> afterwards = unit.read(Library::authorNames);

        assertThat(afterwards).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void readCommittedReadAfterAnotherCommitIsFreshAndShared() throws SQLException {
        unit.read(Library::authorNames);
        beginAt(Connection.TRANSACTION_READ_COMMITTED);
        Cachalot.uncached(em.createQuery("SELECT COUNT(a) FROM Author a")).getSingleResult();
        unit.write(other -> other.find(Author.class, 1L).setName("J.R.R. Tolkien"));

        List<String> inTransaction = authorNames(em);
        em.getTransaction().commit();
        unit.sql().reset();
        List<String> afterwards = unit.read(Library::authorNames);

        assertThat(inTransaction).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
        assertThat(afterwards).isEqualTo(inTransaction);
        assertThat(unit.sql().count()).isZero();
    }

    /** Begins a transaction whose connection runs at {@code isolation} from its first statement on. */
    private void beginAt(int isolation) throws SQLException {
        em.getTransaction().begin();
        Connection connection = em.unwrap(Connection.class);
        connection.setTransactionIsolation(isolation);
        assertThat(connection.getTransactionIsolation()).isEqualTo(isolation);
        assertThat(connection.getAutoCommit()).isFalse();
    }
}
