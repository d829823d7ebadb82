package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static io.cachalot.readpath.CachedReads.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class NamedQueryReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void namedQueryIsServedFromCachePerParameterValue() {
        List<String> tolkien = missThenHit(unit, em -> byAuthor(em, "Tolkien"));
        assertThat(tolkien).containsExactly("The Hobbit by Tolkien", "The Lord of the Rings by Tolkien");
        assertThat(statementsOf(unit, em -> byAuthor(em, "Pratchett"))).as("another value is another entry").isPositive();
        assertThat(statementsOf(unit, em -> byAuthor(em, "Pratchett"))).isZero();
        List<String> pratchett = unit.read(em -> byAuthor(em, "Pratchett"));
        assertThat(pratchett).containsExactly("The Colour of Magic by Pratchett");
    }

    @Test
    void namedAggregateQueryIsServedFromCache() {
        List<List<Object>> perPublisher = missThenHit(unit, em -> rows(
                em.createNamedQuery(Book.COUNT_BY_PUBLISHER).getResultList()));
        assertThat(perPublisher).containsExactly(List.of("Allen & Unwin", 2L), List.of("Gollancz", 3L));
    }

    @Test
    void namedNativeQueryWithResultClassIsServedFromCache() {
        // Book.price is NUMERIC(38,0) as generated: the fixture's prices are stored as 13, 30, 10, 11 and 9.
        List<String> cheap = missThenHit(unit, em -> cheaperThan(em, "10.5"));
        assertThat(cheap).containsExactly("A Wizard of Earthsea", "The Colour of Magic");
        List<String> lessCheap = missThenHit(unit, em -> cheaperThan(em, "12"));
        assertThat(lessCheap).containsExactly("A Wizard of Earthsea", "The Dispossessed", "The Colour of Magic");
    }

    private static List<String> byAuthor(EntityManager em, String name) {
        return em.createNamedQuery(Book.BY_AUTHOR_NAME, Book.class).setParameter("name", name).getResultList().stream()
                .map(book -> book.getTitle() + " by " + book.getAuthor().getName()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> cheaperThan(EntityManager em, String price) {
        List<Book> books = em.createNamedQuery(Book.NATIVE_CHEAPER_THAN).setParameter(1, new BigDecimal(price)).getResultList();
        return books.stream().map(Book::getTitle).toList();
    }
}
