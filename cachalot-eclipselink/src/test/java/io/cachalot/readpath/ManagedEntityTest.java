package io.cachalot.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Book;
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
 * Entities built from cached rows are ordinary managed entities of their persistence context. Each case first
 * fills the cache in another entity manager, then checks that its own reads ran no SQL.
 */
@ParameterizedClass
@EnumSource(Database.class)
class ManagedEntityTest {

    private static final String TOLKIEN_BOOKS = "SELECT b FROM Book b WHERE b.author.id = 1 ORDER BY b.id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        unit.read(ManagedEntityTest::tolkienBooks);
        unit.sql().reset();
    }

    @Test
    void sameQueryTwiceInOneEntityManagerReturnsTheSameInstances() {
        unit.read(em -> {
            List<Book> first = tolkienBooks(em);
            List<Book> second = tolkienBooks(em);
            assertThat(unit.sql().statements()).isEmpty();
            assertThat(second).hasSize(2);
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i)).isSameAs(first.get(i));
            }
            assertThat(first).allMatch(em::contains);
            return null;
        });
    }

    @Test
    void relationsOfEntitiesFromCachedRowsShareTheirInstances() {
        unit.read(em -> {
            List<Book> books = tolkienBooks(em);
            assertThat(books.get(0).getAuthor()).isSameAs(books.get(1).getAuthor());
            assertThat(books.get(0).getPublisher()).isSameAs(books.get(1).getPublisher());
            assertThat(unit.sql().statements()).isEmpty();
            return null;
        });
    }

    @Test
    void findOfARowLoadedFromCachedRowsReturnsThatInstanceWithoutSql() {
        unit.read(em -> {
            Book hobbit = tolkienBooks(em).get(0);
            assertThat(em.find(Book.class, 1L)).isSameAs(hobbit);
            assertThat(em.getReference(Book.class, 2L)).isSameAs(tolkienBooks(em).get(1));
            assertThat(unit.sql().statements()).isEmpty();
            return null;
        });
    }

    @Test
    void changeOfAnEntityFromCachedRowsIsFlushedAsAnUpdateAndSeenAfter() {
        unit.write(em -> {
            Book rings = tolkienBooks(em).get(1);
            assertThat(unit.sql().statements()).as("the entity came from cached rows").isEmpty();
            rings.setTitle("The Fellowship of the Ring");
        });
        assertThat(unit.sql().statements()).singleElement().asString().startsWithIgnoringCase("UPDATE");
        unit.sql().reset();
        List<String> titles = unit.read(em -> tolkienBooks(em).stream().map(Book::getTitle).toList());
        assertThat(titles).containsExactly("The Hobbit", "The Fellowship of the Ring");
        assertThat(unit.sql().statements()).as("only book was invalidated: author and publisher still hit")
                .singleElement().asString().containsIgnoringCase("book");
    }

    private static List<Book> tolkienBooks(EntityManager em) {
        return em.createQuery(TOLKIEN_BOOKS, Book.class).getResultList();
    }
}
