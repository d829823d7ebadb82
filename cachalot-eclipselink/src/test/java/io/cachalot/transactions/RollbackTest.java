package io.cachalot.transactions;

import static io.cachalot.transactions.Library.authorNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A rolled-back transaction leaves the cache as it was, and the next transaction starts clean. */
@ParameterizedClass
@EnumSource(Database.class)
class RollbackTest {

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
    void rollbackAfterFlushKeepsServingTheCachedResult() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.persist(new Author(4, "Atwood", null));
        em.flush();
        em.getTransaction().rollback();

        unit.sql().reset();
        List<String> names = unit.read(Library::authorNames);

        assertThat(unit.sql().count()).isZero();
        assertThat(names).isEqualTo(AUTHORS);
        Object inDatabase = unit.read(other -> other.createNativeQuery("SELECT name FROM author WHERE id = 1").getSingleResult());
        assertThat(inDatabase).as("the database agrees").isEqualTo("Tolkien");
    }

    @Test
    void rollbackOfNativeAndBulkWritesKeepsServingTheCachedResult() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.createNativeQuery("UPDATE author SET name = 'Sir Terry' WHERE id = 3").executeUpdate();
        em.createQuery("UPDATE Author a SET a.name = 'x'").executeUpdate();
        em.getTransaction().rollback();

        unit.sql().reset();
        List<String> names = unit.read(Library::authorNames);

        assertThat(unit.sql().count()).isZero();
        assertThat(names).isEqualTo(AUTHORS);
    }

    @Test
    void rollbackWithoutFlushKeepsServingTheCachedResult() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.persist(new Author(4, "Atwood", null));
        em.getTransaction().rollback();

        assertThat(unit.countStatements(() -> assertThat(unit.read(Library::authorNames)).isEqualTo(AUTHORS))).isZero();
    }

    @Test
    void readInsideARolledBackTransactionIsNotLeftInTheCache() {
        em.getTransaction().begin();
        em.persist(new Author(4, "Atwood", null));
        em.flush();
        assertThat(authorNames(em)).hasSize(4);
        em.getTransaction().rollback();

        unit.sql().reset();
        List<String> names = unit.read(Library::authorNames);

        assertThat(names).isEqualTo(AUTHORS);
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    @Test
    void failedCommitDiscardsItsWritesAndKeepsTheCache() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.find(Author.class, 2L).setName("Ursula K. Le Guin");
        em.persist(new Author(1, "Duplicate", null));

        assertThatThrownBy(() -> em.getTransaction().commit()).isInstanceOf(RollbackException.class);

        unit.sql().reset();
        List<String> names = unit.read(Library::authorNames);
        assertThat(names).isEqualTo(AUTHORS);
        assertThat(unit.sql().count()).isZero();
    }

    @Test
    void nextTransactionOnTheSameEntityManagerAfterRollbackReadsFromTheCache() {
        unit.read(Library::authorNames);
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.flush();
        em.getTransaction().rollback();

        em.getTransaction().begin();
        unit.sql().reset();
        List<String> names = authorNames(em);

        assertThat(unit.sql().count()).isZero();
        assertThat(names).isEqualTo(AUTHORS);
    }

    @Test
    void nextTransactionOnTheSameEntityManagerAfterCommitReadsFromTheCache() {
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.getTransaction().commit();
        List<String> fresh = unit.read(Library::authorNames);

        em.getTransaction().begin();
        unit.sql().reset();
        List<String> inNextTransaction = authorNames(em);
        int statementsInNextTransaction = unit.sql().count();
        em.getTransaction().commit();
        int statementsOutsideTransactions = unit.countStatements(() -> authorNames(em));

        assertThat(fresh).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
        assertThat(inNextTransaction).isEqualTo(fresh);
        assertThat(statementsInNextTransaction).isZero();
        assertThat(statementsOutsideTransactions).isZero();
    }

    @Test
    void nextTransactionOnTheSameEntityManagerStillSeesItsOwnNewWrites() {
        em.getTransaction().begin();
        em.find(Author.class, 1L).setName("J.R.R. Tolkien");
        em.flush();
        em.getTransaction().rollback();
        unit.read(Library::authorNames);

        em.getTransaction().begin();
        em.find(Author.class, 3L).setName("Sir Terry");
        em.flush();
        List<String> names = authorNames(em);

        assertThat(names).containsExactly("Tolkien", "Le Guin", "Sir Terry");
    }
}
