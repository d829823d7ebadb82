package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.model.Category;
import io.cachalot.model.Review;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subqueries are served from the cache, and the tables they read count as much as the outer query's: after a
 * write to a table read only inside a subquery, the next run goes to the database ({@code missThenHit} asserts
 * that its first run executes SQL).
 */
@ParameterizedClass
@EnumSource(Database.class)
class SubqueryReadTest {

    private static final String NESTED_THREE_DEEP = "SELECT a.name FROM Author a WHERE a.id IN ("
            + "SELECT b.author.id FROM Book b WHERE b.id IN ("
            + "SELECT r.book.id FROM Review r WHERE r.stars = 5 AND r.book.id IN ("
            + "SELECT b2.id FROM Book b2 JOIN b2.categories c WHERE c.name = 'fantasy'))) ORDER BY a.name";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void inSubqueryIsServedFromCacheUntilItsTableChanges() {
        String jpql = "SELECT b.title FROM Book b WHERE b.id IN (SELECT r.book.id FROM Review r WHERE r.stars = 5) ORDER BY b.id";
        List<String> before = missThenHit(unit, em -> em.createQuery(jpql, String.class).getResultList());
        assertThat(before).containsExactly("The Hobbit", "The Lord of the Rings", "The Colour of Magic");
        unit.write(em -> em.find(Review.class, 5L).setStars(5));
        List<String> after = missThenHit(unit, em -> em.createQuery(jpql, String.class).getResultList());
        assertThat(after).containsExactly("The Hobbit", "The Lord of the Rings", "The Dispossessed", "The Colour of Magic");
    }

    @Test
    void existsSubqueryIsServedFromCache() {
        List<String> authors = missThenHit(unit, em -> em.createQuery("SELECT a.name FROM Author a WHERE EXISTS ("
                + "SELECT b FROM Book b WHERE b.author = a AND b.price > 20) ORDER BY a.name", String.class).getResultList());
        assertThat(authors).containsExactly("Tolkien");
        List<String> without = missThenHit(unit, em -> em.createQuery("SELECT a.name FROM Author a WHERE NOT EXISTS ("
                + "SELECT r FROM Review r WHERE r.book.author = a AND r.stars < 4) ORDER BY a.name", String.class).getResultList());
        assertThat(without).containsExactly("Pratchett", "Tolkien");
    }

    @Test
    void scalarSubqueryInWhereIsServedFromCache() {
        List<String> aboveAverage = missThenHit(unit, em -> em.createQuery("SELECT b.title FROM Book b"
                + " WHERE b.price > (SELECT AVG(b2.price) FROM Book b2) ORDER BY b.id", String.class).getResultList());
        assertThat(aboveAverage).containsExactly("The Lord of the Rings");
        List<String> best = missThenHit(unit, em -> em.createQuery("SELECT DISTINCT r.book.title FROM Review r"
                + " WHERE r.stars = (SELECT MAX(r2.stars) FROM Review r2) ORDER BY r.book.title", String.class).getResultList());
        assertThat(best).containsExactly("The Colour of Magic", "The Hobbit", "The Lord of the Rings");
    }

    @Test
    void subqueriesNestedThreeDeepAreServedFromCacheUntilTheInnermostTableChanges() {
        assertThat(missThenHit(unit, SubqueryReadTest::nested)).containsExactly("Pratchett", "Tolkien");
        // Book 4 (Le Guin) gets a five-star review: review is read at the second level.
        unit.write(em -> em.find(Review.class, 5L).setStars(5));
        assertThat(missThenHit(unit, SubqueryReadTest::nested)).as("book 4 is not fantasy yet")
                .containsExactly("Pratchett", "Tolkien");
        // Book 4 becomes fantasy: only book_category, read in the innermost subquery, changes.
        unit.write(em -> em.find(Book.class, 4L).getCategories().add(em.find(Category.class, 1L)));
        assertThat(missThenHit(unit, SubqueryReadTest::nested)).containsExactly("Le Guin", "Pratchett", "Tolkien");
    }

    private static List<String> nested(EntityManager em) {
        return em.createQuery(NESTED_THREE_DEEP, String.class).getResultList();
    }
}
