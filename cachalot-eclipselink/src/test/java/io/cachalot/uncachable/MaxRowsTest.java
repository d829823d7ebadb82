package io.cachalot.uncachable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Results with more rows than {@code cachalot.max-rows} run normally but are not stored. */
@ParameterizedClass
@EnumSource(Database.class)
class MaxRowsTest {

    private static final String REVIEWS = "SELECT r.id, r.stars FROM Review r ORDER BY r.id";

    @Parameter
    Database database;

    TestUnit shared;
    TestUnit unit;

    @BeforeEach
    void setUp() {
        shared = TestUnit.on(database);
        unit = TestUnit.withProperties(database, Map.of(CachalotProperties.MAX_ROWS, "3"));
        Fixtures.library(shared);
    }

    @AfterEach
    void tearDown() {
        unit.close();
    }

    @Test
    void resultOverMaxRowsIsNotStoredButComplete() {
        for (int run = 1; run <= 2; run++) {
            List<Object[]> rows = new ArrayList<>();
            int statements = unit.countStatements(() -> rows.addAll(reviews(unit)));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(rows).hasSize(6);
            assertThat(rows).extracting(row -> ((Number) row[0]).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    void resultOfExactlyMaxRowsIsStored() {
        unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList());

        List<String> names = new ArrayList<>();
        int statements = unit.countStatements(() -> names.addAll(
                unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList())));

        assertThat(statements).isZero();
        assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void pageWithinMaxRowsOfALargerResultIsStored() {
        unit.read(em -> em.createQuery(REVIEWS, Object[].class).setFirstResult(2).setMaxResults(3).getResultList());

        List<Object[]> page = new ArrayList<>();
        int statements = unit.countStatements(() -> page.addAll(
                unit.read(em -> em.createQuery(REVIEWS, Object[].class).setFirstResult(2).setMaxResults(3).getResultList())));

        assertThat(statements).isZero();
        assertThat(page).extracting(row -> ((Number) row[0]).longValue()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void defaultMaxRowsStoresTheSameResult() {
        reviews(shared);

        assertThat(shared.countStatements(() -> assertThat(reviews(shared)).hasSize(6))).isZero();
    }

    @Test
    void maxRowsZeroStoresNoRowAtAll() {
        try (TestUnit none = TestUnit.withProperties(database, Map.of(CachalotProperties.MAX_ROWS, 0))) {
            Fixtures.library(shared);
            for (int run = 1; run <= 2; run++) {
                int findStatements = none.countStatements(() ->
                        assertThat(none.read(em -> em.find(Author.class, 1L)).getName()).isEqualTo("Tolkien"));
                List<String> empty = new ArrayList<>();
                int emptyStatements = none.countStatements(() -> empty.addAll(none.read(em ->
                        em.createQuery("SELECT a.name FROM Author a WHERE a.id = 99", String.class).getResultList())));
                assertThat(empty).isEmpty();

                assertThat(findStatements).as("run " + run).isEqualTo(1);
                assertThat(emptyStatements).as("run " + run).isEqualTo(run == 1 ? 1 : 0);
            }
        }
    }

    private static List<Object[]> reviews(TestUnit unit) {
        return unit.read(em -> em.createQuery(REVIEWS, Object[].class).getResultList());
    }
}
