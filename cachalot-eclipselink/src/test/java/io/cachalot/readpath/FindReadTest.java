package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code em.find} in a new entity manager: the test unit has shared-cache-mode NONE, so EclipseLink's own
 * cache never answers it and it runs SQL; the second time cachalot serves that SQL.
 */
@ParameterizedClass
@EnumSource(Database.class)
class FindReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void findRunsSqlOnceThenIsServedFromCache() {
        assertThat(statementsOf(unit, em -> em.find(Author.class, 2L))).as("EclipseLink's shared cache is off").isEqualTo(1);
        assertThat(statementsOf(unit, em -> em.find(Author.class, 2L))).isZero();
        String name = unit.read(em -> em.find(Author.class, 2L).getName());
        assertThat(name).isEqualTo("Le Guin");
        assertThat(statementsOf(unit, em -> em.find(Author.class, 3L))).as("another id is another entry").isEqualTo(1);
    }

    @Test
    void findOfAnEntityWithToOneRelationsIsServedWhole() {
        String first = unit.read(FindReadTest::describeBookFour);
        assertThat(unit.sql().count()).as("the book, its author and its publisher").isEqualTo(3);
        unit.sql().reset();
        String second = unit.read(FindReadTest::describeBookFour);
        assertThat(unit.sql().statements()).isEmpty();
        assertThat(second).isEqualTo(first).isEqualTo("The Dispossessed by Le Guin, Gollancz");
    }

    @Test
    void findOfAMissingRowIsCachedUntilTheRowIsInserted() {
        assertThat(statementsOf(unit, em -> em.find(Author.class, 99L))).isEqualTo(1);
        unit.sql().reset();
        Author missing = unit.read(em -> em.find(Author.class, 99L));
        assertThat(missing).isNull();
        assertThat(unit.sql().count()).as("the absence is served from cache").isZero();
        unit.write(em -> em.persist(new Author(99, "Banks", LocalDate.of(1954, 2, 16))));
        unit.sql().reset();
        String inserted = unit.read(em -> em.find(Author.class, 99L).getName());
        assertThat(inserted).isEqualTo("Banks");
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    private static String describeBookFour(EntityManager em) {
        Book found = em.find(Book.class, 4L);
        return found.getTitle() + " by " + found.getAuthor().getName() + ", " + found.getPublisher().getName();
    }
}
