package io.cachalot.uncachable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pessimistic locks must reach the database every time: a cached row locks nothing. */
@ParameterizedClass
@EnumSource(Database.class)
class LockingReadTest {

    private static final String ALL_AUTHORS = "SELECT a FROM Author a ORDER BY a.id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LockModeType.class, names = {"PESSIMISTIC_READ", "PESSIMISTIC_WRITE"})
    void pessimisticQueryReachesTheDatabaseEveryTime(LockModeType lock) {
        for (int run = 1; run <= 2; run++) {
            AtomicReference<List<String>> names = new AtomicReference<>();
            int statements = unit.countStatements(() -> unit.write(em -> names.set(names(
                    em.createQuery(ALL_AUTHORS, Author.class).setLockMode(lock).getResultList()))));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(names.get()).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
        assertThat(unit.sql().statements().get(0).toUpperCase(Locale.ROOT)).containsAnyOf("FOR UPDATE", "FOR SHARE", "LOCK IN SHARE MODE");
    }

    @Test
    void sameQueryWithoutALockIsCached() {
        unit.read(em -> em.createQuery(ALL_AUTHORS, Author.class).getResultList());

        assertThat(unit.countStatements(() -> unit.read(em -> em.createQuery(ALL_AUTHORS, Author.class).getResultList()))).isZero();
    }

    @Test
    void pessimisticFindReachesTheDatabaseEveryTime() {
        for (int run = 1; run <= 2; run++) {
            AtomicReference<String> name = new AtomicReference<>();
            int statements = unit.countStatements(() -> unit.write(em ->
                    name.set(em.find(Author.class, 2L, LockModeType.PESSIMISTIC_WRITE).getName())));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(name.get()).isEqualTo("Le Guin");
        }
    }

    @Test
    void lockingReadSeesRowsTheCacheDoesNotKnowAbout() {
        unit.read(em -> em.createQuery(ALL_AUTHORS, Author.class).getResultList());
        unit.outside("UPDATE author SET name = 'Changed outside' WHERE id = 1");

        List<String> cached = unit.read(em -> names(em.createQuery(ALL_AUTHORS, Author.class).getResultList()));
        AtomicReference<List<String>> locked = new AtomicReference<>();
        unit.write(em -> locked.set(names(em.createQuery(ALL_AUTHORS, Author.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList())));

        assertThat(cached).as("a write cachalot never saw").startsWith("Tolkien");
        assertThat(locked.get()).startsWith("Changed outside");
    }

    @Test
    void lockingRefreshReachesTheDatabaseEveryTime() {
        for (int run = 1; run <= 2; run++) {
            unit.outside("UPDATE author SET name = 'Outside " + run + "' WHERE id = 3");
            EntityManager em = unit.factory().createEntityManager();
            try {
                em.getTransaction().begin();
                Author author = em.find(Author.class, 3L);
                author.setName("Local change");

                int statements = unit.countStatements(() -> em.refresh(author, LockModeType.PESSIMISTIC_WRITE));

                assertThat(statements).as("run " + run).isEqualTo(1);
                assertThat(author.getName()).isEqualTo("Outside " + run);
            } finally {
                em.getTransaction().rollback();
                em.close();
            }
        }
    }

    @Test
    void nativeSelectForUpdateReachesTheDatabaseEveryTime() {
        for (int run = 1; run <= 2; run++) {
            AtomicReference<Object> name = new AtomicReference<>();
            int statements = unit.countStatements(() -> unit.write(em -> name.set(
                    em.createNativeQuery("SELECT name FROM author WHERE id = 1 FOR UPDATE").getSingleResult())));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(name.get()).isEqualTo("Tolkien");
        }
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(Author::getName).toList();
    }
}
