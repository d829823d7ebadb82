package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.statementsOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.model.Category;
import io.cachalot.model.Review;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lazy relation is loaded by its own SELECT when first touched; in a new entity manager the same load is
 * served from the cache. Each case counts only the statements of the lazy load itself.
 */
@ParameterizedClass
@EnumSource(Database.class)
class LazyLoadReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void lazyElementCollectionIsServedFromCacheOnTheSecondLoad() {
        Object tags = lazyLoadTwice(3L, "book_tag", book -> new TreeSet<>(book.getTags()));
        assertThat(tags).hasToString("[dragon, wizard]");
    }

    @Test
    void lazyManyToManyIsServedFromCacheOnTheSecondLoad() {
        Object categories = lazyLoadTwice(5L, "book_category",
                book -> new TreeSet<>(book.getCategories().stream().map(Category::getName).toList()));
        assertThat(categories).hasToString("[fantasy, humour]");
    }

    @Test
    void lazyOneToManyIsServedFromCacheOnTheSecondLoad() {
        Object stars = lazyLoadTwice(1L, "review", book -> book.getReviews().stream().map(Review::getStars).toList());
        assertThat(stars).isEqualTo(List.of(5, 4));
    }

    private <T> T lazyLoadTwice(long bookId, String table, Function<Book, T> touch) {
        T first = unit.read(em -> {
            Book book = em.find(Book.class, bookId);
            unit.sql().reset();
            T loaded = touch.apply(book);
            assertThat(statementsOn(unit, table)).as("the first lazy load reads %s", table).isEqualTo(1);
            return loaded;
        });
        T second = unit.read(em -> {
            Book book = em.find(Book.class, bookId);
            unit.sql().reset();
            T loaded = touch.apply(book);
            assertThat(unit.sql().statements()).as("the second lazy load, in a new entity manager").isEmpty();
            return loaded;
        });
        assertThat(second).isEqualTo(first);
        return second;
    }
}
