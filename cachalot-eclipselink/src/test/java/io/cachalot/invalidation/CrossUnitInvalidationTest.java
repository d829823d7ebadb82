package io.cachalot.invalidation;

import static io.cachalot.invalidation.Observed.cached;
import static io.cachalot.invalidation.Observed.jpql;
import static io.cachalot.invalidation.Observed.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes made elsewhere: through another persistence unit on the same database (seen at once) and from outside
 * the application (not seen until {@code Cachalot.invalidate}, the documented limit).
 */
@ParameterizedClass
@EnumSource(Database.class)
class CrossUnitInvalidationTest {

    private static final Function<EntityManager, List<Object>> AUTHOR_NAMES =
            jpql("SELECT a.name FROM Author a ORDER BY a.id");
    private static final Function<EntityManager, List<Object>> PUBLISHER_NAMES =
            jpql("SELECT p.name FROM Publisher p ORDER BY p.id");

    @Parameter
    Database database;

    TestUnit unit;
    TestUnit other;

    @BeforeEach
    void setUp() {
        other = TestUnit.withProperties(database, Map.of());
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @AfterEach
    void tearDown() {
        other.close();
    }

    @Test
    void writeThroughAnotherUnitOnTheSameDatabaseInvalidatesThisOne() {
        cached(unit, AUTHOR_NAMES);

        other.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));

        Observed<List<Object>> after = read(unit, AUTHOR_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Tolkien", "Ursula K. Le Guin", "Pratchett");
    }

    @Test
    void writeThroughThisUnitInvalidatesAnotherOneOnTheSameDatabase() {
        cached(other, AUTHOR_NAMES);

        unit.write(em -> em.persist(new Author(4, "Herbert", null)));

        Observed<List<Object>> after = read(other, AUTHOR_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Pratchett", "Herbert");
    }

    @Test
    void writeFromOutsideIsNotSeenUntilTheTableIsInvalidated() {
        cached(unit, AUTHOR_NAMES);
        cached(unit, PUBLISHER_NAMES);

        unit.outside("UPDATE author SET name = 'Sir Terry' WHERE id = 3");
        unit.outside("UPDATE publisher SET name = 'Unwin' WHERE id = 1");

        Observed<List<Object>> stale = read(unit, AUTHOR_NAMES);
        assertThat(stale.statements()).as("documented limit: cachalot cannot see this write").isZero();
        assertThat(stale.value()).containsExactly("Tolkien", "Le Guin", "Pratchett");

        unit.cachalot().invalidate("author");

        Observed<List<Object>> fresh = read(unit, AUTHOR_NAMES);
        assertThat(fresh.statements()).isEqualTo(1);
        assertThat(fresh.value()).containsExactly("Tolkien", "Le Guin", "Sir Terry");
        Observed<List<Object>> publishers = read(unit, PUBLISHER_NAMES);
        assertThat(publishers.statements()).as("publisher was not invalidated").isZero();
        assertThat(publishers.value()).containsExactly("Allen & Unwin", "Gollancz");
    }
}
