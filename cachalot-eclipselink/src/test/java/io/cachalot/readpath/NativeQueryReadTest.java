package io.cachalot.readpath;

import static io.cachalot.readpath.CachedReads.missThenHit;
import static io.cachalot.readpath.CachedReads.rows;
import static io.cachalot.readpath.CachedReads.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Native SELECTs, with a result class and without one (rows of Object[] and scalars). */
@ParameterizedClass
@EnumSource(Database.class)
class NativeQueryReadTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nativeQueryWithAResultClassBuildsEntitiesFromCachedRows() {
        List<String> authors = missThenHit(unit, em -> ((List<Author>) em.createNativeQuery(
                "SELECT id, name, born FROM author WHERE born < ? ORDER BY id", Author.class)
                .setParameter(1, LocalDate.of(1940, 1, 1)).getResultList())
                .stream().map(a -> a.getId() + " " + a.getName() + " " + a.getBorn()).toList());
        assertThat(authors).containsExactly("1 Tolkien 1892-01-03", "2 Le Guin 1929-10-21");
    }

    @Test
    void nativeRowsOfObjectArraysAreServedWithTheirValuesAndTypes() {
        List<List<Object>> rows = missThenHit(unit, em -> rows(em.createNativeQuery(
                "SELECT b.id, b.title, b.published, a.name FROM book b JOIN author a ON a.id = b.author_id"
                + " WHERE b.id IN (2, 5) ORDER BY b.id").getResultList()));
        assertThat(rows).extracting(row -> ((Number) row.get(0)).longValue() + " " + row.get(1) + " " + row.get(2) + " " + row.get(3))
                .containsExactly("2 The Lord of the Rings 1954-01-01 Tolkien", "5 The Colour of Magic 1983-01-01 Pratchett");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nativeScalarsAreServedFromCache() {
        Object reviews = missThenHit(unit, em -> em.createNativeQuery("SELECT COUNT(*) FROM review").getSingleResult());
        assertThat(((Number) reviews).longValue()).isEqualTo(6);
        List<Object> names = missThenHit(unit, em -> (List<Object>) em.createNativeQuery("SELECT name FROM category ORDER BY id").getResultList());
        assertThat(names).containsExactly("fantasy", "science fiction", "humour");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nativeParameterValuesAreSeparateEntries() {
        String sql = "SELECT title FROM book WHERE author_id = ? ORDER BY id";
        assertThat(statementsOf(unit, em -> em.createNativeQuery(sql).setParameter(1, 1L).getResultList())).isEqualTo(1);
        assertThat(statementsOf(unit, em -> em.createNativeQuery(sql).setParameter(1, 3L).getResultList())).isEqualTo(1);
        unit.sql().reset();
        List<Object> tolkien = unit.read(em -> (List<Object>) em.createNativeQuery(sql).setParameter(1, 1L).getResultList());
        List<Object> pratchett = unit.read(em -> (List<Object>) em.createNativeQuery(sql).setParameter(1, 3L).getResultList());
        assertThat(tolkien).containsExactly("The Hobbit", "The Lord of the Rings");
        assertThat(pratchett).containsExactly("The Colour of Magic");
        assertThat(unit.sql().count()).isZero();
    }
}
