package io.cachalot.api;

import static io.cachalot.api.Reads.statements;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Cachalot.uncached(query)} makes that query skip the cache, and no other query of the same text. */
@ParameterizedClass
@EnumSource(Database.class)
class UncachedQueryTest {

    private static final String JPQL = "SELECT a.name FROM Author a ORDER BY a.id";
    private static final String SQL = "SELECT name FROM author ORDER BY id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void uncachedJpqlQueryAlwaysGoesToTheDatabaseWhileTheSameQueryIsCached() {
        Function<EntityManager, List<String>> cached = em -> em.createQuery(JPQL, String.class).getResultList();
        Function<EntityManager, List<String>> uncached =
                em -> Cachalot.uncached(em.createQuery(JPQL, String.class)).getResultList();
        assertThat(statements(unit, cached)).isEqualTo(1);

        assertThat(statements(unit, uncached)).isEqualTo(1);
        assertThat(statements(unit, uncached)).isEqualTo(1);
        assertThat(unit.read(uncached)).containsExactly("Tolkien", "Le Guin", "Pratchett");

        assertThat(statements(unit, cached)).as("the same JPQL without uncached").isZero();
    }

    @Test
    void uncachedNativeQueryStoresNothing() {
        Function<EntityManager, List<?>> cached = em -> em.createNativeQuery(SQL).getResultList();
        Function<EntityManager, List<?>> uncached = em -> Cachalot.uncached(em.createNativeQuery(SQL)).getResultList();

        assertThat(statements(unit, uncached)).isEqualTo(1);
        assertThat(statements(unit, uncached)).isEqualTo(1);

        assertThat(statements(unit, cached)).as("nothing was stored by the uncached runs").isEqualTo(1);
        assertThat(statements(unit, cached)).isZero();
        assertThat(statements(unit, uncached)).as("and a cached entry is not served to it").isEqualTo(1);
    }
}
