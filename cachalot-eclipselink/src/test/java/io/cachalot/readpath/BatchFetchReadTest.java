package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.statementsOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.model.Category;
import io.cachalot.model.Review;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch fetch loads a relation of every book of a query in one SELECT; in a new entity manager the query and
 * its batch are both served from the cache.
 */
@ParameterizedClass
@EnumSource(Database.class)
class BatchFetchReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void batchHintOfTypeInLoadsTagsOnceThenFromCache() {
        Map<Long, String> tags = batchTwice("book_tag", Map.of("eclipselink.batch", "b.tags", "eclipselink.batch.type", "IN"),
                book -> new TreeSet<>(book.getTags()).toString());
        assertThat(tags).containsEntry(3L, "[dragon, wizard]").containsEntry(2L, "[]").hasSize(5);
    }

    @Test
    void batchHintOfTypeExistsLoadsCategoriesOnceThenFromCache() {
        Map<Long, String> categories = batchTwice("book_category",
                Map.of("eclipselink.batch", "b.categories", "eclipselink.batch.type", "EXISTS"),
                book -> new TreeSet<>(book.getCategories().stream().map(Category::getName).toList()).toString());
        assertThat(categories).containsEntry(4L, "[science fiction]").containsEntry(5L, "[fantasy, humour]").hasSize(5);
    }

    @Test
    void batchFetchAnnotationLoadsReviewsOnceThenFromCache() {
        Map<Long, String> stars = batchTwice("review", Map.of(),
                book -> book.getReviews().stream().map(Review::getStars).toList().toString());
        assertThat(stars).containsEntry(1L, "[5, 4]").containsEntry(4L, "[3]").hasSize(5);
    }

    private Map<Long, String> batchTwice(String table, Map<String, Object> hints, Function<Book, String> touch) {
        Map<Long, String> first = unit.read(em -> {
            List<Book> books = query(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class), hints).getResultList();
            unit.sql().reset();
            Map<Long, String> loaded = touchAll(books, touch);
            assertThat(statementsOn(unit, table)).as("one batch SELECT on %s for all books", table).isEqualTo(1);
            assertThat(unit.sql().count()).isEqualTo(1);
            return loaded;
        });
        unit.sql().reset();
        Map<Long, String> second = unit.read(em -> touchAll(
                query(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class), hints).getResultList(), touch));
        assertThat(unit.sql().statements()).as("query and batch in a new entity manager").isEmpty();
        assertThat(second).isEqualTo(first);
        return second;
    }

    private static TypedQuery<Book> query(TypedQuery<Book> query, Map<String, Object> hints) {
        hints.forEach(query::setHint);
        return query;
    }

    private static Map<Long, String> touchAll(List<Book> books, Function<Book, String> touch) {
        Map<Long, String> loaded = new TreeMap<>();
        books.forEach(book -> loaded.put(book.getId(), touch.apply(book)));
        return loaded;
    }
}
