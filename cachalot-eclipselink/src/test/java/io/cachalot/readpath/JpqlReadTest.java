package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static io.cachalot.readpath.CachedReads.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class JpqlReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void secondRunOfAQueryIsServedWithoutSql() {
        List<String> first = unit.read(em -> titles(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class).getResultList()));
        unit.sql().reset();
        List<String> second = unit.read(em -> titles(em.createQuery("SELECT b FROM Book b ORDER BY b.id", Book.class).getResultList()));
        assertThat(unit.sql().count()).isZero();
        assertThat(second).isEqualTo(first).hasSize(5);
    }

    @Test
    void firstRunGoesToTheDatabase() {
        int statements = unit.countStatements(() -> unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList()));
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void persistInvalidatesTheTable() {
        unit.read(em -> em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult());
        unit.write(em -> em.persist(new Book(9, "New", null, null, null, null)));
        unit.sql().reset();
        long count = unit.read(em -> em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult());
        assertThat(count).isEqualTo(6);
        assertThat(unit.sql().count()).isEqualTo(1);
    }

    @Test
    void eachParameterValueIsItsOwnEntry() {
        assertThat(statementsOf(unit, em -> titlesBy(em, "Tolkien"))).isEqualTo(1);
        assertThat(statementsOf(unit, em -> titlesBy(em, "Le Guin"))).as("another value is another entry").isEqualTo(1);
        unit.sql().reset();
        List<String> tolkien = unit.read(em -> titlesBy(em, "Tolkien"));
        List<String> leGuin = unit.read(em -> titlesBy(em, "Le Guin"));
        List<String> nobody = unit.read(em -> titlesBy(em, "Nobody"));
        assertThat(unit.sql().count()).as("only the new value 'Nobody' reaches the database").isEqualTo(1);
        assertThat(tolkien).containsExactly("The Hobbit", "The Lord of the Rings");
        assertThat(leGuin).containsExactly("A Wizard of Earthsea", "The Dispossessed");
        assertThat(nobody).isEmpty();
        assertThat(statementsOf(unit, em -> titlesBy(em, "Nobody"))).as("an empty result is cached too").isZero();
    }

    @Test
    void severalParametersOfDifferentTypesAreAllPartOfTheKey() {
        String jpql = "SELECT b.title FROM Book b WHERE b.price > ?1 AND b.author.id = ?2 AND b.title LIKE ?3 ORDER BY b.id";
        List<String> cheap = missThenHit(unit, em -> em.createQuery(jpql, String.class)
                .setParameter(1, new BigDecimal("10")).setParameter(2, 1L).setParameter(3, "The%").getResultList());
        assertThat(cheap).containsExactly("The Hobbit", "The Lord of the Rings");
        List<String> dear = missThenHit(unit, em -> em.createQuery(jpql, String.class)
                .setParameter(1, new BigDecimal("20")).setParameter(2, 1L).setParameter(3, "The%").getResultList());
        assertThat(dear).containsExactly("The Lord of the Rings");
        List<String> otherAuthor = missThenHit(unit, em -> em.createQuery(jpql, String.class)
                .setParameter(1, new BigDecimal("10")).setParameter(2, 2L).setParameter(3, "The%").getResultList());
        assertThat(otherAuthor).containsExactly("The Dispossessed");
    }

    @Test
    void projectionOfSeveralColumnsIsServedWithTheirTypes() {
        List<List<Object>> result = missThenHit(unit, em -> rows(em.createQuery(
                "SELECT b.id, b.title, b.price, b.published FROM Book b WHERE b.id <= 2 ORDER BY b.id").getResultList()));
        assertThat(result).hasSize(2);
        assertThat(result.get(0)).startsWith(1L, "The Hobbit");
        assertThat((BigDecimal) result.get(1).get(2)).isEqualByComparingTo("30");
        assertThat(result.get(1).get(3)).isEqualTo(LocalDate.of(1954, 1, 1));
    }

    @Test
    void distinctIsServedFromCache() {
        // Unordered: EclipseLink cannot order by an element collection's value (NullPointerException while preparing).
        List<String> tags = missThenHit(unit, em -> em.createQuery(
                "SELECT DISTINCT t FROM Book b JOIN b.tags t", String.class).getResultList());
        assertThat(tags).containsExactlyInAnyOrder("dragon", "wizard");
        List<String> authors = missThenHit(unit, em -> em.createQuery(
                "SELECT DISTINCT b.author.name FROM Book b WHERE b.price < 12 ORDER BY b.author.name", String.class)
                .getResultList());
        assertThat(authors).containsExactly("Le Guin", "Pratchett");
    }

    private static List<String> titlesBy(EntityManager em, String authorName) {
        return em.createQuery("SELECT b.title FROM Book b WHERE b.author.name = :name ORDER BY b.id", String.class)
                .setParameter("name", authorName).getResultList();
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(Book::getTitle).toList();
    }
}
