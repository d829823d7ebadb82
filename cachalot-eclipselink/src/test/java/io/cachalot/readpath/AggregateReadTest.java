package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Aggregate results are single rows of computed values; they must come back with the same values and types. */
@ParameterizedClass
@EnumSource(Database.class)
class AggregateReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void countIsServedFromCache() {
        List<Object> counts = missThenHit(unit, em -> List.of(em.createQuery(
                "SELECT COUNT(b), COUNT(DISTINCT b.author) FROM Book b", Object[].class).getSingleResult()));
        assertThat(counts).containsExactly(5L, 3L);
        long fiveStars = missThenHit(unit, em -> em.createQuery(
                "SELECT COUNT(r) FROM Review r WHERE r.stars = 5", Long.class).getSingleResult());
        assertThat(fiveStars).isEqualTo(3);
    }

    @Test
    void sumAndAverageAreServedWithTheirValuesAndTypes() {
        List<Object> stars = missThenHit(unit, em -> List.of(em.createQuery(
                "SELECT SUM(r.stars), AVG(r.stars) FROM Review r", Object[].class).getSingleResult()));
        assertThat(((Number) stars.get(0)).longValue()).isEqualTo(26);
        assertThat(((Number) stars.get(1)).doubleValue()).isBetween(4.33, 4.34);
        // Book.price is NUMERIC(38,0) as generated: the stored prices are 13, 30, 10, 11 and 9.
        List<Object> prices = missThenHit(unit, em -> List.of(em.createQuery(
                "SELECT SUM(b.price), AVG(b.price) FROM Book b", Object[].class).getSingleResult()));
        assertThat(new BigDecimal(prices.get(0).toString())).isEqualByComparingTo("73");
        assertThat(((Number) prices.get(1)).doubleValue()).isEqualTo(14.6, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void minAndMaxAreServedFromCache() {
        List<Object> extremes = missThenHit(unit, em -> List.of(em.createQuery(
                "SELECT MIN(b.price), MAX(b.price), MIN(b.published), MAX(b.title) FROM Book b", Object[].class)
                .getSingleResult()));
        assertThat(new BigDecimal(extremes.get(0).toString())).isEqualByComparingTo("9");
        assertThat(new BigDecimal(extremes.get(1).toString())).isEqualByComparingTo("30");
        assertThat(extremes.get(2)).isEqualTo(LocalDate.of(1937, 1, 1));
        assertThat(extremes.get(3)).isEqualTo("The Lord of the Rings");
    }

    @Test
    void groupByWithHavingIsServedFromCachePerParameterValue() {
        List<List<Object>> atLeastFour = missThenHit(unit, em -> worstReviewAtLeast(em, 4));
        assertThat(atLeastFour).containsExactly(List.of("A Wizard of Earthsea", 1L), List.of("The Colour of Magic", 1L),
                List.of("The Hobbit", 2L), List.of("The Lord of the Rings", 1L));
        List<List<Object>> onlyFive = missThenHit(unit, em -> worstReviewAtLeast(em, 5));
        assertThat(onlyFive).containsExactly(List.of("The Colour of Magic", 1L), List.of("The Lord of the Rings", 1L));
    }

    private static List<List<Object>> worstReviewAtLeast(EntityManager em, int stars) {
        return rows(em.createQuery("SELECT r.book.title, COUNT(r) FROM Review r GROUP BY r.book.title"
                + " HAVING MIN(r.stars) >= :stars ORDER BY r.book.title").setParameter("stars", stars).getResultList());
    }
}
