package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.model.Category;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class JoinReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void innerJoinIsServedFromCache() {
        List<List<Object>> gollancz = missThenHit(unit, em -> rows(em.createQuery(
                "SELECT b.title, a.name FROM Book b JOIN b.author a JOIN b.publisher p WHERE p.name = :publisher ORDER BY b.id")
                .setParameter("publisher", "Gollancz").getResultList()));
        assertThat(gollancz).containsExactly(List.of("A Wizard of Earthsea", "Le Guin"),
                List.of("The Dispossessed", "Le Guin"), List.of("The Colour of Magic", "Pratchett"));
    }

    @Test
    void leftJoinKeepsRowsWithoutPartnerThroughTheCache() {
        List<List<Object>> tagged = missThenHit(unit, em -> rows(em.createQuery(
                "SELECT b.id, t FROM Book b LEFT JOIN b.tags t ORDER BY b.id, t").getResultList()));
        assertThat(tagged).containsExactly(Arrays.asList(1L, "dragon"), Arrays.asList(2L, null),
                Arrays.asList(3L, "dragon"), Arrays.asList(3L, "wizard"), Arrays.asList(4L, null),
                Arrays.asList(5L, "wizard"));
    }

    @Test
    void leftJoinOnAConditionWithCountsOfZeroIsServedFromCache() {
        List<List<Object>> fiveStarReviews = missThenHit(unit, em -> rows(em.createQuery(
                "SELECT a.name, COUNT(r) FROM Author a LEFT JOIN Book b ON b.author = a"
                + " LEFT JOIN Review r ON r.book = b AND r.stars = 5 GROUP BY a.name ORDER BY a.name").getResultList()));
        assertThat(fiveStarReviews).containsExactly(List.of("Le Guin", 0L), List.of("Pratchett", 1L), List.of("Tolkien", 2L));
    }

    @Test
    void joinFetchedCollectionComesFromTheCachedRowsWithoutLaterLoads() {
        List<String> books = missThenHit(unit, em -> {
            List<Book> found = em.createQuery("SELECT DISTINCT b FROM Book b JOIN FETCH b.categories"
                    + " WHERE b.id IN (1, 5) ORDER BY b.id", Book.class).getResultList();
            int afterQuery = unit.sql().count();
            List<String> described = found.stream()
                    .map(b -> b.getTitle() + " " + new TreeSet<>(b.getCategories().stream().map(Category::getName).toList()))
                    .toList();
            assertThat(unit.sql().count()).as("categories were fetched by the join").isEqualTo(afterQuery);
            return described;
        });
        assertThat(books).containsExactly("The Hobbit [fantasy]", "The Colour of Magic [fantasy, humour]");
    }

    @Test
    void leftJoinFetchedElementCollectionComesFromTheCachedRows() {
        List<String> books = missThenHit(unit, em -> {
            List<Book> found = em.createQuery("SELECT DISTINCT b FROM Book b LEFT JOIN FETCH b.tags"
                    + " WHERE b.author.id = 2 ORDER BY b.id", Book.class).getResultList();
            int afterQuery = unit.sql().count();
            List<String> described = found.stream().map(b -> b.getTitle() + " " + new TreeSet<>(b.getTags())).toList();
            assertThat(unit.sql().count()).as("tags were fetched by the join").isEqualTo(afterQuery);
            return described;
        });
        assertThat(books).containsExactly("A Wizard of Earthsea [dragon, wizard]", "The Dispossessed []");
    }
}
