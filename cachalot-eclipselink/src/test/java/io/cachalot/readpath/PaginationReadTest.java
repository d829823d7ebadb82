package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each window (first result, max results) of one query is its own cache entry. */
@ParameterizedClass
@EnumSource(Database.class)
class PaginationReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void eachPageIsItsOwnEntryWithItsOwnRows() {
        for (int first = 0; first < 6; first += 2) {
            int page = first;
            assertThat(statementsOf(unit, em -> titles(em, page, 2))).as("first run of page at %d", page).isEqualTo(1);
        }
        unit.sql().reset();
        List<String> first = unit.read(em -> titles(em, 0, 2));
        List<String> second = unit.read(em -> titles(em, 2, 2));
        List<String> last = unit.read(em -> titles(em, 4, 2));
        assertThat(unit.sql().count()).as("pages read a second time").isZero();
        assertThat(first).containsExactly("The Hobbit", "The Lord of the Rings");
        assertThat(second).containsExactly("A Wizard of Earthsea", "The Dispossessed");
        assertThat(last).containsExactly("The Colour of Magic");
    }

    @Test
    void onlyAFirstResultOrOnlyAMaximumAreDifferentWindows() {
        assertThat(statementsOf(unit, em -> titles(em, 0, 3))).isEqualTo(1);
        assertThat(statementsOf(unit, em -> titles(em, 3, Integer.MAX_VALUE))).isEqualTo(1);
        assertThat(statementsOf(unit, em -> titles(em, 1, 3))).isEqualTo(1);
        assertThat(statementsOf(unit, em -> titles(em, 0, Integer.MAX_VALUE))).as("no window at all").isEqualTo(1);
        unit.sql().reset();
        List<String> firstThree = unit.read(em -> titles(em, 0, 3));
        List<String> fromFourth = unit.read(em -> titles(em, 3, Integer.MAX_VALUE));
        List<String> threeFromSecond = unit.read(em -> titles(em, 1, 3));
        List<String> all = unit.read(em -> titles(em, 0, Integer.MAX_VALUE));
        assertThat(unit.sql().statements()).isEmpty();
        assertThat(firstThree).containsExactly("The Hobbit", "The Lord of the Rings", "A Wizard of Earthsea");
        assertThat(fromFourth).containsExactly("The Dispossessed", "The Colour of Magic");
        assertThat(threeFromSecond).containsExactly("The Lord of the Rings", "A Wizard of Earthsea", "The Dispossessed");
        assertThat(all).hasSize(5);
    }

    @Test
    void pageOfEntitiesIsServedWithTheirRelations() {
        List<String> secondPage = CachedReads.missThenHit(unit, em -> em.createQuery(
                "SELECT b FROM Book b ORDER BY b.id", Book.class).setFirstResult(2).setMaxResults(2).getResultList()
                .stream().map(b -> b.getTitle() + " by " + b.getAuthor().getName() + ", " + b.getPublisher().getName())
                .toList());
        assertThat(secondPage).containsExactly("A Wizard of Earthsea by Le Guin, Gollancz", "The Dispossessed by Le Guin, Gollancz");
    }

    private static List<String> titles(EntityManager em, int first, int max) {
        TypedQuery<String> query = em.createQuery("SELECT b.title FROM Book b ORDER BY b.id", String.class);
        if (first > 0) {
            query.setFirstResult(first);
        }
        if (max != Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        return query.getResultList();
    }
}
