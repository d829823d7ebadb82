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
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
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
class CriteriaReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void criteriaQueryOfEntitiesIsServedFromCache() {
        List<String> titles = missThenHit(unit, em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Book> query = cb.createQuery(Book.class);
            Root<Book> book = query.from(Book.class);
            Join<Book, Author> author = book.join("author");
            query.select(book)
                    .where(cb.and(cb.like(author.get("name"), "%e%"), cb.lessThan(book.get("price"), new BigDecimal("12"))))
                    .orderBy(cb.desc(book.get("price")));
            return em.createQuery(query).getResultList().stream()
                    .map(b -> b.getTitle() + " by " + b.getAuthor().getName()).toList();
        });
        assertThat(titles).containsExactly("The Dispossessed by Le Guin", "A Wizard of Earthsea by Le Guin",
                "The Colour of Magic by Pratchett");
    }

    @Test
    void criteriaParameterValuesAreSeparateEntries() {
        assertThat(statementsOf(unit, em -> namesBornAfter(em, 1900))).isEqualTo(1);
        assertThat(statementsOf(unit, em -> namesBornAfter(em, 1940))).isEqualTo(1);
        unit.sql().reset();
        List<String> after1900 = unit.read(em -> namesBornAfter(em, 1900));
        List<String> after1940 = unit.read(em -> namesBornAfter(em, 1940));
        assertThat(after1900).containsExactly("Le Guin", "Pratchett");
        assertThat(after1940).containsExactly("Pratchett");
        assertThat(unit.sql().count()).isZero();
    }

    @Test
    void criteriaMultiselectWithGroupingIsServedFromCache() {
        List<List<Object>> perAuthor = missThenHit(unit, em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<Book> book = query.from(Book.class);
            Join<Book, Author> author = book.join("author");
            query.multiselect(author.get("name"), cb.count(book), cb.max(book.get("price")))
                    .groupBy(author.get("name"))
                    .orderBy(cb.asc(author.get("name")));
            return rows(em.createQuery(query).getResultList());
        });
        assertThat(perAuthor).extracting(row -> row.get(0)).containsExactly("Le Guin", "Pratchett", "Tolkien");
        assertThat(perAuthor).extracting(row -> row.get(1)).containsExactly(2L, 1L, 2L);
    }

    private static List<String> namesBornAfter(EntityManager em, int year) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<Author> author = query.from(Author.class);
        ParameterExpression<LocalDate> after = cb.parameter(LocalDate.class, "after");
        query.select(author.get("name")).where(cb.greaterThan(author.get("born"), after)).orderBy(cb.asc(author.get("name")));
        return em.createQuery(query).setParameter(after, LocalDate.of(year, 1, 1)).getResultList();
    }
}
